package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.cli.ShelterListFile;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.setup.SetupWizardViewModel.Page;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistant as a whole: the order of the pages, what may be skipped or gone back to, the summary and the end. */
class SetupWizardViewModelTest {

    @TempDir
    Path dir;

    private final Messages ja = new Messages(Language.JAPANESE);
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private StoreService store;
    private StoreSummary finished;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private SetupWizardViewModel wizard(Path storeDirectory) {
        store = new StoreService(storeDirectory, null, SetupStepsTest.OPTIONS);
        SetupWizardViewModel.Steps steps = new SetupWizardViewModel.Steps(new MunicipalityStep(ja),
                new AdministratorStep(ja), new RegisterStep(ja, tasks, new SetupService(storeDirectory,
                        SetupStepsTest.OPTIONS)), new BackendStep(ja, tasks, new BackendCheck()),
                new PrinterStep(ja, tasks, new FormPrinter(), FontFiles.debian(), Clock.systemDefaultZone()),
                new CardReaderStep(ja, tasks, new SimulatedCardReaders(List.of())),
                new FoldersStep(ja, tasks, ShelterListFile::read));
        return new SetupWizardViewModel(ja, tasks, steps, (id, passphrase, apply) -> {
            StoreSummary summary = store.signIn(id, passphrase);
            apply.accept(store.store().orElseThrow());
            return summary;
        }, summary -> finished = summary, Clock.systemUTC());
    }

    @Test
    void theFirstTwoStepsAreNeededAndTheRestCanBeLeftForLaterWithWhereToDoIt() {
        Path storeDirectory = new AppPaths(dir.resolve("data")).storeDirectory();
        SetupWizardViewModel wizard = wizard(storeDirectory);
        assertThat(wizard.headingProperty().get()).isEqualTo("手順 1/8: 自治体");
        assertThat(wizard.canSkipProperty().get()).isFalse();
        assertThat(wizard.canGoBackProperty().get()).isFalse();
        wizard.skip();
        wizard.next(); // nothing typed
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.MUNICIPALITY);

        wizard.steps().municipality().codeProperty().set("131016");
        wizard.steps().municipality().nameProperty().set("千代田区");
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.ADMINISTRATOR);
        assertThat(wizard.canGoBackProperty().get()).isTrue();
        AdministratorStep admin = wizard.steps().administrator();
        admin.idProperty().set("admin1");
        admin.nameProperty().set("管理者");
        admin.passphraseProperty().set(SetupStepsTest.PASSPHRASE);
        admin.repeatProperty().set(SetupStepsTest.PASSPHRASE);
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.REGISTER);
        assertThat(wizard.laterProperty().get()).contains("madoguchi store import");

        wizard.skip(); // the store is made without a register
        assertThat(LocalStore.exists(storeDirectory)).isTrue();
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.BACKEND);
        assertThat(wizard.canGoBackProperty().get()).isFalse(); // the store exists: municipality and admin are fixed
        wizard.next(); // no URL: left for later
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.PRINTER);
        assertThat(wizard.canGoBackProperty().get()).isTrue();
        wizard.back();
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.BACKEND);
        wizard.skip();
        wizard.skip();
        wizard.skip();
        wizard.next(); // no folder, no list
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.SUMMARY);
        assertThat(wizard.summaryProperty().get().lines().toList()).containsExactly(
                "✓ 自治体: 千代田区（131016）",
                "✓ 最初の管理者: 管理者 admin1（管理者）",
                "— 住民記録の取込み: 未設定。" + ja.get("setup.later.register"),
                "— 基幹システムとの接続: 未設定。" + ja.get("setup.later.backend"),
                "— プリンター: 未設定。" + ja.get("setup.later.printer"),
                "— カードリーダー: 未設定。" + ja.get("setup.later.cardReader"),
                "— 帳票フォルダーと避難所一覧: 未設定。" + ja.get("setup.later.folders"));

        wizard.next(); // 設定を終えて開始
        assertThat(finished).isNotNull();
        assertThat(finished.demo()).isFalse();
        assertThat(finished.clerk().clerkId()).isEqualTo("admin1");
        assertThat(store.store().orElseThrow().settings().get(SetupService.COMPLETED_AT)).isPresent();
        assertThat(admin.passphrase()).isEmpty(); // forgotten once signed in
    }

    @Test
    void aFailedSignInAtTheEndIsShownWithItsRemedy() {
        Path storeDirectory = new AppPaths(dir.resolve("data")).storeDirectory();
        SetupWizardViewModel wizard = wizard(storeDirectory);
        wizard.steps().municipality().codeProperty().set("131016");
        wizard.steps().municipality().nameProperty().set("千代田区");
        wizard.next();
        wizard.steps().administrator().idProperty().set("admin1");
        wizard.steps().administrator().nameProperty().set("管理者");
        wizard.steps().administrator().passphraseProperty().set(SetupStepsTest.PASSPHRASE);
        wizard.steps().administrator().repeatProperty().set(SetupStepsTest.PASSPHRASE);
        wizard.next();
        wizard.skip();
        for (int i = 0; i < 4; i++) {
            wizard.skip();
        }
        assertThat(wizard.pageProperty().get()).isEqualTo(Page.SUMMARY);
        store.close();
        LocalStore.open(storeDirectory, "admin1", SetupStepsTest.PASSPHRASE.toCharArray(), SetupStepsTest.OPTIONS)
                .close(); // fine; now a clerk id that is not there:
        wizard.steps().administrator().idProperty().set("nobody");
        wizard.next();
        assertThat(finished).isNull();
        assertThat(wizard.finishMessageProperty().get()).contains("(STORE-");
    }
}
