package dev.madoguchi.app.volunteer.screen;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.app.volunteer.Advisor;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.VolunteerOutput;
import dev.madoguchi.app.volunteer.VolunteerService;
import dev.madoguchi.app.volunteer.result.ResultView;
import dev.madoguchi.app.volunteer.result.ResultViewModel;
import dev.madoguchi.app.volunteer.selftest.SelfTestViewModel;
import dev.madoguchi.app.volunteer.sheet.SheetView;
import dev.madoguchi.app.volunteer.sheet.SheetViewModel;
import dev.madoguchi.app.volunteer.welcome.WelcomeView;
import dev.madoguchi.app.volunteer.welcome.WelcomeViewModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One volunteer check-up session and its step view models, made together; the views' controllers are made from them
 * ({@link #controllers}). The resident's window reads the session, the result and the self-test from here.
 */
public final class VolunteerSteps {

    private final CheckUpSession session;
    private final WelcomeViewModel welcome;
    private final ResultViewModel result;
    private final SelfTestViewModel selfTest;
    private final SheetViewModel sheet;
    private final Advisor advisor;

    private VolunteerSteps(CheckUpSession session, WelcomeViewModel welcome, ResultViewModel result,
            SelfTestViewModel selfTest, SheetViewModel sheet, Advisor advisor) {
        this.session = session;
        this.advisor = advisor;
        this.welcome = welcome;
        this.result = result;
        this.selfTest = selfTest;
        this.sheet = sheet;
    }

    /**
     * @param ticker the monotonic clock of the idle time (nanoseconds); tests move their own
     * @param idleAfter a session without input for this long ends
     */
    public static VolunteerSteps create(Messages messages, TaskRunner tasks, VolunteerService service,
            VolunteerOutput output, LongSupplier ticker, Duration idleAfter) {
        CheckUpSession session = new CheckUpSession(messages, tasks, service, ticker, idleAfter);
        String language = messages.locale().getLanguage().equals("ja") ? "ja" : "en";
        return new VolunteerSteps(session, new WelcomeViewModel(session),
                new ResultViewModel(session, output.advisor(), language, output.speech()),
                new SelfTestViewModel(session),
                new SheetViewModel(session, output.sheets(), output.destination()), output.advisor());
    }

    /** Each view's controller class → how to make it, for the view loader. */
    public Map<Class<?>, Supplier<Object>> controllers() {
        Map<Class<?>, Supplier<Object>> made = new LinkedHashMap<>();
        made.put(VolunteerView.class, () -> new VolunteerView(this));
        made.put(WelcomeView.class, () -> new WelcomeView(welcome));
        made.put(ResultView.class, () -> new ResultView(result));
        made.put(SheetView.class, () -> new SheetView(sheet));
        return made;
    }

    public CheckUpSession session() {
        return session;
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    public ResultViewModel result() {
        return result;
    }

    public SelfTestViewModel selfTest() {
        return selfTest;
    }

    /** The advice in any language (the resident's window asks for its own). */
    public Advisor advisor() {
        return advisor;
    }

    public SheetViewModel sheet() {
        return sheet;
    }

    /** Starts watching the readers. */
    public void start() {
        welcome.start();
    }

    /** Stops watching the readers; a running session ends. */
    public void stop() {
        welcome.stop();
    }
}
