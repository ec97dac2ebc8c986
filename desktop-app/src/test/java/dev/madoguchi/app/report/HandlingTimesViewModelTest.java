package dev.madoguchi.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.cases.HandlingTime;
import dev.madoguchi.store.cases.StepDuration;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handling-time screen's view model over a real encrypted store, without the toolkit, every lane inline. */
class HandlingTimesViewModelTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final String ADMIN_PASSPHRASE = "admin passphrase 1";
    private static final String CLERK_PASSPHRASE = "clerk passphrase 1";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(TODAY.atTime(9, 0).atZone(TOKYO).toInstant(), TOKYO);
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private Path storeDir;
    private StoreService stores;

    @BeforeEach
    void visits() {
        storeDir = dir.resolve("store");
        StoreOptions options = StoreOptions.defaults().withKeyIterations(1_000).withClock(clock);
        try (LocalStore admin = LocalStore.create(storeDir, new Clerk("admin", "管理者", Role.ADMINISTRATOR),
                ADMIN_PASSPHRASE.toCharArray(), options)) {
            admin.clerks().add(new Clerk("clerk1", "窓口 一郎", Role.CLERK), CLERK_PASSPHRASE.toCharArray());
            visit(admin, "tenshutsu", false, 100);
        }
        try (LocalStore clerk = LocalStore.open(storeDir, "clerk1", CLERK_PASSPHRASE.toCharArray(), options)) {
            // four 転入 visits: identify 10, 20, 30, 40 s (the last by hand), plan 60 s each
            for (int i = 1; i <= 4; i++) {
                visit(clerk, "tennyu", i == 4, i * 10);
            }
        }
        stores = new StoreService(storeDir, null, options);
    }

    private void visit(LocalStore store, String lifeEvent, boolean manual, int identifySeconds) {
        var started = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        store.cases().open("R1", lifeEvent, "{}", null, List.of(), null, new HandlingTime(started,
                List.of(new StepDuration(StepDuration.IDENTIFY, Duration.ofSeconds(identifySeconds)),
                        new StepDuration(StepDuration.PLAN, Duration.ofSeconds(60))), manual));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private HandlingTimesViewModel viewModel(Language language) {
        return new HandlingTimesViewModel(new Messages(language), tasks,
                new HandlingTimesService(stores, LifeEventRules.builtIn()), clock);
    }

    @Test
    void aClerkSeesTheirOwnFiguresPerLifeEventAndStepForTheLastThirtyDays() {
        stores.signIn("clerk1", CLERK_PASSPHRASE.toCharArray());
        HandlingTimesViewModel vm = viewModel(Language.JAPANESE);
        assertThat(vm.toProperty().get()).isEqualTo("2026-12-07");
        assertThat(vm.fromProperty().get()).isEqualTo("2026-11-08");

        vm.refresh();

        assertThat(tasks.lanesUsed()).containsExactly("store-writer:report handling times");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.allClerksAllowedProperty().get()).isFalse();
        assertThat(vm.rowsProperty()).containsExactly(
                new HandlingTimesViewModel.Row("転入（市外から引っ越してきた）", "本人確認", "4", "0:25.0", "0:37.0", ""),
                new HandlingTimesViewModel.Row("転入（市外から引っ越してきた）", "手続の選択", "4", "1:00.0", "1:00.0", ""),
                new HandlingTimesViewModel.Row("転入（市外から引っ越してきた）", "受付全体", "4", "1:25.0", "1:37.0",
                        "3 / 4（75 %）"));
        assertThat(vm.summaryProperty().get()).isEqualTo("自分の受付 4 件、うち手入力なし 3 / 4（75 %）");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anAdministratorMayChooseEveryClerksFiguresAClerkIsRefused() {
        stores.signIn("admin", ADMIN_PASSPHRASE.toCharArray());
        HandlingTimesViewModel admin = viewModel(Language.ENGLISH);
        admin.refresh();
        assertThat(admin.allClerksAllowedProperty().get()).isTrue();
        assertThat(admin.rowsProperty()).extracting(HandlingTimesViewModel.Row::lifeEvent)
                .containsOnly("Moving out to another municipality");
        admin.allClerksProperty().set(true);
        admin.refresh();
        assertThat(admin.rowsProperty()).extracting(HandlingTimesViewModel.Row::step)
                .containsExactly("Identify", "Procedures", "Whole visit", "Identify", "Procedures", "Whole visit");
        assertThat(admin.summaryProperty().get()).isEqualTo("All clerks' visits: 5, without manual entry 4 / 5 (80 %)");
        stores.close();

        stores = new StoreService(storeDir, null, StoreOptions.defaults().withClock(clock));
        stores.signIn("clerk1", CLERK_PASSPHRASE.toCharArray());
        HandlingTimesViewModel clerk = viewModel(Language.JAPANESE);
        clerk.allClerksProperty().set(true);
        clerk.refresh();
        assertThat(clerk.messageIsErrorProperty().get()).isTrue();
        assertThat(clerk.messageProperty().get()).startsWith("集計できませんでした。").endsWith("（STORE-006）");
        assertThat(clerk.rowsProperty()).isEmpty();
    }

    @Test
    void datesThatCannotBeReadOrARangeBackwardsAreSaidAndNothingIsRead() {
        stores.signIn("clerk1", CLERK_PASSPHRASE.toCharArray());
        HandlingTimesViewModel vm = viewModel(Language.JAPANESE);
        vm.fromProperty().set("2026/12/01");
        vm.refresh();
        assertThat(vm.messageProperty().get()).contains("年-月-日");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        vm.fromProperty().set("2026-12-08");
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEqualTo("終了日が開始日より前です");
        assertThat(tasks.lanesUsed()).isEmpty();

        vm.fromProperty().set(" 2026-12-08 ");
        vm.toProperty().set("2026-12-31");
        vm.refresh();
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(vm.rowsProperty()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("この期間に自分の受付はありません");
    }
}
