package dev.madoguchi.app.wiring;

import dev.madoguchi.app.shell.Mode;
import java.util.Set;

/**
 * Only the mode shown watches the readers (two modes reading one card would both act on it), and the resident's
 * window shows that mode's part: the counter's visit, the shelter desk's welcome and PIN pad, or the volunteer's
 * check-up. One per main window, called whenever the shown mode changes.
 */
public final class ModeFollower {

    private final ResidentWindow residentWindow;
    private final Set<Mode> modes;
    private final ShellWiring shell;
    private final CounterWiring counter;
    private final ShelterWiring shelter;
    private final VolunteerWiring volunteer;

    /** @param modes the modes of the signed-in account */
    public ModeFollower(ResidentWindow residentWindow, Set<Mode> modes, ShellWiring shell, CounterWiring counter,
            ShelterWiring shelter, VolunteerWiring volunteer) {
        this.residentWindow = residentWindow;
        this.modes = Set.copyOf(modes);
        this.shell = shell;
        this.counter = counter;
        this.shelter = shelter;
        this.volunteer = volunteer;
    }

    /** The mode now shown. */
    public void follow(Mode mode) {
        var textSize = shell.viewModel().fontScalePercentProperty();
        if (mode != Mode.COUNTER) {
            counter.steps().stop();
        }
        if (mode != Mode.VOLUNTEER) {
            volunteer.stop();
        }
        shelter.shown(mode == Mode.SHELTER);
        switch (mode) {
            case SHELTER -> residentWindow.showShelter(shelter.steps(), textSize);
            case VOLUNTEER -> {
                volunteer.start();
                residentWindow.showVolunteer(volunteer.steps(), textSize);
            }
            case COUNTER -> {
                if (modes.contains(Mode.COUNTER)) {
                    counter.steps().start();
                }
                residentWindow.show(counter.steps(), textSize);
            }
        }
    }
}
