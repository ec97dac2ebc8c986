package dev.madoguchi.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServiceTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheDemoRegisterOnceIntoANewStore() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        StoreSummary first;
        try (StoreService service = new StoreService(dir, demo)) {
            first = service.open();
            assertThat(service.open()).isSameAs(first);
        }
        assertThat(first.demo()).isTrue();
        assertThat(first.residents()).isEqualTo(demo.municipality().residents().size()).isGreaterThanOrEqualTo(300);
        assertThat(first.households()).isEqualTo(demo.municipality().households().size());

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.settings().get(StoreService.SNAPSHOT_SETTING)).contains(demo.snapshotId());
            String anyName = demo.municipality().residents().get(0).familyName();
            assertThat(store.register().findResident(demo.municipality().residents().get(0).id()))
                    .get().extracting(r -> r.familyName()).isEqualTo(anyName);
        }
    }

    @Test
    void replacesTheDemoRegisterWhenTheDemoChanges() {
        try (StoreService service = new StoreService(dir, new DemoEnvironment(7, 300))) {
            service.open();
        }
        DemoEnvironment bigger = new DemoEnvironment(7, 600);
        try (StoreService service = new StoreService(dir, bigger)) {
            assertThat(service.open().residents()).isEqualTo(bigger.municipality().residents().size());
        }
    }

    @Test
    void neverStoresMyNumbersInTheDemoRegister() throws Exception {
        DemoEnvironment demo = new DemoEnvironment(7, 300);
        try (StoreService service = new StoreService(dir, demo)) {
            service.open();
        }
        byte[] file = Files.readAllBytes(dir.resolve(LocalStore.FILE_NAME + ".mv.db"));
        String bytes = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (var resident : demo.municipality().residents().subList(0, 50)) {
            assertThat(bytes).doesNotContain(resident.myNumber());
        }
    }
}
