package dev.madoguchi.app.setup;

import java.nio.file.Path;

/**
 * How the desktop starts on a data directory (docs/adr/0031): the demo, the setup assistant, or the sign-in of a set-up
 * municipality. A set-up computer never shows demo data: {@code --demo} is refused there.
 */
public enum StartMode {
    /** The fictional demo municipality, its store created on first use; the DEMO banner is shown. */
    DEMO,
    /** The first-run setup assistant of a real municipality. */
    SETUP,
    /** The sign-in of a set-up municipality, no demo data anywhere. */
    SIGN_IN;

    /**
     * @throws SetupException {@link SetupError#DEMO_ON_SET_UP_COMPUTER} for {@code --demo} on a set-up computer
     */
    public static StartMode decide(Path storeDirectory, StartRequest request) {
        if (SetupMarker.present(storeDirectory)) {
            if (request == StartRequest.DEMO) {
                throw new SetupException(SetupError.DEMO_ON_SET_UP_COMPUTER, "this data directory is set up for "
                        + SetupMarker.read(storeDirectory).orElse("a municipality") + "; the demo runs only with"
                        + " another --data-dir", null);
            }
            return SIGN_IN;
        }
        if (request == StartRequest.SETUP) {
            return SETUP;
        }
        return DEMO; // no store, or the demo's own store: the demo, as before
    }
}
