package dev.madoguchi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log file follows {@code --data-dir} (before or after the subcommand) and {@code $MADOGUCHI_HOME}, as
 * docs/architecture.md says. Each case runs {@code Main} in a fresh JVM, because Logback reads its directory once per
 * process; the command logs one line (a wrong PIN on a simulated demo card).
 */
class LogDirectoryTest {

    @TempDir
    Path dir;

    private static Resident holder;

    @BeforeAll
    static void demoCard() {
        holder = DemoMunicipality.generateDefault().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3).findFirst().orElseThrow();
    }

    private String wrongPin() {
        return holder.card().textPin().equals("0000") ? "1111\n" : "0000\n";
    }

    private int runMain(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + dir.resolve("home"),
                // the application's own logback.xml, not the tests' console-only logback-test.xml
                "-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-output.txt").toFile());
        builder.environment().remove(AppPaths.HOME_VARIABLE);
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().write(wrongPin().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private Path defaultLogs() {
        return dir.resolve("home").resolve(".local/share/madoguchi/logs");
    }

    private static String log(Path dataDir) throws IOException {
        Path file = dataDir.resolve("logs").resolve("madoguchi.log");
        assertThat(file).exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theLogIsInTheDataDirectoryGivenBeforeTheSubcommand() throws Exception {
        Path data = dir.resolve("data");
        int code = runMain(Map.of(), "--data-dir", data.toString(), "card", "read", "--demo-card", holder.id(),
                "--pin-stdin");
        assertThat(code).as(Files.readString(dir.resolve("child-output.txt"))).isNotZero();
        assertThat(log(data)).contains("'madoguchi card read' failed").doesNotContain(wrongPin().strip() + " ");
        assertThat(defaultLogs()).doesNotExist();
    }

    @Test
    void theLogFollowsADataDirectoryGivenAfterTheSubcommand() throws Exception {
        Path data = dir.resolve("after");
        runMain(Map.of(), "card", "read", "--demo-card", holder.id(), "--pin-stdin", "--data-dir=" + data);
        assertThat(log(data)).contains("failed");
        assertThat(defaultLogs()).doesNotExist();
    }

    @Test
    void theLogFollowsMadoguchiHome() throws Exception {
        Path home = dir.resolve("madoguchi-home");
        runMain(Map.of(AppPaths.HOME_VARIABLE, home.toString()), "card", "read", "--demo-card", holder.id(),
                "--pin-stdin");
        assertThat(log(home)).contains("failed");
        assertThat(defaultLogs()).doesNotExist();
    }
}
