package dev.madoguchi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.Keyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void anOlderStoreIsBackedUpBesideItBeforeItIsMigrated() throws Exception {
        Files.writeString(Keyring.in(dir), "keyring of this store");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(LocalStore.FILE_NAME), "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("4").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO setting VALUES ('register.snapshot', 'before-upgrade')");
            }

            LocalStore.migrate(pool, dir);

            Path backup = SchemaUpgrade.backupFile(dir, 4, LocalStore.SCHEMA_VERSION);
            assertThat(backup).exists();
            List<String> entries = new ArrayList<>();
            try (ZipFile zip = new ZipFile(backup.toFile())) {
                zip.stream().forEach(e -> entries.add(e.getName()));
                assertThat(new String(zip.getInputStream(zip.getEntry(Keyring.FILE_NAME)).readAllBytes()))
                        .isEqualTo("keyring of this store");
            }
            assertThat(entries).contains(LocalStore.DATABASE_FILE, Keyring.FILE_NAME);
            assertThat(LocalStore.recordedSchemaVersion(dir)).isEqualTo(LocalStore.SCHEMA_VERSION);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aStoreAtTheNewestVersionIsNotBackedUpAgain() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            assertThat(store.schemaVersion()).isEqualTo(String.valueOf(LocalStore.SCHEMA_VERSION));
        }
        try (LocalStore store = TestStores.openAs(dir, TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE)) {
            assertThat(store.schemaVersion()).isEqualTo(String.valueOf(LocalStore.SCHEMA_VERSION));
        }
        try (var files = java.util.stream.Stream.of(dir.toFile().list())) {
            assertThat(files.filter(n -> n.endsWith(".backup.zip"))).isEmpty();
        }
        assertThat(LocalStore.recordedSchemaVersion(dir)).isEqualTo(LocalStore.SCHEMA_VERSION);
    }

    @Test
    void aNewerStoreIsRefusedWithSTORE007AndLeftAsItIs() throws Exception {
        Path marker = dir.resolve("unchanged");
        Files.writeString(marker, "x");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(LocalStore.FILE_NAME), "sa", "");
        try {
            assertThatThrownBy(() -> SchemaUpgrade.beforeMigrating(pool, dir, LocalStore.SCHEMA_VERSION + 1,
                    LocalStore.SCHEMA_VERSION))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.NEWER_SCHEMA))
                    .hasMessageContaining("newer Madoguchi")
                    .hasMessageContaining("not changed");
        } finally {
            pool.dispose();
        }
        try (var files = java.util.stream.Stream.of(dir.toFile().list())) {
            assertThat(files.filter(n -> n.endsWith(".backup.zip"))).isEmpty();
        }
    }
}
