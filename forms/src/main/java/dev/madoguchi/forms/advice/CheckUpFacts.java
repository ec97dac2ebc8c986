package dev.madoguchi.forms.advice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the volunteer's card check-up found, as the advice table reads it. The application fills it from card-io's
 * check-up (forms does not depend on card-io, as with {@code prefill.CardRead}). Holds nothing personal: the card's
 * kind, PIN tries and a few dates.
 *
 * @param cardKind {@code my-number-card}, {@code residence-card}, {@code smartphone-android},
 *     {@code smartphone-iphone}, {@code juki-card} or {@code unknown} ({@link #CARD_KINDS})
 * @param pins the PINs the card has (codes {@code text-pin}, {@code auth-pin}, {@code sign-password},
 *     {@code resident-registry-pin})
 * @param certificate the 利用者証明用電子証明書, when the card has one
 * @param card the card's own expiry, when it could be read
 */
public record CheckUpFacts(String cardKind, LocalDate checkedOn, List<Pin> pins, Optional<Validity> certificate,
        Optional<Validity> card) {

    public static final String MY_NUMBER_CARD = "my-number-card";
    public static final String RESIDENCE_CARD = "residence-card";
    public static final String UNKNOWN_CARD = "unknown";
    /** A smartphone with the My Number Card function (スマホ用電子証明書), named by its JPKI token label. */
    public static final String SMARTPHONE_ANDROID = "smartphone-android";
    public static final String SMARTPHONE_IPHONE = "smartphone-iphone";
    /** An old 住民基本台帳カード (住基カード). */
    public static final String JUKI_CARD = "juki-card";

    /** Every card kind, as the table's {@code card} conditions name them. */
    public static final List<String> CARD_KINDS = List.of(MY_NUMBER_CARD, RESIDENCE_CARD, SMARTPHONE_ANDROID,
            SMARTPHONE_IPHONE, JUKI_CARD, UNKNOWN_CARD);

    public static final List<String> PIN_CODES = List.of("text-pin", "auth-pin", "sign-password",
            "resident-registry-pin");

    /** Where a certificate or the card stands. */
    public enum Standing {
        FINE,
        RENEWAL_WINDOW,
        EXPIRED;

        /** {@code fine}, {@code renewal-window}, {@code expired}: the value the table's conditions name. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One PIN's tries.
     *
     * @param triesLeft -1 when the card did not report them
     */
    public record Pin(String kind, int triesLeft, int maxTries) {
        public Pin {
            if (!PIN_CODES.contains(kind)) {
                throw new IllegalArgumentException("unknown PIN kind " + kind);
            }
        }

        /** {@code full}, {@code reduced}, {@code locked} or {@code not-reported}. */
        public String state() {
            if (triesLeft < 0) {
                return "not-reported";
            }
            if (triesLeft == 0) {
                return "locked";
            }
            return triesLeft >= maxTries ? "full" : "reduced";
        }
    }

    /**
     * A validity.
     *
     * @param validFrom empty for the card (its record has only the expiry)
     */
    public record Validity(Optional<LocalDate> validFrom, LocalDate validUntil, Standing standing,
            LocalDate renewalOpens) {
        public Validity {
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(standing, "standing");
            Objects.requireNonNull(renewalOpens, "renewalOpens");
        }
    }

    public CheckUpFacts {
        if (!CARD_KINDS.contains(cardKind)) {
            throw new IllegalArgumentException("unknown card kind " + cardKind);
        }
        Objects.requireNonNull(checkedOn, "checkedOn");
        pins = List.copyOf(pins);
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(card, "card");
    }

    public Optional<Pin> pin(String kind) {
        return pins.stream().filter(p -> p.kind().equals(kind)).findFirst();
    }

    /**
     * The facts the table's conditions test, by name, each with its values: {@code card}, {@code pin.<kind>}
     * ({@code absent} when the card has no such PIN), {@code any-pin} (which of {@code reduced} and {@code locked}
     * some PIN is), {@code certificate} and {@code card-validity} ({@code absent} when not read).
     */
    public Map<String, Set<String>> asConditionFacts() {
        Map<String, Set<String>> facts = new TreeMap<>();
        facts.put("card", Set.of(cardKind));
        Set<String> any = new TreeSet<>();
        for (String kind : PIN_CODES) {
            String state = pin(kind).map(Pin::state).orElse("absent");
            facts.put("pin." + kind, Set.of(state));
            if (state.equals("reduced") || state.equals("locked")) {
                any.add(state);
            }
        }
        facts.put("any-pin", Set.copyOf(any));
        facts.put("certificate", Set.of(certificate.map(v -> v.standing().code()).orElse("absent")));
        facts.put("card-validity", Set.of(card.map(v -> v.standing().code()).orElse("absent")));
        return facts;
    }
}
