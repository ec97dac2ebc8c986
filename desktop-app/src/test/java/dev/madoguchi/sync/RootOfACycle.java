package dev.madoguchi.sync;

import dev.madoguchi.sync.fixture.BackToTheRoot;

/** A deliberate offender for ModuleRulesTest: a class in sync's root package that uses a sub-package using the root. */
public final class RootOfACycle {

    private RootOfACycle() {
    }

    public static String name() {
        return BackToTheRoot.name();
    }

    public static String label() {
        return "root";
    }
}
