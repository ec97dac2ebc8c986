package dev.madoguchi.app.wiring;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.app.volunteer.VolunteerOutput;
import dev.madoguchi.app.volunteer.VolunteerService;
import dev.madoguchi.app.volunteer.screen.VolunteerSteps;
import java.time.Duration;

/**
 * The 推進委員 (volunteer) mode of one main window: its check-up session and step view models, and the views'
 * controllers for the view loader. The readers are watched only while the mode is shown ({@link #start}); leaving
 * it, locking or rebuilding the window ends the running session ({@link #stop}).
 */
public final class VolunteerWiring {

    private final VolunteerSteps steps;
    private boolean started;

    public VolunteerWiring(Messages messages, TaskRunner tasks, VolunteerService service, VolunteerOutput output,
            Duration idleAfter) {
        this.steps = VolunteerSteps.create(messages, tasks, service, output, System::nanoTime, idleAfter);
    }

    /** Registers the volunteer mode's views (the screen and one view per step). */
    public void register(ViewLoader loader) {
        loader.withAll(steps.controllers());
    }

    /** The volunteer mode's view (loaded when the mode is first shown). */
    public javafx.scene.Parent view(ViewLoader loader) {
        return loader.load(dev.madoguchi.app.volunteer.screen.VolunteerView.class);
    }

    /** Starts watching the readers (the mode is shown). */
    public void start() {
        if (!started) {
            started = true;
            steps.start();
        }
    }

    /** Stops watching the readers; the running session ends and nothing of it is kept. */
    public void stop() {
        started = false;
        steps.stop();
    }

    public VolunteerSteps steps() {
        return steps;
    }
}
