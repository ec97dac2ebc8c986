package dev.madoguchi.store.audit;

import static dev.madoguchi.store.TestStores.ADMIN;
import static dev.madoguchi.store.TestStores.ADMIN_PASSPHRASE;
import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(5, 40);

    @TempDir
    Path dir;

    @BeforeEach
    void storeWithRegisterAndSomeReads() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(), TestStores.entries(DEMO).iterator(), n -> { });
        }
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            for (var r : DEMO.residents().subList(0, 5)) {
                store.register().findResident(r.id());
            }
            store.recordPrint("R000001", "転入届");
        }
    }

    @Test
    void loginsReadsPrintsAndMyNumberLookupsAreJournaledWithoutPersonalData() {
        var someone = DEMO.residents().get(7);
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            store.register().findByMyNumber(MyNumber.parse(someone.myNumber()));
            store.register().myNumberOf(someone.id());
            List<AuditEntry> tail = store.audit().tail(3);
            assertThat(tail).extracting(AuditEntry::action)
                    .containsExactly(AuditAction.LOGIN, AuditAction.READ_RESIDENT, AuditAction.READ_MY_NUMBER);
            assertThat(tail).allSatisfy(e -> {
                assertThat(e.clerkId()).isEqualTo(CLERK);
                assertThat(e.terminalId()).isEqualTo("test-terminal");
                assertThat(e.toString()).doesNotContain(someone.myNumber()).doesNotContain(someone.familyName());
            });
            assertThat(tail.get(1).subject()).isEqualTo(someone.id());
            assertThat(store.audit().tail(100)).extracting(AuditEntry::action).contains(AuditAction.PRINT,
                    AuditAction.IMPORT_REGISTER, AuditAction.ADD_CLERK);
        }
    }

    @Test
    void anIntactChainVerifies() {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            AuditVerification result = store.audit().verify();
            assertThat(result.intact()).isTrue();
            assertThat(result.rows()).isGreaterThan(10);
        }
    }

    @Test
    void aChangedRowIsReportedAsTheFirstBrokenRow() throws Exception {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            long victim = store.audit().tail(100).stream().filter(e -> e.action() == AuditAction.READ_RESIDENT)
                    .findFirst().orElseThrow().seq();
            execute(store, "UPDATE audit_entry SET subject = 'R999999' WHERE seq = " + victim);

            AuditVerification result = store.audit().verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).hasValue(victim);
        }
    }

    @Test
    void aRowRewrittenWithAFreshHashBreaksTheNextLink() throws Exception {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            AuditEntry victim = store.audit().tail(100).get(3);
            String forged = AuditJournal.hash(victim.prevHash(), AuditJournal.canonical(victim.seq(),
                    victim.recordedAt(), victim.clerkId(), victim.terminalId(), victim.action().name(), "R999999",
                    victim.detail()));
            execute(store, "UPDATE audit_entry SET subject = 'R999999', hash = '" + forged + "' WHERE seq = "
                    + victim.seq());

            assertThat(store.audit().verify().firstBrokenSeq()).hasValue(victim.seq() + 1);
        }
    }

    @Test
    void aDeletedRowIsReported() throws Exception {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            execute(store, "DELETE FROM audit_entry WHERE seq = 4");
            assertThat(store.audit().verify().firstBrokenSeq()).hasValue(4);
        }
    }

    @Test
    void deletedNewestRowsAreReported() throws Exception {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            long last = store.audit().tail(1).get(0).seq();
            execute(store, "DELETE FROM audit_entry WHERE seq >= " + (last - 1));
            assertThat(store.audit().verify().firstBrokenSeq()).hasValue(last - 1);
        }
    }

    @Test
    void anActionThatFailsLeavesNoAuditRow() {
        try (LocalStore store = TestStores.openAs(dir, ADMIN, ADMIN_PASSPHRASE)) {
            store.shelter().saveShelter(dev.madoguchi.domain.shelter.ShelterSamples.shelter("S1"));
            long before = store.audit().tail(1).get(0).seq();
            var shelter = dev.madoguchi.domain.shelter.ShelterSamples.household("F1",
                    dev.madoguchi.domain.shelter.ShelterSamples.person("E1", "x"));
            store.shelter().checkIn("S1", shelter);
            try {
                store.shelter().checkIn("S1", shelter);
            } catch (RuntimeException expected) {
                // already checked in
            }
            assertThat(store.audit().tail(1).get(0).seq()).isEqualTo(before + 1);
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    private static void execute(LocalStore store, String sql) throws Exception {
        try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
