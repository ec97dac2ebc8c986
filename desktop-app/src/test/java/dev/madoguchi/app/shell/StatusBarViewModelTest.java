package dev.madoguchi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.status.StatusLevel;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final Messages japanese = new Messages(Language.JAPANESE);
    private final StoreStatusSource demoStore = () -> new StoreSummary(2_150, 5_003, "2", true,
            new dev.madoguchi.store.clerks.Clerk("demo", "デモ職員", dev.madoguchi.store.clerks.Role.CLERK));

    private static CardReaders pcsc(ReaderSnapshot.Reader... readers) {
        return new CardReaders() {
            @Override
            public ReaderSource source() {
                return ReaderSource.PCSC;
            }

            @Override
            public ReaderSnapshot snapshot() {
                return new ReaderSnapshot(ReaderSource.PCSC, List.of(readers));
            }
        };
    }

    private static CardReaders failing(CardIoError error) {
        return new CardReaders() {
            @Override
            public ReaderSource source() {
                return ReaderSource.PCSC;
            }

            @Override
            public ReaderSnapshot snapshot() throws CardIoException {
                throw new CardIoException(error, "test", null);
            }
        };
    }

    @Test
    void saysInWordsThatTheSimulatedReaderIsInUseAndWhetherACardLiesOnIt() {
        SimulatedCardReaders simulated = new SimulatedCardReaders(List.of(new SimulatedCard("R1", "デモ")));
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, simulated, demoStore);
        vm.start();
        assertThat(vm.readerTextProperty().get()).contains("模擬読取機").contains("カードなし");
        assertThat(vm.readerSourceProperty().get()).isEqualTo(ReaderSource.SIMULATED);

        simulated.place("R1");
        tasks.tick();
        assertThat(vm.readerTextProperty().get()).contains("カードあり");
        assertThat(vm.readerLevelProperty().get()).isEqualTo(StatusLevel.OK);
    }

    @Test
    void namesTheRealReaderThatHoldsTheCard() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(
                new ReaderSnapshot.Reader("SONY FeliCa RC-S300/P", false),
                new ReaderSnapshot.Reader("ACS ACR1251", true)), demoStore);
        vm.start();
        assertThat(vm.readerTextProperty().get()).isEqualTo("読取機：ACS ACR1251・カードあり（読取機 2 台）");
    }

    @Test
    void warnsWhenNoReaderIsAttached() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(), demoStore);
        vm.start();
        assertThat(vm.readerTextProperty().get()).isEqualTo("読取機：接続されていません");
        assertThat(vm.readerLevelProperty().get()).isEqualTo(StatusLevel.WARNING);
    }

    @Test
    void explainsAStoppedSmartCardServiceWithItsRemedyAndCode() {
        StatusBarViewModel vm = new StatusBarViewModel(new Messages(Language.ENGLISH), tasks,
                failing(CardIoError.READER_SERVICE_UNAVAILABLE), demoStore);
        vm.start();
        assertThat(vm.readerTextProperty().get())
                .startsWith("Reader: not usable.")
                .contains("smart-card service")
                .endsWith("(CARD-001)");
        assertThat(vm.readerLevelProperty().get()).isEqualTo(StatusLevel.ERROR);
    }

    @Test
    void aVolunteerIsToldTheStoreWorksButNothingAboutTheRegister() {
        StoreStatusSource volunteerStore = () -> new StoreSummary(2_150, 5_003, "2", true,
                new dev.madoguchi.store.clerks.Clerk("v", "推進委員", dev.madoguchi.store.clerks.Role.VOLUNTEER));
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(), volunteerStore);
        vm.start();
        assertThat(vm.storeTextProperty().get()).isEqualTo("ローカル保存：使用できます").doesNotContain("2,150", "住民記録");
        assertThat(vm.storeLevelProperty().get()).isEqualTo(StatusLevel.OK);
    }

    @Test
    void showsTheStoreContentsWithGroupedNumbers() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(), demoStore);
        vm.start();
        assertThat(vm.storeTextProperty().get()).isEqualTo("ローカル保存：使用できます（デモ住民記録 2,150 世帯・5,003 人）");
        assertThat(vm.storeLevelProperty().get()).isEqualTo(StatusLevel.OK);
    }

    @Test
    void explainsALockedStoreWithItsRemedyAndCode() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(), () -> {
            throw new StoreException(StoreError.LOCKED_BY_ANOTHER_INSTANCE, "test", null);
        });
        vm.start();
        assertThat(vm.storeTextProperty().get()).contains("ほかの窓口アプリ").endsWith("（STORE-001）");
        assertThat(vm.storeLevelProperty().get()).isEqualTo(StatusLevel.ERROR);
    }

    @Test
    void saysThatNoBackendIsConfigured() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(), demoStore);
        assertThat(vm.syncTextProperty().get()).contains("同期先が未設定");
        assertThat(vm.syncLevelProperty().get()).isEqualTo(StatusLevel.WARNING);
    }

    @Test
    void readsReadersOnTheCardThreadAndOpensTheStoreOnTheWriterThread() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, pcsc(), demoStore);
        vm.start();
        assertThat(tasks.lanesUsed()).containsExactly("card-io:reader status", "store-writer:open local store",
                "sync:sync");
    }

    @Test
    void stopsPollingWhenStopped() {
        SimulatedCardReaders simulated = new SimulatedCardReaders(List.of(new SimulatedCard("R1", "デモ")));
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks, simulated, demoStore);
        vm.start();
        vm.stop();
        simulated.place("R1");
        tasks.tick();
        assertThat(vm.readerTextProperty().get()).contains("カードなし");
    }


    @Test
    void showsTheSyncStateInWordsFromTheSyncLane() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T01:50:00Z"),
                java.time.ZoneId.of("Asia/Tokyo"));
        dev.madoguchi.sync.SyncStatus[] next = {new dev.madoguchi.sync.SyncStatus(
                dev.madoguchi.sync.SyncState.UNREACHABLE, 3, 0, java.time.Instant.parse("2026-12-01T01:42:00Z"),
                java.time.Instant.parse("2026-12-01T01:45:00Z"), null, "NETWORK")};
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks,
                new SimulatedCardReaders(List.of(new SimulatedCard("R1", "デモ"))), demoStore, () -> next[0], clock);
        vm.start();
        assertThat(vm.syncTextProperty().get()).isEqualTo("同期：3 件送信待ち・最終同期 10:42・10:45 からバックエンドに接続できません");
        assertThat(vm.syncLevelProperty().get()).isEqualTo(StatusLevel.WARNING);
        assertThat(tasks.lanesUsed()).contains("sync:sync");

        next[0] = new dev.madoguchi.sync.SyncStatus(dev.madoguchi.sync.SyncState.CONNECTED, 0, 0,
                java.time.Instant.parse("2026-12-01T01:49:00Z"), null, null, null);
        tasks.tick();
        assertThat(vm.syncTextProperty().get()).isEqualTo("同期：送信待ちなし・最終同期 10:49");
        assertThat(vm.syncLevelProperty().get()).isEqualTo(StatusLevel.OK);
        assertThat(vm.syncBlockedTextProperty().get()).as("no link without blocked messages").isEmpty();

        next[0] = new dev.madoguchi.sync.SyncStatus(dev.madoguchi.sync.SyncState.CONNECTED, 0, 2,
                java.time.Instant.parse("2026-12-01T01:49:00Z"), null, null, null);
        tasks.tick();
        assertThat(vm.syncBlockedProperty().get()).isEqualTo(2);
        assertThat(vm.syncBlockedTextProperty().get()).isEqualTo("止まっている送信 2 件を見る…");
        vm.stop();
    }

    @Test
    void aSyncFailureIsShownWithItsCode() {
        StatusBarViewModel vm = new StatusBarViewModel(japanese, tasks,
                new SimulatedCardReaders(List.of(new SimulatedCard("R1", "デモ"))), demoStore, () -> {
                    throw new StoreException(StoreError.DISK_FULL, "test", null);
                }, java.time.Clock.systemDefaultZone());
        vm.start();
        assertThat(vm.syncTextProperty().get()).startsWith("同期：使えません。").endsWith("（STORE-003）");
        assertThat(vm.syncLevelProperty().get()).isEqualTo(StatusLevel.ERROR);
    }
}
