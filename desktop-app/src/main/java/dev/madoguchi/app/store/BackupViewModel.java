package dev.madoguchi.app.store;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * ファイル → バックアップを作成…: writes a backup of the open store to a path (the view asks with a file chooser; tests
 * give the path), on the {@code store-writer} lane through {@link StoreService}, and says the outcome in words. The
 * store audits the backup. Restoring needs the app closed, so the menu only explains how.
 */
public final class BackupViewModel {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final Messages messages;
    private final TaskRunner tasks;
    private final StoreService store;
    private final Path backupDirectory;
    private final Supplier<LocalDateTime> now;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    public BackupViewModel(Messages messages, TaskRunner tasks, StoreService store, Path backupDirectory,
            Supplier<LocalDateTime> now) {
        this.messages = messages;
        this.tasks = tasks;
        this.store = store;
        this.backupDirectory = backupDirectory;
        this.now = now;
    }

    /** Where the file chooser starts, with a file name holding the date and time. */
    public Path suggestedFile() {
        return backupDirectory.resolve("madoguchi-" + FILE_STAMP.format(now.get()) + ".zip");
    }

    /** Writes the backup; the outcome arrives in {@link #messageProperty()}. */
    public void backupTo(Path file) {
        if (running.get()) {
            return;
        }
        running.set(true);
        message.set(messages.get("store.backup.running"));
        tasks.submit(Lane.STORE_WRITER, "back up the store", () -> {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            return store.backup(file);
        }, bytes -> {
            running.set(false);
            message.set(messages.get("store.backup.done", file.toAbsolutePath().toString(), bytes));
        }, failure -> {
            running.set(false);
            message.set(failure instanceof StoreException e
                    ? messages.get("store.backup.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                            e.error().code())
                    : messages.get("store.backup.failed", messages.get("store.error.storeError"), "STORE-099"));
        });
    }

    /** Says how a backup is restored (the app must be closed; the command line does it). */
    public void explainRestore() {
        message.set(messages.get("store.backup.restoreHow"));
    }

    /** The last outcome in words (empty before the first use). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
