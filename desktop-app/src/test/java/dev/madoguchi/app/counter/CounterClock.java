package dev.madoguchi.app.counter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The counter tests' clock: stands still at the visit day until a test moves it forward (draft times, retention). */
final class CounterClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    CounterClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : Clock.fixed(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
