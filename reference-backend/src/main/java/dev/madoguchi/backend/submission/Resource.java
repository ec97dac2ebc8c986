package dev.madoguchi.backend.submission;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a terminal submits: the two append-only, idempotent resources of the API. */
public enum Resource {
    /** Counter case events ({@code PUT /api/v1/applications/{id}}), kinds {@code case.*}. */
    APPLICATIONS("applications", "application", Pattern.compile("case\\.[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")),
    /**
     * Shelter events ({@code PUT /api/v1/evacuee-events/{id}}): check-in, check-out, correction, leaving a household,
     * day/night presence.
     */
    EVACUEE_EVENTS("evacuee-events", "evacuee_event",
            Pattern.compile("shelter\\.(checked-in|checked-out|corrected|left-household|presence-set)"));

    private final String pathName;
    private final String table;
    private final Pattern kinds;

    Resource(String pathName, String table, Pattern kinds) {
        this.pathName = pathName;
        this.table = table;
        this.kinds = kinds;
    }

    /** As in the URL and in a batch item's {@code resource}: {@code applications} or {@code evacuee-events}. */
    public String pathName() {
        return pathName;
    }

    String table() {
        return table;
    }

    boolean acceptsKind(String kind) {
        return kind.length() <= 60 && kinds.matcher(kind).matches();
    }

    String kindRule() {
        return this == APPLICATIONS ? "a kind of application is case.<event>, e.g. case.opened"
                : "an evacuee event is shelter.checked-in, shelter.checked-out, shelter.corrected, "
                        + "shelter.left-household or shelter.presence-set";
    }

    public static Optional<Resource> ofPathName(String name) {
        for (Resource r : values()) {
            if (r.pathName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
