package dev.madoguchi.domain.shelter;

import java.util.Objects;

/**
 * One care flag of a person, written {@code kind} or {@code kind:detail} in files ({@code allergy:卵},
 * {@code language:vi}).
 *
 * @param detail "" when none
 */
public record CareFlag(CareKind kind, String detail) {

    public CareFlag {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.strip();
        if (!detail.isEmpty() && !kind.detailed()) {
            throw new IllegalArgumentException("the flag " + kind.code() + " has no detail");
        }
    }

    public static CareFlag of(CareKind kind) {
        return new CareFlag(kind, "");
    }

    /** Parses {@code kind} or {@code kind:detail}. */
    public static CareFlag parse(String text) {
        Objects.requireNonNull(text, "flag");
        int colon = text.indexOf(':');
        return colon < 0 ? of(Coded.parse(CareKind.class, text))
                : new CareFlag(Coded.parse(CareKind.class, text.substring(0, colon)), text.substring(colon + 1));
    }

    /** As written in files. */
    public String code() {
        return detail.isEmpty() ? kind.code() : kind.code() + ":" + detail;
    }
}
