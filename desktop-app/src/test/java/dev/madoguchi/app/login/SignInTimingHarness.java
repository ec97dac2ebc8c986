package dev.madoguchi.app.login;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.store.keys.Keyring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures the sign-in's parts (docs/performance.md, "Sign-in"): one passphrase key derivation (PBKDF2-HMAC-SHA256,
 * the keyring's iterations), the demo store's sign-in as the application does it, and building and showing the main
 * window after it. Not a test (no assertions; run it with {@code -Dtest=SignInTimingHarness}); prints medians of 5.
 */
@ExtendWith(ApplicationExtension.class)
class SignInTimingHarness {

    static final int RUNS = 5;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // stages are made per run
    }

    @Test
    void measure(FxRobot robot) throws Exception {
        List<Long> derive = new ArrayList<>();
        for (int i = 0; i < RUNS + 1; i++) {
            long t = System.nanoTime();
            PBEKeySpec spec = new PBEKeySpec(DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray(), new byte[16],
                    Keyring.DEFAULT_ITERATIONS, 256);
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            if (i > 0) {
                derive.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        Path data = dir.resolve("data");
        long first;
        try (StoreService store = new StoreService(new AppPaths(data).storeDirectory(), DemoEnvironment.standard())) {
            long t = System.nanoTime();
            store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
            first = (System.nanoTime() - t) / 1_000_000;
        }
        List<Long> signIn = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (StoreService store = new StoreService(new AppPaths(data).storeDirectory(), DemoEnvironment.standard())) {
                long t = System.nanoTime();
                store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
                signIn.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        List<Long> window = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(Platform::runLater)) {
                CompositionRoot root = new CompositionRoot(
                        new AppConfig(new AppPaths(data), Language.JAPANESE, 100, true), tasks);
                long[] took = new long[1];
                robot.interact(() -> {
                    Stage stage = new Stage();
                    long t = System.nanoTime();
                    root.showMainWindow(stage);
                    took[0] = (System.nanoTime() - t) / 1_000_000;
                });
                WaitForAsyncUtils.waitForFxEvents();
                window.add(took[0]);
                robot.interact(() -> root.residentWindow().hide());
                root.close();
            }
        }
        System.out.printf("SIGN-IN TIMING: key derivation median %d ms %s; first sign-in (creates the demo store) %d ms;"
                + " demo sign-in median %d ms %s; main window median %d ms %s%n", median(derive), derive, first,
                median(signIn), signIn, median(window), window);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
