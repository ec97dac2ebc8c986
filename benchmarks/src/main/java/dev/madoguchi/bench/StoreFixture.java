package dev.madoguchi.bench;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.register.RegisterEntry;
import dev.madoguchi.store.register.RegisterResident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Encrypted stores and fictional registers for the store benchmarks. */
final class StoreFixture {

    static final String ADMIN = "bench-admin";
    static final char[] ADMIN_PASSPHRASE = "bench admin passphrase".toCharArray();
    static final String CLERK = "bench-clerk";
    static final char[] CLERK_PASSPHRASE = "bench clerk passphrase".toCharArray();

    private StoreFixture() {
    }

    /** A new encrypted store with an administrator (signed in, returned) and a counter clerk. */
    static LocalStore create(Path dir) {
        LocalStore store = LocalStore.create(dir, new Clerk(ADMIN, "bench", Role.ADMINISTRATOR), ADMIN_PASSPHRASE,
                StoreOptions.defaults());
        store.clerks().add(new Clerk(CLERK, "bench", Role.CLERK), CLERK_PASSPHRASE);
        return store;
    }

    static List<RegisterEntry> entries(DemoMunicipality m) {
        return m.residents().stream().map(r -> new RegisterEntry(resident(r), MyNumber.parse(r.myNumber()))).toList();
    }

    private static RegisterResident resident(Resident r) {
        var f = r.foreignResidency();
        return new RegisterResident(r.id(), r.householdId(), r.residentCode(), r.relationship(), r.familyName(),
                r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate(), r.sex(), r.postalCode(),
                r.address(), r.movedInOn(), f == null ? null : f.nationality(),
                f == null ? null : f.statusOfResidence(), f == null ? null : f.periodOfStayEnd(),
                f == null ? null : f.residenceCardNumber(), f == null ? null : f.category());
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
