package dev.madoguchi.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupViewModelTest {

    private static final StoreOptions OPTIONS = new StoreOptions("test-terminal", 1_000, Clock.systemUTC(),
            new SecureRandom());

    @TempDir
    Path dataDir;

    private StoreService storeWithClerks() {
        Path storeDir = dataDir.resolve("store");
        try (LocalStore admin = LocalStore.create(storeDir, new Clerk("admin", "管理者", Role.ADMINISTRATOR),
                "admin passphrase".toCharArray(), OPTIONS)) {
            admin.clerks().add(new Clerk("clerk1", "窓口", Role.CLERK), "clerk passphrase".toCharArray());
        }
        return new StoreService(storeDir, null, OPTIONS);
    }

    @Test
    void anAdministratorBacksUpOnTheStoreWriterLaneAndIsToldWhereInWordsAndTheBackupIsAudited() {
        InlineTaskRunner tasks = new InlineTaskRunner();
        try (StoreService store = storeWithClerks()) {
            store.signIn("admin", "admin passphrase".toCharArray());
            BackupViewModel backup = new BackupViewModel(new Messages(Language.JAPANESE), tasks, store,
                    dataDir.resolve("backups"), () -> LocalDateTime.of(2026, 12, 1, 9, 5));
            Path file = backup.suggestedFile();
            assertThat(file.getFileName().toString()).isEqualTo("madoguchi-20261201-0905.zip");

            backup.backupTo(file);

            assertThat(file).exists();
            assertThat(backup.messageProperty().get()).startsWith("バックアップを作成しました")
                    .contains(file.toAbsolutePath().toString());
            assertThat(backup.runningProperty().get()).isFalse();
            assertThat(tasks.lanesUsed()).contains("store-writer:back up the store");
            assertThat(store.store().orElseThrow().audit().tail(3)).extracting(e -> e.action())
                    .contains(AuditAction.BACKUP);
        }
    }

    @Test
    void aCounterClerkIsToldTheRoleDoesNotAllowIt() throws Exception {
        InlineTaskRunner tasks = new InlineTaskRunner();
        try (StoreService store = storeWithClerks()) {
            store.signIn("clerk1", "clerk passphrase".toCharArray());
            BackupViewModel backup = new BackupViewModel(new Messages(Language.ENGLISH), tasks, store,
                    dataDir.resolve("backups"), LocalDateTime::now);
            Path file = dataDir.resolve("backups").resolve("not-allowed.zip");

            backup.backupTo(file);

            assertThat(Files.exists(file)).isFalse();
            assertThat(backup.messageProperty().get()).startsWith("Cannot create the backup")
                    .contains("role does not allow").contains("STORE-006");
            backup.explainRestore();
            assertThat(backup.messageProperty().get()).contains("madoguchi store restore");
        }
    }
}
