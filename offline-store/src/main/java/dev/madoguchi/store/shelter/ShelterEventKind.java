package dev.madoguchi.store.shelter;

/** What a shelter event records; {@link #wire()} is its kind in the outbox, the backend and exchange files. */
public enum ShelterEventKind {
    /** A person arrives (with their household's data). */
    CHECK_IN("shelter.checked-in"),
    /** A person leaves (with a destination; a transfer also checks them in at the target). */
    CHECK_OUT("shelter.checked-out"),
    /** The person's recorded data corrected (the earlier events stay as they were). */
    CORRECT("shelter.corrected"),
    /** The person leaves their household for another (new) one. */
    LEAVE_HOUSEHOLD("shelter.left-household"),
    /** Day / night presence set by staff. */
    PRESENCE("shelter.presence-set");

    private final String wire;

    ShelterEventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The kind of a wire name; an {@link IllegalArgumentException} for anything else. */
    public static ShelterEventKind ofWire(String wire) {
        for (ShelterEventKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown shelter event kind");
    }
}
