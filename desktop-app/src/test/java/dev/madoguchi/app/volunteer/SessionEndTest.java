package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.resident.ResidentLanguage;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.mynumber.PinKind;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every session ends for certain — the card taken away, 終了, or the idle time — and then nothing of it is held: every
 * observable value and list of every volunteer view model (both windows) is what it was before the first card, no
 * PIN digit is left in a buffer, and the check-up itself is no longer reachable.
 */
class SessionEndTest {

    @TempDir
    Path dir;

    VolunteerFixture f;
    Map<String, Object> before;

    @BeforeEach
    void setUp() {
        f = new VolunteerFixture(dir);
        before = state();
    }

    /** Each view model's observable fields, by name, with their values (lists copied). */
    private Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> models = List.of(f.steps.session(), f.steps.welcome(), f.steps.result(), f.steps.selfTest(),
                f.steps.sheet(), f.resident);
        for (Object model : models) {
            for (Class<?> c = model.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value;
                    try {
                        value = field.get(model);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                    String name = c.getSimpleName() + "." + field.getName();
                    if (value instanceof ObservableList<?> list) {
                        out.put(name, new ArrayList<>(list));
                    } else if (value instanceof ObservableValue<?> observable) {
                        out.put(name, observable.getValue());
                    } else if (value instanceof char[] chars) {
                        out.put(name, new String(chars));
                    } else if (value instanceof CheckUp || field.getType() == String.class) {
                        out.put(name, value); // the session's reader name, a held check-up: gone when ended
                    }
                }
            }
        }
        return out;
    }

    /** A full session on both windows: results, advice, another language, a self-test, a preview. */
    private WeakReference<CheckUp> runASession() {
        f.put("auth-locked");
        f.resident.languageProperty().set(ResidentLanguage.KOREAN);
        f.resident.choose(PinKind.TEXT_PIN);
        String pin = VolunteerFixture.fine().textPin();
        pin.chars().limit(3).forEach(c -> f.resident.pressDigit(c - '0'));
        f.steps.sheet().preview();
        assertThat(state()).as("the session shows something").isNotEqualTo(before);
        return new WeakReference<>(f.steps.session().checkUpProperty().get());
    }

    private void assertNothingRemains(WeakReference<CheckUp> checkUp) throws InterruptedException {
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.WELCOME);
        Map<String, Object> after = state();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((name, value) -> assertThat(value).as(name).isEqualTo(before.get(name)));
        assertThat(f.steps.selfTest().holdsNoDigits()).isTrue();
        for (int i = 0; i < 50 && checkUp.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(checkUp.get()).as("the check-up is no longer reachable").isNull();
    }

    @Test
    void theWalkSeesEveryViewModelsState() {
        assertThat(before).containsKeys("CheckUpSession.checkUp", "ResultViewModel.lines", "SelfTestViewModel.digits",
                "VolunteerResidentViewModel.lines", "VolunteerResidentViewModel.language", "SheetViewModel.pages");
        assertThat(before.size()).isGreaterThan(30);
    }

    @Test
    void takingTheCardAwayLeavesNothing() throws Exception {
        WeakReference<CheckUp> checkUp = runASession();
        f.takeAway();
        assertNothingRemains(checkUp);
    }

    @Test
    void finishLeavesNothingAndTheCardStillOnTheReaderIsNotReadAgain() throws Exception {
        WeakReference<CheckUp> checkUp = runASession();
        f.steps.result().finish();
        f.tasks.tick();
        assertNothingRemains(checkUp);
        f.takeAway();
        f.put("full");
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
    }

    @Test
    void theIdleTimeEndsTheSessionAndInputPostponesIt() throws Exception {
        WeakReference<CheckUp> checkUp = runASession();
        f.seconds(170);
        f.steps.session().activity();
        f.seconds(170);
        f.tasks.tick();
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
        f.seconds(11);
        f.tasks.tick();
        assertNothingRemains(checkUp);
    }

    @Test
    void resultsOfWorkForAnEndedSessionAreDropped() {
        f.put("full");
        CheckUp old = f.steps.session().checkUpProperty().get();
        f.steps.result().finish();
        f.steps.session().replace(old);
        assertThat(f.steps.session().checkUpProperty().get()).isNull();
    }
}
