package dev.madoguchi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.store.StoreSummary;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.app.wiring.ShellWiring;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which modes an account works in: a shelter or volunteer account never reaches the counter, nor the reverse. */
class ModesByRoleTest {

    private static MainWindowViewModel window() {
        Messages messages = new Messages(Language.JAPANESE);
        InlineTaskRunner tasks = new InlineTaskRunner();
        StatusBarViewModel status = new StatusBarViewModel(messages, tasks,
                new SimulatedCardReaders(List.of(new SimulatedCard("R1", "デモ"))),
                () -> new StoreSummary(1, 1, "7", true, new Clerk("x", "x", Role.CLERK)));
        return new MainWindowViewModel(messages, tasks, status, true, 100, Optional::empty);
    }

    @Test
    void eachRoleHasItsOwnModeAndTheAdministratorAll() {
        assertThat(ShellWiring.modesFor(Role.CLERK)).containsExactly(Mode.COUNTER);
        assertThat(ShellWiring.modesFor(Role.SHELTER_STAFF)).containsExactly(Mode.SHELTER);
        assertThat(ShellWiring.modesFor(Role.VOLUNTEER)).containsExactly(Mode.VOLUNTEER);
        assertThat(ShellWiring.modesFor(Role.ADMINISTRATOR)).containsExactlyInAnyOrder(Mode.values());
    }

    @Test
    void aShelterAccountStartsInItsModeAndCannotBeSwitchedToTheCounter() {
        MainWindowViewModel vm = window();
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.COUNTER);

        vm.allowModes(ShellWiring.modesFor(Role.SHELTER_STAFF));

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.SHELTER);
        assertThat(vm.modes()).containsExactly(Mode.SHELTER);
        vm.modeProperty().set(Mode.COUNTER); // e.g. Ctrl+1
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.SHELTER);
        vm.modeProperty().set(Mode.VOLUNTEER);
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.SHELTER);
    }

    @Test
    void aCounterClerkKeepsTheCounterAndAnAdministratorMayGoEverywhere() {
        MainWindowViewModel clerk = window();
        clerk.allowModes(Set.of(Mode.COUNTER));
        clerk.modeProperty().set(Mode.VOLUNTEER);
        assertThat(clerk.modeProperty().get()).isEqualTo(Mode.COUNTER);

        MainWindowViewModel admin = window();
        admin.allowModes(EnumSet.allOf(Mode.class));
        admin.modeProperty().set(Mode.VOLUNTEER);
        assertThat(admin.modeProperty().get()).isEqualTo(Mode.VOLUNTEER);
        assertThatThrownBy(() -> admin.allowModes(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
