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

    /** Runs the child JVM until it says it is there, then kills it with SIGKILL. */
    private void runChildAndKillIt(String... mode) throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaCommand, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), VisitDraftCrashChild.class.getName(), dir.toString()));
        command.addAll(java.util.List.of(mode));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
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
    }

    @Test
    void aVisitKilledWithSigkillIsResumedFromItsDraftAfterTheStoreIsOpenedAgain() throws Exception {
        runChildAndKillIt();
        try (CounterFixture fixture = new CounterFixture(dir)) {
            CounterVisit vm = new CounterVisit(new Messages(Language.JAPANESE), new InlineTaskRunner(),
                    fixture.visits, () -> new PrintDestination.Folder(fixture.printFolder));
            vm.offerDrafts();
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

    @Test
    void aVisitKilledAfterPrintingBeforeItsCaseWasStoredIsStoredOnceWithoutPrintingAgain() throws Exception {
        CounterFixture.requireFonts();
        runChildAndKillIt("printed");
        try (CounterFixture fixture = new CounterFixture(dir)) {
            var store = fixture.store.store().orElseThrow();
            java.time.Instant dayBefore = CounterFixture.TODAY.minus(java.time.Duration.ofDays(1));
            java.time.Instant dayAfter = CounterFixture.TODAY.plus(java.time.Duration.ofDays(1));
            assertThat(store.cases().openedBetween(dayBefore, dayAfter)).as("killed before the case").isEmpty();
            assertThat(printedFiles(fixture)).as("but after the print").isEqualTo(1);
            long before = store.audit().tail(1).get(0).seq();

            CounterVisit vm = new CounterVisit(new Messages(Language.JAPANESE), new InlineTaskRunner(),
                    fixture.visits, () -> new PrintDestination.Folder(fixture.printFolder));
            vm.offerDrafts();
            assertThat(VisitDraftTest.offered(vm).step()).isEqualTo("PRINTED");
            vm.resumeDraft();
            assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PRINTED);
            assertThat(vm.printedTextProperty().get()).contains("印刷済み");
            vm.storePrinted();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.DONE);

            assertThat(printedFiles(fixture)).as("not printed again").isEqualTo(1);
            var cases = store.cases().openedBetween(dayBefore, dayAfter);
            assertThat(cases).hasSize(1);
            assertThat(store.outbox().ofAggregate("case", cases.get(0).caseId().toString())).hasSize(1);
            var rows = store.audit().tail(100).stream().filter(e -> e.seq() > before).toList();
            assertThat(rows).filteredOn(e -> e.action() == dev.madoguchi.store.audit.AuditAction.PRINT).hasSize(1);
            assertThat(rows).filteredOn(e -> e.action() == dev.madoguchi.store.audit.AuditAction.OPEN_CASE)
                    .hasSize(1);
            assertThat(store.drafts().mine()).isEmpty();
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    private static long printedFiles(CounterFixture fixture) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(fixture.printFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")
                    && !f.getFileName().toString().startsWith(".")).count();
        }
    }
}
