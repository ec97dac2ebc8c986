package dev.madoguchi.backend.register;

/** A {@code since} that is not a checkpoint of this register; the client pulls again from the beginning. */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }
}
