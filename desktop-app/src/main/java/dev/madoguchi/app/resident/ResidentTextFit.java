package dev.madoguchi.app.resident;

import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

/**
 * Keeps the whole resident screen inside its window: the type size asked for (the clerk's text size) is used when
 * everything fits, else the largest size, in steps of 5 %, at which the screen's minimum size — headline, PIN pad with
 * its bottom row (消す / 0 / 決定) — fits the window. Every size on the screen is in {@code em}, so one font size on the
 * root scales it all. Only the list of procedures scrolls.
 */
final class ResidentTextFit {

    /** Never smaller than this share of the base size: below it the screen is no longer readable at a distance. */
    static final int SMALLEST_PERCENT = 40;

    private final Region root;
    private final double basePx;
    private ObservableIntegerValue requested;
    private boolean fitting;
    private int appliedPercent = -1;

    ResidentTextFit(Region root, double basePx) {
        this.root = root;
        this.basePx = basePx;
    }

    /**
     * Fits now, and again whenever the window, the asked size or one of {@code contentChanges} changes. A change is
     * fitted once, just before the next layout pass, when every change made with it is in: a view model sets several
     * properties in a row (the PIN pad shown, then the lines and choices replaced), and fitting at the first of them
     * measured a screen that was never shown — the pad then grew and moved under the resident's finger at the first
     * digit.
     */
    void watch(ObservableIntegerValue requestedPercent, Observable... contentChanges) {
        this.requested = requestedPercent;
        requestedPercent.addListener(x -> fitBeforeNextLayout());
        for (Observable o : contentChanges) {
            o.addListener(x -> fitBeforeNextLayout());
        }
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(pendingFit);
            }
            if (scene != null) {
                scene.widthProperty().addListener(x -> fitBeforeNextLayout());
                scene.heightProperty().addListener(x -> fitBeforeNextLayout());
                scene.addPreLayoutPulseListener(pendingFit);
            }
            fit();
        });
        if (root.getScene() != null) {
            root.getScene().addPreLayoutPulseListener(pendingFit);
        }
        fit();
    }

    private boolean pending;
    private final Runnable pendingFit = () -> {
        if (pending) {
            pending = false;
            fit();
        }
    };

    private void fitBeforeNextLayout() {
        if (root.getScene() == null) {
            fit();
            return;
        }
        pending = true;
        javafx.application.Platform.requestNextPulse();
    }

    /** The size in use, in percent of the base size (for tests). */
    int appliedPercent() {
        return appliedPercent;
    }

    void fit() {
        Scene scene = root.getScene();
        if (fitting) {
            return;
        }
        fitting = true;
        try {
            int wanted = Math.max(SMALLEST_PERCENT, requested == null ? 100 : requested.get());
            int percent = wanted;
            apply(percent);
            if (scene != null && scene.getWidth() > 0 && scene.getHeight() > 0) {
                while (percent > SMALLEST_PERCENT && !fits(scene)) {
                    percent = Math.max(SMALLEST_PERCENT, percent - 5);
                    apply(percent);
                }
            }
        } finally {
            fitting = false;
        }
    }

    private boolean fits(Scene scene) {
        root.applyCss();
        double width = scene.getWidth();
        return root.minWidth(-1) <= width && root.minHeight(width) <= scene.getHeight();
    }

    private void apply(int percent) {
        if (percent != appliedPercent) {
            appliedPercent = percent;
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", basePx * percent / 100));
        }
    }
}
