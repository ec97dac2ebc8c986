package dev.madoguchi.app.counter;

import javafx.scene.Node;

/**
 * A step's view on the counter screen: shows its panels for its own {@link VisitStep}s and names the control the
 * keyboard starts from, so that the visit goes on from the keyboard after every change of step.
 */
public interface StepView {

    /** The logical first control at this step, or null when the step is not this view's (or nothing should move). */
    Node focusTarget(VisitStep step);
}
