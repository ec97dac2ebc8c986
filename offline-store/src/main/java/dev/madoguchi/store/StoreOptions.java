package dev.madoguchi.store;

import dev.madoguchi.store.keys.Keyring;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * How a store is opened: the terminal id written into audit rows, PBKDF2 iterations for new keyring entries, the clock
 * and the random source.
 */
public record StoreOptions(String terminalId, int keyIterations, Clock clock, SecureRandom random) {

    /** Terminal = host name; {@link Keyring#DEFAULT_ITERATIONS}; system clock; a strong random source. */
    public static StoreOptions defaults() {
        return new StoreOptions(hostName(), Keyring.DEFAULT_ITERATIONS, Clock.systemUTC(), new SecureRandom());
    }

    public StoreOptions withKeyIterations(int iterations) {
        return new StoreOptions(terminalId, iterations, clock, random);
    }

    public StoreOptions withClock(Clock newClock) {
        return new StoreOptions(terminalId, keyIterations, newClock, random);
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 80 ? name.substring(0, 80) : name;
        } catch (Exception e) {
            return "terminal";
        }
    }
}
