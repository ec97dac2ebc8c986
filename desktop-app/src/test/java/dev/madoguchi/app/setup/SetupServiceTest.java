package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.Main;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.error.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupServiceTest {

    private static final char[] PASSPHRASE = "窓口 Setup passphrase 2026".toCharArray();
    private static final StoreOptions OPTIONS = new StoreOptions("t", 1_000, Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path dir;

    private SetupPlan plan(String code, Path register, URI backend, Path token) {
        return new SetupPlan(code, "千代田区", "admin1", "管理者", register, backend, token);
    }

    @Test
    void municipalityCodesAreCheckedByTheirCheckDigit() {
        assertThat(SetupPlan.validMunicipalityCode("131016")).isTrue(); // 千代田区
        assertThat(SetupPlan.validMunicipalityCode("011002")).isTrue(); // 札幌市
        assertThat(SetupPlan.validMunicipalityCode("131017")).isFalse();
        assertThat(SetupPlan.validMunicipalityCode("13101")).isFalse();
    }

    @Test
    void passphraseStrengthIsShownAndAWeakOneIsRefused() {
        assertThat(PassphraseStrength.of("short1".toCharArray())).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("longer passphrase".toCharArray())).isEqualTo(PassphraseStrength.FAIR);
        assertThat(PassphraseStrength.of(PASSPHRASE)).isEqualTo(PassphraseStrength.STRONG);
        SetupService setup = new SetupService(new AppPaths(dir).storeDirectory(), OPTIONS);
        assertThatThrownBy(() -> setup.run(plan("131016", null, null, null), "password".toCharArray(),
                new PrintWriter(new StringWriter())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weak");
        assertThat(LocalStore.exists(new AppPaths(dir).storeDirectory())).isFalse();
    }

    @Test
    void everyProblemOfAPlanIsNamedBeforeAnythingIsWritten() {
        SetupPlan bad = new SetupPlan("131017", " ", "a", "", dir.resolve("missing.csv"),
                URI.create("http://backend.example.jp/"), null);

        assertThat(bad.problems()).hasSize(7).anyMatch(p -> p.contains("check digit"))
                .anyMatch(p -> p.contains("cannot be read")).anyMatch(p -> p.contains("https://"))
                .anyMatch(p -> p.contains("token file"));
    }

    @Test
    void aRealMunicipalityIsSetUpWithItsRegisterAndOnlyOnce() throws Exception {
        Path csv = dir.resolve("register.csv");
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"--data-dir", dir.resolve("demo").toString(), "demo", "export", "-o",
            csv.toString()}, new PrintWriter(out), new PrintWriter(out))).isZero();
        Path token = Files.writeString(dir.resolve("token"), "T1.terminal-secret");
        AppPaths paths = new AppPaths(dir.resolve("data"));
        StringWriter progress = new StringWriter();

        SetupService.Outcome outcome = new SetupService(paths.storeDirectory(), OPTIONS).run(
                plan("131016", csv, URI.create("https://backend.example.jp/api"), token), PASSPHRASE.clone(),
                new PrintWriter(progress, true));

        assertThat(outcome.residents()).isGreaterThanOrEqualTo(5_000);
        assertThat(progress.toString()).contains("imported");
        try (LocalStore store = LocalStore.open(paths.storeDirectory(), "admin1", PASSPHRASE.clone(), OPTIONS)) {
            assertThat(store.settings().get(SetupService.MUNICIPALITY_CODE)).contains("131016");
            assertThat(store.settings().get(SetupService.BACKEND_URL)).contains("https://backend.example.jp/api");
            assertThat(new dev.madoguchi.sync.SyncSettings(store.settings()).backend()) // what sync reads
                    .hasValueSatisfying(b -> assertThat(b.terminalId()).isEqualTo("T1"));
            assertThat(SetupMarker.read(paths.storeDirectory())).contains("千代田区 (131016)");
            assertThat(store.settings().get(SetupService.COMPLETED_AT)).isPresent();
            assertThat(store.register().householdCount()).isEqualTo(outcome.households()).isPositive();
        }
        assertThatThrownBy(() -> new SetupService(paths.storeDirectory(), OPTIONS).run(plan("131016", null, null, null),
                PASSPHRASE.clone(), new PrintWriter(new StringWriter())))
                .isInstanceOf(StoreException.class).hasMessageContaining("already has a store");
    }
}
