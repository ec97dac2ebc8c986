package dev.madoguchi.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the register records for a foreign resident (住民基本台帳法 第30条の45).
 *
 * <p>{@link #toString()} leaves out the residence card number: it is the key that opens the residence card's chip.
 *
 * @param nationality 国籍・地域 in Japanese, e.g. {@code ベトナム}
 * @param statusOfResidence 在留資格, e.g. {@code 技能実習}; {@code null} for a 出生による経過滞在者, who has none yet
 * @param periodOfStayEnd the end of the period of stay; {@code null} for 永住者 and 特別永住者
 * @param residenceCardNumber 在留カード等番号, two upper-case letters, eight digits, two upper-case letters; {@code null}
 *     for a 出生による経過滞在者, who has no card yet
 * @param category the 第30条の45 category: 中長期在留者, 特別永住者, 一時庇護許可者, 仮滞在許可者, 出生による経過滞在者 or
 *     国籍喪失による経過滞在者
 */
public record ForeignResidency(String nationality, String statusOfResidence, LocalDate periodOfStayEnd,
        String residenceCardNumber, String category) {

    public static final String MID_TO_LONG_TERM = "中長期在留者";
    public static final String SPECIAL_PERMANENT = "特別永住者";
    public static final String TEMPORARY_REFUGE = "一時庇護許可者";
    public static final String PROVISIONAL_STAY = "仮滞在許可者";
    public static final String TRANSITIONAL_BY_BIRTH = "出生による経過滞在者";
    public static final String TRANSITIONAL_BY_LOSS_OF_NATIONALITY = "国籍喪失による経過滞在者";

    public ForeignResidency {
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(category, "category");
    }

    @Override
    public String toString() {
        return "ForeignResidency[nationality=" + nationality + ", statusOfResidence=" + statusOfResidence
                + ", periodOfStayEnd=" + periodOfStayEnd + ", category=" + category + "]";
    }
}
