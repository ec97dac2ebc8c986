package dev.madoguchi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void theDiskFullErrorCodeOfH2IsReportedAsDiskFull() {
        SQLException noSpace = new SQLException("No space left on device", "90100", 90100);
        assertThat(StoreException.from("write", noSpace).error()).isEqualTo(StoreError.DISK_FULL);
    }

    @Test
    void aFullFileSystemIsReportedAsDiskFullAndTheDataAlreadyThereSurvives() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        assumeTrue(mount(small), "mounting a small tmpfs needs root (the mapping test above covers the code)");
        try {
            Path store = small.resolve("store");
            DemoMunicipality few = DemoMunicipality.generate(1, 100);
            try (LocalStore s = TestStores.createWithClerks(store)) {
                s.register().replaceAll(List.of(), TestStores.entries(few).iterator(), n -> { });
            }
            DemoMunicipality many = DemoMunicipality.generate(2, 60_000);
            try (LocalStore s = TestStores.openAs(store, TestStores.ADMIN, TestStores.ADMIN_PASSPHRASE)) {
                assertThatThrownBy(() -> s.register().replaceAll(List.of(), TestStores.entries(many).iterator(),
                        n -> { }))
                        .isInstanceOfSatisfying(StoreException.class,
                                e -> assertThat(e.error()).isEqualTo(StoreError.DISK_FULL));
            } catch (StoreException closing) {
                // closing a store whose disk is full may fail as well; the file on disk is what matters
            }
            Path roomy = dir.resolve("roomy");
            Files.createDirectories(roomy);
            for (String name : List.of(LocalStore.DATABASE_FILE, "madoguchi.keys")) {
                Files.copy(store.resolve(name), roomy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            try (LocalStore s = TestStores.openAs(roomy, TestStores.CLERK, TestStores.CLERK_PASSPHRASE)) {
                assertThat(s.register().residentCount()).isEqualTo(few.residents().size());
                assertThat(s.register().findResident(few.residents().get(0).id())).isPresent();
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean mount(Path target) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", target.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
