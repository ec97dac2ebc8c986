package dev.madoguchi.app.shell;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.outbox.SyncStatusText;
import dev.madoguchi.app.status.StatusLevel;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar: reader, local store and sync state, each in words and as a level. */
public final class StatusBarViewModel {

    static final Duration READER_POLL = Duration.ofSeconds(1);
    /** How often the sync lane runs a pass; the engine's backoff decides when the backend is really called. */
    static final Duration SYNC_POLL = Duration.ofSeconds(5);

    private final Messages messages;
    private final TaskRunner tasks;
    private final CardReaders readers;
    private final StoreStatusSource store;
    private final SyncStatusSource sync;
    private final SyncStatusText syncWords;
    private final Clock clock;

    private final StringProperty readerText = new SimpleStringProperty();
    private final ObjectProperty<StatusLevel> readerLevel = new SimpleObjectProperty<>(StatusLevel.WORKING);
    private final ObjectProperty<ReaderSource> readerSource = new SimpleObjectProperty<>();
    private final StringProperty storeText = new SimpleStringProperty();
    private final ObjectProperty<StatusLevel> storeLevel = new SimpleObjectProperty<>(StatusLevel.WORKING);
    private final StringProperty syncText = new SimpleStringProperty();
    private final ObjectProperty<StatusLevel> syncLevel = new SimpleObjectProperty<>(StatusLevel.WARNING);
    private final javafx.beans.property.LongProperty syncBlocked = new javafx.beans.property.SimpleLongProperty();
    private final StringProperty syncBlockedText = new SimpleStringProperty("");

    private TaskRunner.Cancellable readerPolling;
    private TaskRunner.Cancellable syncing;

    public StatusBarViewModel(Messages messages, TaskRunner tasks, CardReaders readers, StoreStatusSource store) {
        this(messages, tasks, readers, store, SyncStatusSource.NONE, Clock.systemDefaultZone());
    }

    public StatusBarViewModel(Messages messages, TaskRunner tasks, CardReaders readers, StoreStatusSource store,
            SyncStatusSource sync, Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.readers = readers;
        this.store = store;
        this.sync = sync;
        this.clock = clock;
        this.syncWords = new SyncStatusText(messages, clock.getZone());
        readerText.set(messages.get("status.reader.checking"));
        storeText.set(messages.get("status.store.opening"));
        syncText.set(messages.get("status.sync.notConfigured"));
    }

    /** Starts watching the readers, opens the local store and starts the sync passes on the sync lane. */
    public void start() {
        readerPolling = tasks.repeat(Lane.CARD_IO, "reader status", READER_POLL, readers::snapshot,
                this::showReaders, this::showReaderFailure);
        tasks.submit(Lane.STORE_WRITER, "open local store", store::open, this::showStore, this::showStoreFailure);
        syncing = tasks.repeat(Lane.SYNC, "sync", SYNC_POLL, sync::runOnce, this::showSync, this::showSyncFailure);
    }

    /** Stops watching the readers and stops the sync passes. */
    public void stop() {
        if (readerPolling != null) {
            readerPolling.cancel();
            readerPolling = null;
        }
        if (syncing != null) {
            syncing.cancel();
            syncing = null;
        }
    }

    void showSync(SyncStatus status) {
        syncText.set(syncWords.describe(status, clock.instant()));
        syncLevel.set(SyncStatusText.level(status));
        syncBlocked.set(status.blocked());
        syncBlockedText.set(status.blocked() == 0 ? "" : messages.get("status.blocked.open", status.blocked()));
    }

    void showSyncFailure(Throwable failure) {
        if (failure instanceof StoreException e) {
            syncText.set(messages.get("status.sync.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                    e.error().code()));
        } else {
            syncText.set(messages.get("status.sync.failed", messages.get("status.error.unexpected"), "SYNC-999"));
        }
        syncLevel.set(StatusLevel.ERROR);
    }

    void showReaders(ReaderSnapshot snapshot) {
        readerSource.set(snapshot.source());
        if (snapshot.source() == ReaderSource.SIMULATED) {
            boolean card = snapshot.anyCardPresent();
            readerText.set(messages.get(card ? "status.reader.simulated.card" : "status.reader.simulated.empty"));
            readerLevel.set(StatusLevel.OK);
        } else if (!snapshot.hasReaders()) {
            readerText.set(messages.get("status.reader.none"));
            readerLevel.set(StatusLevel.WARNING);
        } else {
            ReaderSnapshot.Reader first = snapshot.readers().stream()
                    .filter(ReaderSnapshot.Reader::cardPresent)
                    .findFirst()
                    .orElse(snapshot.readers().get(0));
            readerText.set(messages.get(first.cardPresent() ? "status.reader.card" : "status.reader.empty",
                    first.name(), snapshot.readers().size()));
            readerLevel.set(StatusLevel.OK);
        }
    }

    void showReaderFailure(Throwable failure) {
        if (failure instanceof CardIoException e) {
            readerText.set(messages.get("status.reader.failed", messages.get(Messages.keyFor("card.error.", e.error())),
                    e.error().code()));
        } else {
            readerText.set(messages.get("status.reader.failed", messages.get("status.error.unexpected"), "CARD-999"));
        }
        readerLevel.set(StatusLevel.ERROR);
    }

    void showStore(StoreSummary summary) {
        if (summary.clerk() != null && !summary.clerk().role().allows(Capability.READ_REGISTER)) {
            storeText.set(messages.get("status.store.readyNoRegister")); // a volunteer: nothing about the register
        } else {
            storeText.set(messages.get(summary.demo() ? "status.store.readyDemo" : "status.store.ready",
                    summary.households(), summary.residents()));
        }
        storeLevel.set(StatusLevel.OK);
    }

    void showStoreFailure(Throwable failure) {
        if (failure instanceof StoreException e) {
            storeText.set(messages.get("status.store.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                    e.error().code()));
        } else {
            storeText.set(messages.get("status.store.failed", messages.get("status.error.unexpected"), "STORE-999"));
        }
        storeLevel.set(StatusLevel.ERROR);
    }


    public ReadOnlyStringProperty readerTextProperty() {
        return readerText;
    }

    public ReadOnlyObjectProperty<StatusLevel> readerLevelProperty() {
        return readerLevel;
    }

    /** Which kind of reader is in use, once known (null before the first answer). */
    public ReadOnlyObjectProperty<ReaderSource> readerSourceProperty() {
        return readerSource;
    }

    public ReadOnlyStringProperty storeTextProperty() {
        return storeText;
    }

    public ReadOnlyObjectProperty<StatusLevel> storeLevelProperty() {
        return storeLevel;
    }

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText;
    }

    public ReadOnlyObjectProperty<StatusLevel> syncLevelProperty() {
        return syncLevel;
    }

    /** How many messages wait for a person (BLOCKED), as of the last sync pass. */
    public javafx.beans.property.ReadOnlyLongProperty syncBlockedProperty() {
        return syncBlocked;
    }

    /** The status bar's link to the blocked messages, e.g. "止まっている送信 2 件を見る…"; empty when there are none. */
    public ReadOnlyStringProperty syncBlockedTextProperty() {
        return syncBlockedText;
    }
}
