package dev.madoguchi.architecture.offender.b;

import dev.madoguchi.architecture.offender.a.CycleStart;

/** The other half of the deliberate package cycle (test code only). */
public final class CycleEnd {

    public int value() {
        return 1;
    }

    public CycleStart back() {
        return new CycleStart();
    }
}
