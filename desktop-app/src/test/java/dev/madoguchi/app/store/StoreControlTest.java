package dev.madoguchi.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.StoreVerification;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterEntry;
import dev.madoguchi.store.register.RegisterResident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line backs up a store the running app holds open and keeps writing to: a second JVM runs
 * {@code madoguchi store backup}, finds the file locked and asks the app's control socket; the backup restores into
 * another directory with an intact chain and the register. {@code store restore} refuses the open store.
 */
class StoreControlTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(3, 500);
    private static final String ADMIN_PASSPHRASE = "admin passphrase 1";
    private static final String CLERK_PASSPHRASE = "clerk passphrase 1";
    private static final StoreOptions OPTIONS = new StoreOptions("test-terminal", 1_000, Clock.systemUTC(),
            new SecureRandom());

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    /** {@code madoguchi --data-dir … store ARGS} in a JVM of its own, the passphrase on standard input. */
    private Run cliInSecondJvm(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.madoguchi.app.Main",
                "--data-dir", dataDir.toString(), "store"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dataDir, "out", ".txt");
        Path err = Files.createTempFile(dataDir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command line did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<RegisterEntry> entries() {
        return DEMO.residents().stream().map(r -> new RegisterEntry(new RegisterResident(r.id(), r.householdId(),
                r.residentCode(), r.relationship(), r.familyName(), r.givenName(), r.familyNameKana(),
                r.givenNameKana(), r.birthDate(), r.sex(), r.postalCode(), r.address(), r.movedInOn(), null, null,
                null, null, null), MyNumber.parse(r.myNumber()))).toList();
    }

    @Test
    void theCommandLineBacksUpThroughTheRunningAppWhileItWritesAndTheBackupRestoresIntact() throws Exception {
        Path storeDir = dataDir.resolve("store");
        try (LocalStore admin = LocalStore.create(storeDir, new Clerk("admin", "管理者", Role.ADMINISTRATOR),
                ADMIN_PASSPHRASE.toCharArray(), OPTIONS)) {
            admin.clerks().add(new Clerk("clerk1", "窓口 一郎", Role.CLERK), CLERK_PASSPHRASE.toCharArray());
            admin.register().replaceAll(List.of(), entries().iterator(), ImportProgress.NONE);
        }
        AtomicLong acknowledged = new AtomicLong();
        try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(Runnable::run);
                StoreService app = new StoreService(storeDir, null, OPTIONS);
                StoreControlEndpoint endpoint = new StoreControlEndpoint(storeDir, app, tasks)) {
            app.signIn("clerk1", CLERK_PASSPHRASE.toCharArray());
            endpoint.start();
            assertThat(endpoint.listening()).isTrue();
            Path socket = StoreControl.socketIn(storeDir);
            assertThat(Files.getPosixFilePermissions(socket))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(socket.getParent())).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE);
            TaskRunner.Cancellable writer = tasks.repeat(Lane.STORE_WRITER, "keep writing", Duration.ofMillis(2),
                    () -> {
                        app.store().orElseThrow().recordPrint("R000001", "転入届");
                        return acknowledged.incrementAndGet();
                    }, n -> { }, failure -> { });
            waitUntil(() -> acknowledged.get() > 20);

            long beforeBackup = acknowledged.get();
            Path backup = dataDir.resolve("while-open.zip");
            Run backedUp = cliInSecondJvm(ADMIN_PASSPHRASE + "\n", "backup", "--clerk", "admin", backup.toString());
            long afterBackup = acknowledged.get();

            assertThat(backedUp.code()).as(backedUp.err()).isZero();
            assertThat(backedUp.out()).contains("backup written by the running Madoguchi");
            assertThat(backedUp.out() + backedUp.err()).doesNotContain(ADMIN_PASSPHRASE);
            assertThat(afterBackup).as("the app kept writing while the backup ran").isGreaterThan(beforeBackup);

            Run wrong = cliInSecondJvm("not the passphrase\n", "backup", "--clerk", "admin",
                    dataDir.resolve("never.zip").toString());
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).contains("STORE-005");
            Run notPermitted = cliInSecondJvm(CLERK_PASSPHRASE + "\n", "backup", "--clerk", "clerk1",
                    dataDir.resolve("never.zip").toString());
            assertThat(notPermitted.code()).isEqualTo(1);
            assertThat(notPermitted.err()).contains("STORE-006");
            assertThat(dataDir.resolve("never.zip")).doesNotExist();

            Run restoreOverOpen = cliInSecondJvm(ADMIN_PASSPHRASE + "\n", "restore", "--clerk", "admin",
                    backup.toString());
            assertThat(restoreOverOpen.code()).isEqualTo(1);
            assertThat(restoreOverOpen.err()).contains("STORE-001");

            writer.cancel();
            LocalStore open = app.store().orElseThrow();
            List<AuditEntry> requests = open.audit().tail(5_000).stream()
                    .filter(e -> e.action() == AuditAction.CONTROL_REQUEST).toList();
            assertThat(requests).extracting(AuditEntry::subject).containsExactly("admin", "clerk1");
            assertThat(requests).extracting(AuditEntry::detail)
                    .containsExactly("backup: written while-open.zip", "backup: refused STORE-006");
            assertThat(open.audit().tail(5_000)).filteredOn(e -> e.action() == AuditAction.BACKUP)
                    .extracting(AuditEntry::clerkId).containsExactly("admin");
            assertThat(open.audit().verify().intact()).isTrue();
        }

        Path otherLaptop = dataDir.resolve("other-laptop");
        Path backup = dataDir.resolve("while-open.zip");
        LocalStore.restore(backup, otherLaptop, "admin", ADMIN_PASSPHRASE.toCharArray(), OPTIONS);
        try (LocalStore restored = LocalStore.open(otherLaptop, "admin", ADMIN_PASSPHRASE.toCharArray(), OPTIONS)) {
            StoreVerification v = restored.verify();
            assertThat(v.intact()).isTrue();
            assertThat(restored.register().residentCount()).isEqualTo(DEMO.residents().size());
            var someone = DEMO.residents().get(77);
            assertThat(restored.register().findByMyNumber(MyNumber.parse(someone.myNumber())))
                    .map(RegisterResident::residentId).contains(someone.id());
            List<AuditEntry> journal = restored.audit().tail(5_000);
            assertThat(journal).filteredOn(e -> e.action() == AuditAction.PRINT).isNotEmpty();
            // the backup holds the requester's audited login; its own BACKUP row is written after the copy
            assertThat(journal).filteredOn(e -> e.action() == AuditAction.LOGIN)
                    .extracting(AuditEntry::clerkId).contains("admin", "clerk1");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
