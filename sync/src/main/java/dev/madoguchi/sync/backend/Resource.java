package dev.madoguchi.sync.backend;

import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.shelter.ShelterRepository;

/** Which collection of the backend a message goes to. */
public enum Resource {
    /** {@code PUT /api/v1/applications/{id}}: counter cases. */
    APPLICATIONS("applications"),
    /** {@code PUT /api/v1/evacuee-events/{id}}: shelter check-in/out (append-only). */
    EVACUEE_EVENTS("evacuee-events");

    private final String path;

    Resource(String path) {
        this.path = path;
    }

    /** The collection an outbox message of this aggregate type goes to, or null for a type the backend has none for. */
    public static Resource ofAggregate(String aggregateType) {
        return switch (aggregateType) {
            case CaseRepository.AGGREGATE -> APPLICATIONS;
            case ShelterRepository.AGGREGATE -> EVACUEE_EVENTS;
            default -> null;
        };
    }

    /** The path segment and the {@code resource} value in a batch item. */
    public String path() {
        return path;
    }
}
