package dev.madoguchi.architecture.offender.a;

import dev.madoguchi.architecture.offender.b.CycleEnd;

/** A deliberate offender for the package-cycle rules: package {@code a} uses {@code b}, which uses {@code a}. */
public final class CycleStart {

    public int next() {
        return new CycleEnd().value() + 1;
    }
}
