package dev.madoguchi.store;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.register.RegisterEntry;
import dev.madoguchi.store.register.RegisterResident;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** Stores for tests: few PBKDF2 iterations (the production count is tested in KeyringTest), known passphrases. */
public final class TestStores {

    public static final String ADMIN = "admin";
    public static final char[] ADMIN_PASSPHRASE = "admin passphrase 1".toCharArray();
    public static final String CLERK = "clerk1";
    public static final char[] CLERK_PASSPHRASE = "clerk passphrase 1".toCharArray();
    public static final String SHELTER = "shelter1";
    public static final char[] SHELTER_PASSPHRASE = "shelter passphrase 1".toCharArray();
    public static final String VOLUNTEER = "volunteer1";
    public static final char[] VOLUNTEER_PASSPHRASE = "volunteer passphrase 1".toCharArray();

    private TestStores() {
    }

    public static StoreOptions options() {
        return new StoreOptions("test-terminal", 1_000, Clock.systemUTC(), new SecureRandom());
    }

    public static StoreOptions options(Clock clock) {
        return options().withClock(clock);
    }

    /** A new store with one clerk of each role; returned signed in as the administrator. */
    public static LocalStore createWithClerks(Path dir) {
        return createWithClerks(dir, options());
    }

    public static LocalStore createWithClerks(Path dir, StoreOptions options) {
        LocalStore store = LocalStore.create(dir, new Clerk(ADMIN, "管理者", Role.ADMINISTRATOR), ADMIN_PASSPHRASE,
                options);
        store.clerks().add(new Clerk(CLERK, "窓口 一郎", Role.CLERK), CLERK_PASSPHRASE);
        store.clerks().add(new Clerk(SHELTER, "避難所 花子", Role.SHELTER_STAFF), SHELTER_PASSPHRASE);
        store.clerks().add(new Clerk(VOLUNTEER, "推進 委員", Role.VOLUNTEER), VOLUNTEER_PASSPHRASE);
        return store;
    }

    public static LocalStore openAs(Path dir, String clerkId, char[] passphrase) {
        return LocalStore.open(dir, clerkId, passphrase, options());
    }

    /**
     * Checks one person in to a shelter as a household of one (the shelter is created when the store has none of that
     * id); returns the event id.
     */
    public static String checkIn(LocalStore store, String shelterId, String personId, String householdId,
            String residentId, String name) {
        if (store.shelter().shelter(shelterId).isEmpty()) {
            store.shelter().saveShelter(dev.madoguchi.domain.shelter.ShelterSamples.shelter(shelterId));
        }
        var p = dev.madoguchi.domain.shelter.ShelterSamples.person(personId, name);
        var person = new dev.madoguchi.domain.shelter.Evacuee(p.personId(), p.name(), p.kana(), p.birthDate(), p.sex(),
                p.address(), p.phone(), residentId, p.identifiedBy(), p.flags(), p.injury(), p.consent());
        return store.shelter().checkIn(shelterId,
                dev.madoguchi.domain.shelter.ShelterSamples.household(householdId, person)).eventIds().get(0);
    }

    /** A demo municipality's residents with their My Numbers, as import entries. */
    public static List<RegisterEntry> entries(DemoMunicipality m) {
        return m.residents().stream().map(r -> new RegisterEntry(resident(r), MyNumber.parse(r.myNumber()))).toList();
    }

    public static RegisterResident resident(Resident r) {
        var f = r.foreignResidency();
        return new RegisterResident(r.id(), r.householdId(), r.residentCode(), r.relationship(), r.familyName(),
                r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate(), r.sex(), r.postalCode(),
                r.address(), r.movedInOn(), f == null ? null : f.nationality(),
                f == null ? null : f.statusOfResidence(), f == null ? null : f.periodOfStayEnd(),
                f == null ? null : f.residenceCardNumber(), f == null ? null : f.category());
    }

    /** The context of an open store, for tests that run store work on their own connection. */
    public static StoreContext context(LocalStore store) {
        return store.context();
    }

    /** A raw connection to an open store, for tests that tamper with rows. */
    public static Connection raw(LocalStore store) throws SQLException {
        return store.context().dataSource().getConnection();
    }
}
