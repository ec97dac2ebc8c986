package dev.madoguchi.app.volunteer;

/**
 * Says a text with the operating system's speech, offline. Blocks until spoken (or stopped): call it on the
 * {@code background} lane. The text is exactly what the screen shows.
 */
@FunctionalInterface
public interface ReadAloud {

    /** @param language a resident screen language tag ({@code ja}, {@code ja-easy}, {@code en}, …) */
    void say(String text, String language) throws Exception;

    /** Stops what is being said (the session ended); safe from any thread. */
    default void stop() {
    }

    /** Whether a speech engine is installed (the button is offered only then). */
    default boolean available() {
        return true;
    }

    /** No speech engine: the read-aloud button is not offered. */
    ReadAloud NONE = new ReadAloud() {
        @Override
        public void say(String text, String language) {
            // nothing to say it with
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
