package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut in the middle of a visit: a child JVM runs the visit to the forms on a real store file and is killed with
 * SIGKILL (no shutdown hook, the store never closed); the store is opened again and the visit resumed.
 */
class VisitDraftCrashTest {

    @TempDir
    Path dir;

    @Test
    void aVisitKilledWithSigkillIsResumedFromItsDraftAfterTheStoreIsOpenedAgain() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                VisitDraftCrashChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        boolean ready = false;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.equals(VisitDraftCrashChild.READY)) {
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as(output.toString()).isTrue();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs, the store is never closed
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        try (CounterFixture fixture = new CounterFixture(dir)) {
            VisitViewModel vm = new VisitViewModel(new Messages(Language.JAPANESE), new InlineTaskRunner(),
                    fixture.visits, () -> new PrintDestination.Folder(fixture.printFolder));
            vm.lookForDraft(false);
            assertThat(VisitDraftTest.offered(vm)).as("offered after the sign-in").isNotNull();
            assertThat(VisitDraftTest.offered(vm).step()).isEqualTo("FORMS");
            vm.resumeDraft();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
            assertThat(vm.forms().get(0).filled().text("name")).isEqualTo("新規\u3000転入");
            assertThat(vm.forms().get(0).filled().text("birthDate")).isEqualTo("1990-01-02");
            assertThat(vm.interview()).containsEntry("previousAddress", "別県別市三丁目４番");
        }
    }
}
