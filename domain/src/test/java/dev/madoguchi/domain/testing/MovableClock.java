package dev.madoguchi.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it (retention, purges, drafts, back-off, auto-lock). Shared by every
 * module's tests through domain's test jar. Safe to read from any thread; {@link #withZone} views share the time.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public MovableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
