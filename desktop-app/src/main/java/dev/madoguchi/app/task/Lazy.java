package dev.madoguchi.app.task;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made at its first use and then kept: for what the composition root needs only after the sign-in (tables
 * parsed from resources), so that building it does not lengthen the start (docs/performance.md, "Start of the
 * installed app"). Thread-safe; the value is made once even when two threads ask at the same time. A failure is not
 * kept: the next call tries again.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> maker;
    private volatile T value;

    private Lazy(Supplier<? extends T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> maker) {
        return new Lazy<>(maker);
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(maker.get(), "the maker gave no value");
                    value = made;
                }
            }
        }
        return made;
    }

    /** Whether the value has been made. */
    public boolean isMade() {
        return value != null;
    }
}
