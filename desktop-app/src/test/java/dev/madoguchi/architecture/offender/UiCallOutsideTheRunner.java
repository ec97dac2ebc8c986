package dev.madoguchi.architecture.offender;

import javafx.application.Platform;

/** A deliberate offender: switches to the UI thread itself instead of through the task runner (test code only). */
public final class UiCallOutsideTheRunner {

    public void show(Runnable update) {
        Platform.runLater(update);
    }
}
