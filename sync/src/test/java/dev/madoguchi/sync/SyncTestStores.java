package dev.madoguchi.sync;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.ShelterSamples;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Real encrypted stores for the sync tests (few PBKDF2 iterations; the production count is tested in offline-store). */
public final class SyncTestStores {

    public static final String ADMIN = "admin";
    public static final char[] ADMIN_PASSPHRASE = "admin passphrase 1".toCharArray();
    public static final String CLERK = "clerk1";
    public static final char[] CLERK_PASSPHRASE = "clerk passphrase 1".toCharArray();
    public static final String TERMINAL = "test-terminal";

    private SyncTestStores() {
    }

    public static StoreOptions options(Clock clock) {
        return new StoreOptions(TERMINAL, 1_000, clock, new SecureRandom());
    }

    /** A new store with an administrator (signed in, returned) and a counter clerk. */
    public static LocalStore create(Path dir, Clock clock) {
        LocalStore store = LocalStore.create(dir, new Clerk(ADMIN, "管理者", Role.ADMINISTRATOR), ADMIN_PASSPHRASE,
                options(clock));
        store.clerks().add(new Clerk(CLERK, "窓口 一郎", Role.CLERK), CLERK_PASSPHRASE);
        return store;
    }

    public static LocalStore openAdmin(Path dir, Clock clock) {
        return LocalStore.open(dir, ADMIN, ADMIN_PASSPHRASE, options(clock));
    }

    /**
     * What one generated operation was: a case (aggregate = case id) or a shelter event (aggregate = shelter); the
     * local id is the case id or the check-in's event id (null for a check-out).
     */
    public record Operation(String aggregateType, String aggregateId, UUID localId) {}

    /**
     * Writes {@code count} operations through the real repositories: every third a counter case, the others shelter
     * check-ins and check-outs spread over {@code shelters} shelters. Returns them in the order written.
     */
    public static List<Operation> writeOperations(LocalStore store, int count, int shelters, String prefix) {
        List<Operation> ops = new ArrayList<>(count);
        List<List<String>> present = new ArrayList<>();
        for (int s = 0; s < shelters; s++) {
            present.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                UUID caseId = store.cases().open("R" + i, "転入", "{\"form\":\"jumin-ido\",\"n\":" + i
                        + ",\"name\":\"𠮷田　太郎\"}", null);
                ops.add(new Operation("case", caseId.toString(), caseId));
            } else {
                int s = i % shelters;
                String shelterId = prefix + "shelter-" + s;
                List<String> here = present.get(s);
                UUID event;
                if (store.shelter().shelter(shelterId).isEmpty()) {
                    store.shelter().saveShelter(ShelterSamples.shelter(shelterId));
                }
                if (i % 7 == 0 && !here.isEmpty()) {
                    store.shelter().checkOut(shelterId, new Departure(here.remove(0), Destination.HOME, ""));
                    event = null;
                } else {
                    String evacuee = prefix + "ev-" + i;
                    event = UUID.fromString(store.shelter().checkIn(shelterId, ShelterSamples.household(
                            "hh-" + (i / 4), ShelterSamples.person(evacuee, "避難 " + i))).eventIds().get(0));
                    here.add(evacuee);
                }
                ops.add(new Operation("shelter", shelterId, event));
            }
        }
        return ops;
    }

    /** Checks one person in as a household of one (the shelter is created when missing); returns the event id. */
    public static UUID checkIn(LocalStore store, String shelterId, String personId, String householdId, String name) {
        if (store.shelter().shelter(shelterId).isEmpty()) {
            store.shelter().saveShelter(ShelterSamples.shelter(shelterId));
        }
        return UUID.fromString(store.shelter().checkIn(shelterId, ShelterSamples.household(householdId,
                ShelterSamples.person(personId, name))).eventIds().get(0));
    }

    public static void checkOut(LocalStore store, String shelterId, String personId) {
        store.shelter().checkOut(shelterId, new Departure(personId, Destination.HOME, ""));
    }
}
