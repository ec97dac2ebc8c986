package dev.madoguchi.app.counter.match;

import dev.madoguchi.app.counter.Mover;
import dev.madoguchi.app.counter.match.PaperCertificateProblem.Problem;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.validation.ResidentCode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a typed paper 転出証明書, item by item: each problem typed ({@link PaperCertificateProblem}) with its row
 * and item, in words that name them. One check per submission; not thread-safe.
 */
final class PaperCertificateCheck {

    /** The 30条の45 categories of foreign residents, as the 住民異動届 prints them. */
    static final List<String> FOREIGN_CATEGORIES = List.of("中長期在留者", "特別永住者", "一時庇護許可者", "仮滞在許可者",
            "出生による経過滞在者", "国籍喪失による経過滞在者");
    static final Pattern CARD_NUMBER = Pattern.compile("^[A-Z]{2}[0-9]{8}[A-Z]{2}$");
    private static final String MID_LONG = "中長期在留者";
    private static final String SPECIAL_PERMANENT = "特別永住者";
    private static final String PERMANENT = "永住者";

    private final Messages messages;
    private final LocalDate today;
    private final List<Problem> found = new ArrayList<>();

    PaperCertificateCheck(Messages messages, LocalDate today) {
        this.messages = messages;
        this.today = today;
    }

    List<Problem> problems() {
        return List.copyOf(found);
    }

    boolean clean() {
        return found.isEmpty();
    }

    void add(PaperCertificateProblem kind, int row, String item, Object... args) {
        found.add(new Problem(kind, row, item, messages.get(kind.messageKey(), args)));
    }

    /** The item's name in the words: "異動者2の在留資格" for a person, the item alone for the header. */
    String label(int row, String item) {
        String name = messages.get("counter.paper." + item);
        return row == 0 ? name : messages.get("counter.paper.row", row, name);
    }

    String required(int row, String item, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            add(PaperCertificateProblem.REQUIRED, row, item, label(row, item));
        }
        return t;
    }

    /** A date of the past or near future (birth, 転出予定日): 年-月-日, from 1868 to a year from today. */
    LocalDate date(int row, String item, String text) {
        LocalDate d = anyDate(row, item, text, true);
        if (d != null && (d.isAfter(today.plusYears(1)) || d.getYear() < 1868)) {
            add(PaperCertificateProblem.DATE, row, item, label(row, item));
            return null;
        }
        return d;
    }

    private LocalDate anyDate(int row, String item, String text, boolean required) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (required) {
                add(PaperCertificateProblem.REQUIRED, row, item, label(row, item));
            }
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            add(PaperCertificateProblem.DATE, row, item, label(row, item));
            return null;
        }
    }

    /** One person's row as a mover, or null when something in it is wrong (each problem added). */
    Mover person(PaperCertificateViewModel.Row r, int n, Set<String> codes) {
        int before = found.size();
        String name = required(n, "name", r.name.get());
        String kana = required(n, "nameKana", r.nameKana.get());
        if (!kana.isEmpty() && !kana.matches("[\\p{IsKatakana}ー\u3000 ・]+")) {
            add(PaperCertificateProblem.KANA, n, "nameKana", label(n, "nameKana"));
        }
        LocalDate born = date(n, "birthDate", r.birthDate.get());
        Sex sex = switch (text(r.sex.get())) {
            case "男" -> Sex.MALE;
            case "女" -> Sex.FEMALE;
            default -> null;
        };
        if (sex == null) {
            add(PaperCertificateProblem.SEX, n, "sex", label(n, "sexLabel"));
        }
        String relationship = required(n, "relationship", r.relationship.get());
        String code = text(r.residentCode.get());
        if (!ResidentCode.isWellFormed(code)) {
            add(PaperCertificateProblem.RESIDENT_CODE_DIGITS, n, "residentCode", label(n, "residentCode"));
        } else if (!ResidentCode.checkDigitValid(code)) {
            add(PaperCertificateProblem.CHECK_DIGIT, n, "residentCode", label(n, "residentCode"));
        } else if (!codes.add(code)) {
            add(PaperCertificateProblem.TWICE, n, "residentCode", label(n, "residentCode"));
        }
        Foreign foreign = r.foreign.get() ? foreign(r, n) : Foreign.NONE;
        return found.size() > before ? null
                : new Mover(code, name, kana, born, sex, relationship, foreign.nationality, foreign.status,
                        foreign.period, foreign.expiry, foreign.cardNumber, foreign.category);
    }

    private record Foreign(String nationality, String status, String period, LocalDate expiry, String cardNumber,
            String category) {
        static final Foreign NONE = new Foreign(null, null, null, null, null, null);
    }

    /**
     * The foreign-resident items (住基法30条の45): 国籍・地域 and the category always; a 中長期在留者 has 在留資格 and a
     * 在留カード番号, and unless 永住者 a 在留期間 with its end; a 特別永住者 the 特別永住者証明書番号; a number given is
     * two letters, eight digits, two letters.
     */
    private Foreign foreign(PaperCertificateViewModel.Row r, int n) {
        String nationality = required(n, "nationality", r.nationality.get());
        String category = required(n, "foreignCategory", r.foreignCategory.get());
        if (!category.isEmpty() && !FOREIGN_CATEGORIES.contains(category)) {
            add(PaperCertificateProblem.CATEGORY, n, "foreignCategory", label(n, "foreignCategory"));
        }
        String status = text(r.residenceStatus.get());
        String period = text(r.periodOfStay.get());
        String number = cardNumber(r.residenceCardNumber.get());
        boolean midLong = MID_LONG.equals(category);
        if (midLong) {
            required(n, "residenceStatus", status);
        }
        if (midLong || SPECIAL_PERMANENT.equals(category)) {
            required(n, "residenceCardNumber", number);
        }
        if (!number.isEmpty() && !CARD_NUMBER.matcher(number).matches()) {
            add(PaperCertificateProblem.CARD_NUMBER, n, "residenceCardNumber", label(n, "residenceCardNumber"));
        }
        boolean limited = midLong && !PERMANENT.equals(status);
        if (limited) {
            required(n, "periodOfStay", period);
        }
        LocalDate expiry = anyDate(n, "stayExpiry", r.stayExpiry.get(), limited);
        return new Foreign(nationality, blankToNull(status), blankToNull(period), expiry, blankToNull(number),
                category);
    }

    /** The card number as the law writes it: full-width letters and digits made plain, upper case, no spaces. */
    static String cardNumber(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toUpperCase(Locale.ROOT);
    }

    /** The words for a card number while it is typed, or null when it is empty or well formed. */
    static String cardNumberWhileTyped(Messages messages, int row, String typed) {
        String number = cardNumber(typed);
        if (number.isEmpty() || CARD_NUMBER.matcher(number).matches()) {
            return null;
        }
        return messages.get(PaperCertificateProblem.CARD_NUMBER.messageKey(),
                messages.get("counter.paper.row", row, messages.get("counter.paper.residenceCardNumber")));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
