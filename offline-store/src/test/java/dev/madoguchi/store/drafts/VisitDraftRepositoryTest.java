package dev.madoguchi.store.drafts;

import dev.madoguchi.domain.testing.MovableClock;
import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.VOLUNTEER;
import static dev.madoguchi.store.TestStores.VOLUNTEER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.RetentionPurge;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitDraftRepositoryTest {

    private static final MyNumber MY_NUMBER = MyNumber.fromFirstElevenDigits("12345678901");

    @TempDir
    Path dir;

    @Test
    void aSavedDraftIsReadBackAfterTheStoreIsReopenedAndReplacedAtTheNextStep() {
        TestStores.createWithClerks(dir).close();
        UUID id = UUID.randomUUID();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            assertThat(store.drafts().latest()).isEmpty();
            store.drafts().save(id, "CANDIDATES", "{\"name\":\"𠮷田 太郎\"}", null);
        }
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            VisitDraft draft = store.drafts().latest().orElseThrow();
            assertThat(draft.draftId()).isEqualTo(id);
            assertThat(draft.step()).isEqualTo("CANDIDATES");
            assertThat(draft.data()).contains("𠮷田");
            assertThat(draft.holdsMyNumber()).isFalse();
            assertThat(draft.startedBy()).isEqualTo(CLERK);
            assertThat(draft.toString()).doesNotContain("𠮷田");

            store.drafts().save(id, "PROCEDURES", "{\"name\":\"𠮷田 太郎\",\"event\":\"tennyu\"}", MY_NUMBER);
            VisitDraft next = store.drafts().latest().orElseThrow();
            assertThat(next.step()).isEqualTo("PROCEDURES");
            assertThat(next.startedAt()).isEqualTo(draft.startedAt());
            assertThat(next.holdsMyNumber()).isTrue();
            assertThat(store.drafts().myNumberOf(id)).contains(MY_NUMBER);
            assertThat(store.audit().tail(1)).extracting(AuditEntry::action)
                    .containsExactly(AuditAction.READ_MY_NUMBER);

            store.drafts().save(id, "LIFE_EVENT", "{}", null);
            assertThat(store.drafts().myNumberOf(id)).as("a value no procedure needs any more is removed").isEmpty();
        }
    }

    @Test
    void theMyNumberIsSealedInTheFileNotWrittenInClear() throws Exception {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            UUID id = UUID.randomUUID();
            store.drafts().save(id, "PROCEDURES", "{}", MY_NUMBER);
            try (var c = TestStores.raw(store); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT my_number_sealed FROM visit_draft")) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain(MY_NUMBER.digits());
            }
        }
        byte[] file = Files.readAllBytes(dir.resolve(LocalStore.DATABASE_FILE));
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(MY_NUMBER.digits());
    }

    @Test
    void storingTheCaseDeletesTheDraftInTheSameTransactionWithThePrintRows() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            UUID draft = UUID.randomUUID();
            store.drafts().save(draft, "PRINTING", "{}", null);
            UUID caseId = store.cases().open("R000001", "転入", "{}", null, List.of("tennyu v1 to file"), draft);

            assertThat(store.drafts().latest()).isEmpty();
            assertThat(store.audit().tail(2)).extracting(AuditEntry::action)
                    .containsExactly(AuditAction.PRINT, AuditAction.OPEN_CASE);
            assertThat(store.cases().find(caseId)).isPresent();
        }
    }

    @Test
    void aFailedCaseWriteKeepsTheDraftAndWritesNoPrintRow() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            UUID draft = UUID.randomUUID();
            store.drafts().save(draft, "PRINTING", "{}", null);
            long before = store.audit().tail(1).get(0).seq();
            String tooLong = "x".repeat(41); // life_event is VARCHAR(40): the insert fails inside the transaction
            assertThatThrownBy(() -> store.cases().open("R000001", tooLong, "{}", null, List.of("tennyu"), draft))
                    .isInstanceOf(StoreException.class);

            assertThat(store.drafts().latest()).isPresent();
            assertThat(store.audit().tail(1).get(0).seq()).as("no print row survives the rollback").isEqualTo(before);
        }
    }

    @Test
    void discardingIsAuditedAndOnlyClerksWhoWriteCasesSeeDrafts() {
        TestStores.createWithClerks(dir).close();
        UUID id = UUID.randomUUID();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            store.drafts().save(id, "FORMS", "{}", null);
            assertThat(store.drafts().discard(id)).isTrue();
            assertThat(store.drafts().latest()).isEmpty();
            assertThat(store.audit().tail(1)).extracting(AuditEntry::action, AuditEntry::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.DISCARD_VISIT_DRAFT,
                            "visit draft " + id + " at FORMS"));
            assertThat(store.drafts().discard(id)).isFalse();
            assertThat(store.audit().verify().intact()).isTrue();
        }
        try (LocalStore store = TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE)) {
            assertThatThrownBy(() -> store.drafts().latest()).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
            assertThatThrownBy(() -> store.drafts().save(id, "FORMS", "{}", null))
                    .isInstanceOf(StoreException.class);
        }
    }

    private static final String OTHER = "clerk2";
    private static final char[] OTHER_PASSPHRASE = "clerk passphrase 2".toCharArray();


    private void createWithTwoCounterClerks(StoreOptions options) {
        try (LocalStore admin = TestStores.createWithClerks(dir, options)) {
            admin.clerks().add(new Clerk(OTHER, "窓口 二郎", Role.CLERK), OTHER_PASSPHRASE);
        }
    }

    private LocalStore open(String clerk, char[] passphrase, Clock clock) {
        return LocalStore.open(dir, clerk, passphrase, TestStores.options(clock));
    }

    @Test
    void aClerkSeesOnlyTheirOwnDraftsNewestFirstAndCannotTouchAnotherClerksDraft() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:30:00Z"));
        createWithTwoCounterClerks(TestStores.options(clock));
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        try (LocalStore store = open(CLERK, CLERK_PASSPHRASE, clock)) {
            store.drafts().save(older, "FORMS", "{\"name\":\"窓口 花子\"}", MY_NUMBER);
            clock.advance(Duration.ofMinutes(10));
            store.drafts().save(newer, "CANDIDATES", "{\"name\":\"別の 人\"}", null);
            assertThat(store.drafts().mine()).extracting(VisitDraft::draftId).containsExactly(newer, older);
        }
        UUID othersOwn = UUID.randomUUID();
        try (LocalStore other = open(OTHER, OTHER_PASSPHRASE, clock)) {
            assertThat(other.drafts().mine()).as("another clerk's drafts are never offered").isEmpty();
            assertThat(other.drafts().latest()).isEmpty();
            assertThat(other.drafts().myNumberOf(older)).as("nor their My Number read").isEmpty();
            long before = other.audit().tail(1).get(0).seq();
            assertThat(other.drafts().discard(older)).as("nor discarded").isFalse();
            assertThat(other.audit().tail(1).get(0).seq()).isEqualTo(before);
            assertThatThrownBy(() -> other.drafts().save(older, "FORMS", "{}", null))
                    .as("nor overwritten").isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT));
            other.drafts().save(othersOwn, "LIFE_EVENT", "{}", null);
            assertThat(other.drafts().mine()).extracting(VisitDraft::draftId).containsExactly(othersOwn);
        }
        try (LocalStore store = open(CLERK, CLERK_PASSPHRASE, clock)) {
            assertThat(store.drafts().mine()).extracting(VisitDraft::draftId, VisitDraft::step)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(newer, "CANDIDATES"),
                            org.assertj.core.groups.Tuple.tuple(older, "FORMS"));
            assertThat(store.drafts().myNumberOf(older)).contains(MY_NUMBER);
            assertThatThrownBy(() -> store.drafts().countsByClerk()).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
            assertThatThrownBy(() -> store.drafts().discardAllOf(OTHER)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void anAdministratorSeesCountsOnlyAndDiscardsAClerksDraftsWithOneAuditRow() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:30:00Z"));
        createWithTwoCounterClerks(TestStores.options(clock));
        Instant first = clock.instant();
        try (LocalStore store = open(CLERK, CLERK_PASSPHRASE, clock)) {
            store.drafts().save(UUID.randomUUID(), "FORMS", "{\"name\":\"窓口 花子\"}", MY_NUMBER);
            clock.advance(Duration.ofMinutes(5));
            store.drafts().save(UUID.randomUUID(), "CANDIDATES", "{\"name\":\"窓口 花子\"}", null);
        }
        try (LocalStore other = open(OTHER, OTHER_PASSPHRASE, clock)) {
            other.drafts().save(UUID.randomUUID(), "LIFE_EVENT", "{}", null);
        }
        try (LocalStore admin = open(TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE, clock)) {
            assertThat(admin.drafts().mine()).as("the administrator's own counter drafts: none").isEmpty();
            assertThat(admin.drafts().countsByClerk()).containsExactly(
                    new DraftCount(CLERK, 2, 1, first, first.plus(Duration.ofMinutes(5))),
                    new DraftCount(OTHER, 1, 0, first.plus(Duration.ofMinutes(5)),
                            first.plus(Duration.ofMinutes(5))));
            assertThat(admin.drafts().discardAllOf(CLERK)).isEqualTo(2);
            AuditEntry row = admin.audit().tail(1).get(0);
            assertThat(row.action()).isEqualTo(AuditAction.DISCARD_VISIT_DRAFT);
            assertThat(row.subject()).isEqualTo(CLERK);
            assertThat(row.detail()).isEqualTo("visit drafts of clerk clerk1 discarded by an administrator: 2")
                    .doesNotContain("花子");
            assertThat(admin.drafts().countsByClerk()).extracting(DraftCount::clerkId).containsExactly(OTHER);
            assertThat(admin.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void draftsNotSavedForTheRetentionPeriodArePurgedAtSignInAndByTheAdministratorsPurgeWithCountsOnly()
            throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:30:00Z"));
        createWithTwoCounterClerks(TestStores.options(clock));
        UUID abandoned = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID othersAbandoned = UUID.randomUUID();
        try (LocalStore store = open(CLERK, CLERK_PASSPHRASE, clock)) {
            assertThat(store.draftRetention()).isEqualTo(VisitDraftRepository.DEFAULT_RETENTION)
                    .isEqualTo(Duration.ofHours(24));
            store.drafts().save(abandoned, "PROCEDURES", "{\"name\":\"放置 太郎\"}", MY_NUMBER);
        }
        try (LocalStore other = open(OTHER, OTHER_PASSPHRASE, clock)) {
            other.drafts().save(othersAbandoned, "FORMS", "{}", null);
        }
        clock.advance(Duration.ofHours(20));
        try (LocalStore store = open(CLERK, CLERK_PASSPHRASE, clock)) {
            assertThat(store.drafts().mine()).as("20 h old: kept").hasSize(1);
            assertThat(store.audit().tail(1)).as("a sign-in that purges nothing writes no row")
                    .extracting(AuditEntry::action).containsExactly(AuditAction.LOGIN);
            store.drafts().save(recent, "CANDIDATES", "{}", null);
        }
        clock.advance(Duration.ofHours(4)); // the first two are exactly 24 h old now: purged
        try (LocalStore store = open(CLERK, CLERK_PASSPHRASE, clock)) {
            assertThat(store.drafts().mine()).extracting(VisitDraft::draftId).containsExactly(recent);
            List<AuditEntry> rows = store.audit().tail(2);
            assertThat(rows).extracting(AuditEntry::action).containsExactly(AuditAction.LOGIN, AuditAction.PURGE);
            assertThat(rows.get(1).detail()).isEqualTo("visit drafts not saved for PT24H: 2 (with a My Number: 1)");
            assertThat(rows.get(1).subject()).isNull();
            try (var c = TestStores.raw(store); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM visit_draft WHERE my_number_sealed IS NOT NULL "
                            + "OR draft_data LIKE '%放置%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the personal data is gone from the file").isZero();
            }
        }
        // the administrator's retention purge takes them too, with the period from the store's setting
        try (LocalStore admin = open(TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE, clock)) {
            admin.settings().put(VisitDraftRepository.RETENTION_SETTING, "2");
            assertThat(admin.draftRetention()).isEqualTo(Duration.ofHours(2));
            clock.advance(Duration.ofHours(2));
            assertThat(admin.purge(Duration.ofDays(30))).isEqualTo(new RetentionPurge(0, 0, 1));
            assertThat(admin.audit().tail(1).get(0).detail())
                    .isEqualTo("visit drafts not saved for PT2H: 1 (with a My Number: 0)");
            assertThat(admin.purge(Duration.ofDays(30)).drafts()).isZero();
            assertThat(admin.audit().tail(1)).as("the administrator's run is audited even when it removes nothing")
                    .extracting(AuditEntry::action).containsExactly(AuditAction.PURGE);
            assertThat(admin.drafts().countsByClerk()).isEmpty();
            assertThat(admin.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void anUnreadableRetentionSettingFallsBackToTheDefaultInsteadOfStoppingTheSignIn() {
        assertThat(VisitDraftRepository.retention(java.util.Optional.empty())).isEqualTo(Duration.ofHours(24));
        assertThat(VisitDraftRepository.retention(java.util.Optional.of(" 8 "))).isEqualTo(Duration.ofHours(8));
        assertThat(VisitDraftRepository.retention(java.util.Optional.of("acht"))).isEqualTo(Duration.ofHours(24));
        assertThat(VisitDraftRepository.retention(java.util.Optional.of("0"))).isEqualTo(Duration.ofHours(24));
        assertThat(VisitDraftRepository.retention(java.util.Optional.of("-3"))).isEqualTo(Duration.ofHours(24));
    }
}
