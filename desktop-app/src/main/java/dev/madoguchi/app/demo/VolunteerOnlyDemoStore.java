package dev.madoguchi.app.demo;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.nio.file.Path;

/**
 * The demo's volunteer-only store: what a help-desk event's laptop holds (docs/volunteer-mode.md) — its administrator,
 * one volunteer account and the daily tally of check-ups; no register copy, no cases, no shelters. A separate
 * encrypted store in {@value #DIRECTORY} of the data directory, beside the full demo store, created on the first
 * sign-in of {@link #VOLUNTEER}. Fictional, published accounts like the demo's others.
 */
public final class VolunteerOnlyDemoStore {

    /** The store's directory name in the data directory (beside {@code store}). */
    public static final String DIRECTORY = "volunteer-only-store";
    /** The event store's administrator (creates it). */
    public static final String ADMINISTRATOR = "demo-event-admin";
    public static final String ADMINISTRATOR_PASSPHRASE = "madoguchi-demo-event-admin";
    /** The volunteer of the event store, listed on the login screen in demo mode. */
    public static final String VOLUNTEER = "demo-event-volunteer";
    public static final String VOLUNTEER_PASSPHRASE = "madoguchi-demo-event-volunteer";

    private VolunteerOnlyDemoStore() {
    }

    /** Whether a sign-in with this id goes to the volunteer-only store. */
    public static boolean isItsAccount(String clerkId) {
        return VOLUNTEER.equals(clerkId) || ADMINISTRATOR.equals(clerkId);
    }

    /** Where the volunteer-only store lives, given the full demo store's directory. */
    public static Path directoryBeside(Path demoStoreDirectory) {
        return demoStoreDirectory.resolveSibling(DIRECTORY);
    }

    /** Creates the store with its two accounts unless it exists; imports nothing. */
    public static void prepare(Path directory, StoreOptions options) {
        if (LocalStore.exists(directory)) {
            return;
        }
        try (LocalStore created = LocalStore.create(directory, new Clerk(ADMINISTRATOR, "デモ行事管理者",
                Role.ADMINISTRATOR), ADMINISTRATOR_PASSPHRASE.toCharArray(), options)) {
            created.clerks().add(new Clerk(VOLUNTEER, "デモ推進委員（行事）", Role.VOLUNTEER),
                    VOLUNTEER_PASSPHRASE.toCharArray());
        }
    }

    /** The login screen's line for it. */
    static DemoAccount account() {
        return new DemoAccount(VOLUNTEER, "デモ推進委員（行事）", Role.VOLUNTEER, VOLUNTEER_PASSPHRASE,
                "login.demoVolunteerOnly");
    }
}
