package dev.madoguchi.app.shelter;

import java.util.Map;
import javafx.scene.Node;

/**
 * A check-in step's view on the shelter screen: it shows its panels for its own {@link CheckInStep}s and names the
 * control the keyboard starts from after each change of step.
 */
public interface ShelterStepView {

    /** The logical first control at this step, or null when the step is not this view's. */
    Node focusTarget(CheckInStep step);

    /** Shows the pane of the step (if it is one of these) and hides the others. */
    static void show(Map<CheckInStep, Node> paneOf, CheckInStep step) {
        Node shown = paneOf.get(step);
        for (Node pane : paneOf.values()) {
            pane.setVisible(pane == shown);
            pane.setManaged(pane == shown);
        }
    }
}
