package dev.madoguchi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.register.RegisterHousehold;
import dev.madoguchi.store.register.RegisterResident;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    private static final RegisterHousehold HOUSEHOLD =
            new RegisterHousehold("H000001", "R000001", "架空県窓口市本町１丁目２番３号　窓口ハイツ２０１号室", "000-0001");

    private static RegisterResident resident(String id, String code, String familyName) {
        return new RegisterResident(id, "H000001", code, "世帯主", familyName, "太郎", "ヨシダ", "タロウ",
                LocalDate.of(1980, 4, 1), Sex.MALE, "000-0001", HOUSEHOLD.address(), LocalDate.of(2010, 1, 5),
                null, null, null, null, null);
    }

    @Test
    void migratesAnEmptyDirectoryToTheNewestSchema() {
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("1");
            assertThat(store.register().residentCount()).isZero();
        }
        assertThat(dir.resolve(LocalStore.FILE_NAME + ".mv.db")).exists();
    }

    @Test
    void keepsRareCharactersAndFullWidthAddressesExactlyAcrossReopening() {
        try (LocalStore store = LocalStore.open(dir)) {
            store.register().replaceAll(List.of(HOUSEHOLD), List.of(resident("R000001", "12345678901", "𠮷田")));
        }
        try (LocalStore store = LocalStore.open(dir)) {
            RegisterResident back = store.register().findResident("R000001").orElseThrow();
            assertThat(back.familyName()).isEqualTo("𠮷田").hasSize(3);
            assertThat(back.address()).isEqualTo(HOUSEHOLD.address()).contains("\u3000").contains("１丁目");
            assertThat(back).isEqualTo(resident("R000001", "12345678901", "𠮷田"));
            assertThat(store.register().householdCount()).isEqualTo(1);
        }
    }

    @Test
    void aFailedReplacementLeavesTheEarlierCopyUntouched() {
        try (LocalStore store = LocalStore.open(dir)) {
            store.register().replaceAll(List.of(HOUSEHOLD), List.of(resident("R000001", "12345678901", "山田")));
            var duplicateCodes = List.of(resident("R000001", "11111111111", "佐藤"), resident("R000002", "11111111111", "鈴木"));

            assertThatThrownBy(() -> store.register().replaceAll(List.of(HOUSEHOLD), duplicateCodes))
                    .isInstanceOf(StoreException.class)
                    .hasMessageNotContaining("佐藤")
                    .hasMessageNotContaining("鈴木");
            assertThat(store.register().findResident("R000001").orElseThrow().familyName()).isEqualTo("山田");
        }
    }

    @Test
    void keepsSettings() {
        try (LocalStore store = LocalStore.open(dir)) {
            store.settings().put("demo.seed", "42");
            store.settings().put("demo.seed", "43");
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.settings().get("demo.seed")).contains("43");
            assertThat(store.settings().get("missing")).isEmpty();
        }
    }

    @Test
    void aDamagedFileIsReportedAsCorrupt() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            store.settings().put("k", "v");
        }
        Path file = dir.resolve(LocalStore.FILE_NAME + ".mv.db");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> LocalStore.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.CORRUPT_FILE));
    }

    @Test
    void aSecondProcessOnTheSameFileIsToldItIsLocked() throws Exception {
        LocalStore.open(dir).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine(); // skip whatever the child's libraries print first
            } while (line != null && !line.equals("open"));
            assertThat(line).as("the child JVM opened the store").isEqualTo("open");
            assertThatThrownBy(() -> LocalStore.open(dir))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.error()).isEqualTo(StoreError.LOCKED_BY_ANOTHER_INSTANCE));
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs in a child JVM: opens the store and keeps it open until killed. */
    public static final class StoreHolder {
        public static void main(String[] args) throws Exception {
            try (LocalStore store = LocalStore.open(Path.of(args[0]))) {
                System.out.println("open");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
