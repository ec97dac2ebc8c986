package dev.madoguchi.card.residence;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The second-generation chip's printed entries (DF1/EF02, tags {@code C5}–{@code CE}) as text and dates. Codes are kept
 * as the chip stores them; only what the specification defines is interpreted. {@code toString()} shows no personal
 * data. The 特別永住者証明書 has no permission, work or period-end entries (empty).
 *
 * @param cardExpiry {@code C5} the card's expiry
 * @param birthDate {@code C6}
 * @param sexCode {@code C7} as stored: {@code 1} male, {@code 2} female, {@code 3} not stated
 * @param nationalityCode {@code C8} the chip's nationality/region code (3 characters)
 * @param statusCode {@code C9} the status-of-residence code as stored
 * @param periodOfStay {@code CE} the period of stay
 * @param permissionType {@code CA} the kind of permission, residence cards only
 * @param permissionDate {@code CB} the permission date, residence cards only
 * @param workRestriction {@code CC} residence cards only
 * @param periodEnd {@code CD} the end of the period of stay (在留期間の満了日), residence cards only
 */
public record PrintedEntries(LocalDate cardExpiry, LocalDate birthDate, String sexCode, String nationalityCode,
        String statusCode, PeriodOfStay periodOfStay, Optional<String> permissionType,
        Optional<LocalDate> permissionDate, Optional<WorkRestriction> workRestriction, Optional<LocalDate> periodEnd) {

    public PrintedEntries {
        Objects.requireNonNull(cardExpiry, "cardExpiry");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sexCode, "sexCode");
        Objects.requireNonNull(nationalityCode, "nationalityCode");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(periodOfStay, "periodOfStay");
        Objects.requireNonNull(permissionType, "permissionType");
        Objects.requireNonNull(permissionDate, "permissionDate");
        Objects.requireNonNull(workRestriction, "workRestriction");
        Objects.requireNonNull(periodEnd, "periodEnd");
    }

    /**
     * Sex as ISO 5218 (like the My Number Card's): {@code 1} male, {@code 2} female, {@code 9} for the chip's
     * {@code 3} ("not stated"), {@code 0} for anything else.
     */
    public String sexIso5218() {
        return switch (sexCode) {
            case "1" -> "1";
            case "2" -> "2";
            case "3" -> "9";
            default -> "0";
        };
    }

    /** {@code CC}, the work restriction printed on the front. */
    public enum WorkRestriction {
        /** {@code 1} 就労制限なし. */
        NONE,
        /** {@code 2} 在留資格に基づく就労活動のみ可. */
        STATUS_ACTIVITIES_ONLY,
        /** {@code 4} 指定書により指定された就労活動のみ可. */
        DESIGNATED_ACTIVITIES_ONLY,
        /** {@code 9} 就労不可. */
        NOT_PERMITTED;

        /** The restriction for a chip code; empty for a code the specification does not define. */
        public static Optional<WorkRestriction> of(String code) {
            return switch (code) {
                case "1" -> Optional.of(NONE);
                case "2" -> Optional.of(STATUS_ACTIVITIES_ONLY);
                case "4" -> Optional.of(DESIGNATED_ACTIVITIES_ONLY);
                case "9" -> Optional.of(NOT_PERMITTED);
                default -> Optional.empty();
            };
        }
    }

    /**
     * {@code CE}: {@code 0000} indefinite, four digits years and months ({@code YYMM}), three digits days.
     *
     * @param raw as stored
     */
    public record PeriodOfStay(String raw) {

        public PeriodOfStay {
            Objects.requireNonNull(raw, "raw");
        }

        public boolean indefinite() {
            return raw.equals("0000");
        }

        /** Years and months for the {@code YYMM} form. */
        public Optional<java.time.Period> yearsAndMonths() {
            if (raw.length() != 4 || indefinite() || !raw.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(java.time.Period.of(Integer.parseInt(raw.substring(0, 2)),
                    Integer.parseInt(raw.substring(2)), 0));
        }

        /** Days for the three-digit form. */
        public Optional<Integer> days() {
            if (raw.length() != 3 || !raw.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(raw));
        }
    }

    @Override
    public String toString() {
        return "PrintedEntries[…]";
    }
}
