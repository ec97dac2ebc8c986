package dev.madoguchi.store.drafts;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.VOLUNTEER;
import static dev.madoguchi.store.TestStores.VOLUNTEER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreError;
import dev.madoguchi.store.StoreException;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
