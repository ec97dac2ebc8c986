package dev.madoguchi.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.cases.CaseStatus;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.outbox.DeliveryOutcome;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blocked-messages screen's view model over a real encrypted store, with every lane run inline. */
class BlockedMessagesViewModelTest {

    private static final String PASSPHRASE = "admin passphrase 1";
    private static final String PROBLEM = "409 API-409-IDEMPOTENCY-CONFLICT The id is already used: another body "
            + "was stored under this id";

    @TempDir
    Path dir;

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final java.util.concurrent.atomic.AtomicInteger sendSoon = new java.util.concurrent.atomic.AtomicInteger();
    private StoreService stores;
    private LocalStore store;
    private UUID caseId;
    private BlockedMessagesViewModel vm;

    @BeforeEach
    void setUp() {
        Path storeDir = dir.resolve("store");
        LocalStore.create(storeDir, new Clerk("admin", "管理者", Role.ADMINISTRATOR), PASSPHRASE.toCharArray(),
                StoreOptions.defaults()).close();
        stores = new StoreService(storeDir, null);
        stores.signIn("admin", PASSPHRASE.toCharArray());
        store = stores.store().orElseThrow();
        caseId = store.cases().open("R1", "転入", "{\"name\":\"𠮷田太郎\"}", null);
        block();
        vm = new BlockedMessagesViewModel(new Messages(Language.JAPANESE), tasks,
                new BlockedMessagesService(stores, sendSoon::incrementAndGet),
                ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        stores.close();
    }

    /** What a sync pass does with a 409 from the backend: the message becomes BLOCKED with the problem. */
    private OutboxMessage block() {
        List<OutboxMessage> claimed = store.outbox().claimBatch(10, 1);
        assertThat(claimed).hasSize(1);
        store.outbox().complete(List.of(new DeliveryOutcome.Blocked(claimed.get(0).id(),
                "API-409-IDEMPOTENCY-CONFLICT", PROBLEM)));
        return claimed.get(0);
    }

    @Test
    void listsTheBlockedMessageWithTheProblemInWordsAndNoPayload() {
        vm.refresh();

        assertThat(vm.rowsProperty()).hasSize(1);
        assertThat(vm.rowsProperty().get(0).text()).contains("申請（case.opened）").contains("API-409-IDEMPOTENCY-CONFLICT")
                .contains("案件 " + caseId);
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.rowsProperty().get(0));
        assertThat(vm.detailProperty().get()).contains("種類：申請（case.opened）").contains("送信回数：1")
                .contains("問題コード：API-409-IDEMPOTENCY-CONFLICT").contains("バックエンドの説明：" + PROBLEM)
                .doesNotContain("𠮷田").doesNotContain("name");
        assertThat(tasks.lanesUsed()).containsExactly("sync:list blocked messages");
    }

    @Test
    void retrySendsItAgainAtTheNextPassAndIsAudited() {
        vm.refresh();
        UUID id = vm.selectedProperty().get().message().id();
        vm.retrySelected();

        assertThat(store.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(store.outbox().peekDue(10)).extracting(OutboxMessage::id).containsExactly(id);
        assertThat(vm.rowsProperty()).isEmpty();
        assertThat(vm.outcomeProperty().get()).isEqualTo("次の同期で再送します");
        assertThat(sendSoon).as("the engine's backoff is ended, so the next pass sends it").hasValue(1);
        assertThat(vm.outcomeIsErrorProperty().get()).isFalse();
        assertThat(store.audit().tail(5)).extracting(AuditEntry::action).contains(AuditAction.SYNC_RETRY);
        assertThat(tasks.lanesUsed()).allMatch(lane -> lane.startsWith("sync:"));
    }

    @Test
    void discardNeedsAReasonThenCancelsTheCaseAndKeepsTheReasonInTheAudit() {
        vm.refresh();
        UUID id = vm.selectedProperty().get().message().id();

        vm.reasonProperty().set("   ");
        vm.discardSelected();
        assertThat(vm.outcomeIsErrorProperty().get()).isTrue();
        assertThat(vm.outcomeProperty().get()).contains("理由を入力してください");
        assertThat(store.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxStatus.BLOCKED);

        vm.reasonProperty().set("窓口で取り下げ");
        vm.discardSelected();

        assertThat(store.outbox().find(id).orElseThrow().discardReason()).isEqualTo("窓口で取り下げ");
        assertThat(store.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(vm.outcomeProperty().get()).contains("取り消し");
        assertThat(vm.reasonProperty().get()).isEmpty();
        assertThat(vm.rowsProperty()).isEmpty();
        assertThat(store.audit().tail(5)).anyMatch(e -> e.action() == AuditAction.SYNC_DISCARD
                && e.detail().startsWith("窓口で取り下げ"));
        assertThat(store.audit().verify().intact()).isTrue();
    }

    @Test
    void exportWritesTheMessageToAFileAndSaysItHoldsPersonalData() throws Exception {
        vm.refresh();
        UUID id = vm.selectedProperty().get().message().id();
        Path file = dir.resolve("out").resolve("blocked.json");
        Files.createDirectories(file.getParent());

        vm.exportSelected(file);

        String json = Files.readString(file);
        var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(written.get("id").asText()).isEqualTo(id.toString());
        assertThat(written.get("problemCode").asText()).isEqualTo("API-409-IDEMPOTENCY-CONFLICT");
        assertThat(written.get("payload").get("name").asText()).isEqualTo("𠮷田太郎");
        assertThat(vm.outcomeProperty().get()).contains(file.toString()).contains("個人情報");
        assertThat(store.audit().tail(5)).extracting(AuditEntry::action).contains(AuditAction.EXPORT);
        assertThat(store.outbox().find(id).orElseThrow().status()).as("export leaves it blocked")
                .isEqualTo(OutboxStatus.BLOCKED);

        vm.exportSelected(dir.resolve("no such folder").resolve("x.json"));
        assertThat(vm.outcomeIsErrorProperty().get()).isTrue();
        assertThat(vm.outcomeProperty().get()).contains("書き出せませんでした");
    }

    @Test
    void withoutASignedInStoreItSaysSoWithTheStoreCode() {
        stores.close();
        vm.refresh();
        assertThat(vm.outcomeIsErrorProperty().get()).isTrue();
        assertThat(vm.outcomeProperty().get()).contains("STORE-008");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void actionsWithoutAChosenMessageAskToChooseOne() {
        vm.retrySelected();
        assertThat(vm.outcomeProperty().get()).isEqualTo("先に一覧から送信を選んでください");
        assertThat(tasks.lanesUsed()).isEmpty();
    }
}
