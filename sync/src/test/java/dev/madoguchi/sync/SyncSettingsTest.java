package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.LocalStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSettingsTest {

    private static final String TOKEN = "T-9.c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";

    @TempDir
    Path dir;

    @Test
    void theConfigurationIsKeptInTheEncryptedStoreAndTheTokenIsNotInThePlainFile() throws Exception {
        try (LocalStore store = SyncTestStores.create(dir, Clock.systemUTC())) {
            SyncSettings settings = new SyncSettings(store.settings());
            assertThat(settings.backend()).isEmpty();
            assertThat(SyncServices.forStore(store, SyncPolicy.defaults(), Clock.systemUTC())).isEmpty();
            assertThatThrownBy(() -> settings.configure(URI.create("http://backend.example"), TOKEN, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> settings.configure(URI.create("https://backend.example"), null, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(settings.backend()).isEmpty(); // nothing half-stored

            settings.configure(URI.create("https://backend.example/madoguchi"), TOKEN, null, null);
            assertThat(settings.backend().orElseThrow().terminalId()).isEqualTo("T-9");
            assertThat(SyncServices.forStore(store, SyncPolicy.defaults(), Clock.systemUTC())).isPresent();
            settings.configure(URI.create("https://other.example"), null, null, null); // the token is kept
            assertThat(settings.backend().orElseThrow().token()).isEqualTo(TOKEN);
        }
        byte[] file = Files.readAllBytes(dir.resolve(LocalStore.DATABASE_FILE));
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("c2VjcmV0LXNlY3JldC1z");
        try (LocalStore store = SyncTestStores.openAdmin(dir, Clock.systemUTC())) {
            assertThat(new SyncSettings(store.settings()).backend().orElseThrow().baseUri().getHost())
                    .isEqualTo("other.example");
        }
    }
}
