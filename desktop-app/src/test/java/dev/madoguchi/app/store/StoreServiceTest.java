package dev.madoguchi.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.app.demo.DemoAccount;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.demo.DemoShelters;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.shelter.ShelterRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServiceTest {

    /** Few PBKDF2 iterations keep the test quick; the production count is the store's default. */
    private static final StoreOptions OPTIONS = new StoreOptions("test", 1_000, Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path dir;

    private static char[] demoPassphrase() {
        return DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray();
    }

    @Test
    void createsTheEncryptedDemoStoreOnceAndSignsTheDemoClerkIn() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        StoreSummary first;
        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            first = service.signIn(DemoEnvironment.DEMO_CLERK, demoPassphrase());
            assertThat(service.current()).contains(first);
        }
        assertThat(first.demo()).isTrue();
        assertThat(first.clerk().role()).isEqualTo(Role.CLERK);
        assertThat(first.residents()).isEqualTo(demo.municipality().residents().size()).isGreaterThanOrEqualTo(300);
        assertThat(first.households()).isEqualTo(demo.municipality().households().size());

        try (LocalStore store = LocalStore.open(dir, DemoEnvironment.DEMO_CLERK, demoPassphrase(), OPTIONS)) {
            assertThat(store.settings().get(StoreService.SNAPSHOT_SETTING)).contains(demo.snapshotId());
            // recorded beside the store too, so the next sign-in needs no administrator's sign-in to know it
            assertThat(Files.readString(dir.resolve(StoreService.DEMO_SNAPSHOT_FILE)).strip())
                    .startsWith(demo.snapshotId() + " ");
            var someone = demo.municipality().residents().get(0);
            assertThat(store.register().findByMyNumber(MyNumber.parse(someone.myNumber())))
                    .get().extracting(r -> r.familyName()).isEqualTo(someone.familyName());
        }
    }

    @Test
    void theDemoOffersOneAccountPerModeAlsoInAStoreMadeByAnEarlierVersion() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            service.signIn(DemoEnvironment.DEMO_CLERK, demoPassphrase());
        }
        // an earlier version's demo store: the counter clerk only, and the marker without the accounts
        try (LocalStore admin = LocalStore.open(dir, DemoEnvironment.DEMO_ADMINISTRATOR,
                DemoEnvironment.DEMO_ADMINISTRATOR_PASSPHRASE.toCharArray(), OPTIONS)) {
            admin.clerks().remove(DemoEnvironment.DEMO_SHELTER);
            admin.clerks().remove(DemoEnvironment.DEMO_VOLUNTEER);
        }
        Files.writeString(dir.resolve(StoreService.DEMO_SNAPSHOT_FILE), demo.snapshotId() + "\n");

        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            for (DemoAccount account : DemoAccount.all()) {
                StoreSummary summary = service.signIn(account.clerkId(), account.passphrase().toCharArray());
                assertThat(summary.clerk().role()).isEqualTo(account.role());
            }
        }
        assertThat(DemoAccount.all()).extracting(DemoAccount::role)
                .containsExactly(Role.CLERK, Role.SHELTER_STAFF, Role.VOLUNTEER);
    }

    @Test
    void aWrongPassphraseIsATypedErrorAndNobodyIsSignedIn() {
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300), OPTIONS)) {
            assertThatThrownBy(() -> service.signIn(DemoEnvironment.DEMO_CLERK, "not it at all".toCharArray()))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_PASSPHRASE));
            assertThat(service.current()).isEmpty();
            assertThat(service.open().clerk().clerkId()).isEqualTo(DemoEnvironment.DEMO_CLERK);
        }
    }

    @Test
    void replacesTheDemoRegisterWhenTheDemoChanges() {
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300), OPTIONS)) {
            service.open();
        }
        DemoEnvironment bigger = new DemoEnvironment(7, 600);
        try (StoreService service = new StoreService(dir, bigger, OPTIONS)) {
            assertThat(service.open().residents()).isEqualTo(bigger.municipality().residents().size());
        }
    }

    @Test
    void recreatesAnUnencryptedDemoStoreOfTheFoundationVersion() throws Exception {
        Files.createDirectories(dir);
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(LocalStore.FILE_NAME),
                "madoguchi", "")) {
            c.createStatement().execute("CREATE TABLE setting (setting_key VARCHAR(100))");
        }
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300), OPTIONS)) {
            assertThat(service.open().schemaVersion()).isEqualTo("11");
        }
        assertThat(LocalStore.exists(dir)).isTrue();
    }

    @Test
    void theDemoStoreHoldsNoNameOrMyNumberInTheClear() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        try (StoreService service = new StoreService(dir, demo, OPTIONS)) {
            service.open();
        }
        String bytes = new String(Files.readAllBytes(dir.resolve(LocalStore.DATABASE_FILE)), StandardCharsets.ISO_8859_1);
        for (var resident : demo.municipality().residents().subList(0, 50)) {
            assertThat(bytes).doesNotContain(resident.myNumber());
            assertThat(bytes).doesNotContain(new String(resident.fullName().getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void twoDemoStoresMadeApartHoldTheSameDemoCheckInsSoTheirExchangeCarriesOnlyWhatStaffRecorded() throws Exception {
        // two demo laptops: each makes its own store from the same demo, on another day, under another terminal id
        MovableClock clockA = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"), ZoneId.of("Asia/Tokyo"));
        MovableClock clockB = new MovableClock(Instant.parse("2026-12-04T07:31:00Z"), ZoneId.of("Asia/Tokyo"));
        StoreOptions laptopA = new StoreOptions("laptop-a", 1_000, Clock.systemUTC(), new SecureRandom())
                .withClock(clockA);
        StoreOptions laptopB = new StoreOptions("laptop-b", 1_000, Clock.systemUTC(), new SecureRandom())
                .withClock(clockB);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String town = new DemoEnvironment(7, 300).municipality().localGovernmentCode();
        char[] shelterPassphrase = "体育館の合言葉 2026".toCharArray();
        char[] staffPassphrase = DemoEnvironment.DEMO_SHELTER_PASSPHRASE.toCharArray();
        List<String> shelters = List.of(DemoShelters.DEMO_SHELTER_ID, "demo-2");

        Path first = dir.resolve("a-1.mdgsx");
        String fingerprint;
        int seeded;
        try (StoreService service = new StoreService(a, new DemoEnvironment(7, 300), laptopA)) {
            service.signIn(DemoEnvironment.DEMO_SHELTER, staffPassphrase.clone());
            var export = service.store().orElseThrow().shelterExchange()
                    .export(first, shelterPassphrase.clone(), town, 0);
            fingerprint = export.fingerprint();
            seeded = export.events();
        }
        assertThat(seeded).as("the demo's check-ins").isGreaterThanOrEqualTo(120);
        try (StoreService service = new StoreService(b, new DemoEnvironment(7, 300), laptopB)) {
            service.signIn(DemoEnvironment.DEMO_SHELTER, staffPassphrase.clone());
            LocalStore store = service.store().orElseThrow();
            var imported = store.shelterExchange()
                    .importFile(first, shelterPassphrase.clone(), town, Set.of(fingerprint));
            assertThat(imported.received()).isEqualTo(seeded);
            assertThat(imported.imported()).as("every demo check-in is held already").isZero();
            assertThat(imported.alreadyHeld()).isEqualTo(seeded);
            assertThat(imported.conflicts()).as("no 在所中なのに受付").isEmpty();
        }
        assertThat(presentLists(a, laptopA, shelters)).isEqualTo(presentLists(b, laptopB, shelters));

        // then laptop A checks a newcomer in and a demo evacuee out: the next file brings exactly those two events
        Path second = dir.resolve("a-2.mdgsx");
        List<String> recorded = new ArrayList<>();
        String leaving;
        try (StoreService service = new StoreService(a, new DemoEnvironment(7, 300), laptopA)) {
            service.signIn(DemoEnvironment.DEMO_SHELTER, staffPassphrase.clone());
            ShelterRepository shelter = service.store().orElseThrow().shelter();
            Evacuee newcomer = new Evacuee("P-NEW", "髙﨑　𠮷子", "タカサキ　ヨシコ", LocalDate.of(1950, 4, 1),
                    Sex.FEMALE, "架空市本町1-1", "", "", IdentifiedBy.MANUAL, List.of(), "", new Consent(true, false, false));
            recorded.addAll(shelter.checkIn(DemoShelters.DEMO_SHELTER_ID,
                    new Arrival("H-NEW", Stay.SHELTER, "体育館", List.of(), "", List.of(newcomer))).eventIds());
            leaving = shelter.present(DemoShelters.DEMO_SHELTER_ID).people().get(0).person().personId();
            clockA.advance(Duration.ofMinutes(3));
            shelter.checkOut(DemoShelters.DEMO_SHELTER_ID, new Departure(leaving, Destination.HOME, ""));
            recorded.add(last(shelter.history(DemoShelters.DEMO_SHELTER_ID, leaving)).eventId().toString());
            service.store().orElseThrow().shelterExchange().export(second, shelterPassphrase.clone(), town, 0);
        }
        try (StoreService service = new StoreService(b, new DemoEnvironment(7, 300), laptopB)) {
            service.signIn(DemoEnvironment.DEMO_SHELTER, staffPassphrase.clone());
            LocalStore store = service.store().orElseThrow();
            var imported = store.shelterExchange().importFile(second, shelterPassphrase.clone(), town, Set.of());
            assertThat(imported.received()).isEqualTo(seeded + 2);
            assertThat(imported.imported()).isEqualTo(2);
            assertThat(imported.conflicts()).isEmpty();
            ShelterRepository shelter = store.shelter();
            assertThat(List.of(shelter.history(DemoShelters.DEMO_SHELTER_ID, "P-NEW").get(0).eventId().toString(),
                    last(shelter.history(DemoShelters.DEMO_SHELTER_ID, leaving)).eventId().toString()))
                    .isEqualTo(recorded);
        }
        assertThat(presentLists(a, laptopA, shelters)).isEqualTo(presentLists(b, laptopB, shelters));
    }

    private static List<Present> presentLists(Path store, StoreOptions options, List<String> shelters) {
        try (LocalStore s = LocalStore.open(store, DemoEnvironment.DEMO_SHELTER,
                DemoEnvironment.DEMO_SHELTER_PASSPHRASE.toCharArray(), options)) {
            return shelters.stream().map(id -> s.shelter().present(id)).toList();
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
