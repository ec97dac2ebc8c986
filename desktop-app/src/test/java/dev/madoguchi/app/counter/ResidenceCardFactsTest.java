package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The chip's codes in the forms' words: nationality, period of stay, 30条の45 category; the number masked. */
class ResidenceCardFactsTest {

    private static ResidenceCardFacts facts(String type, String nationality, String period) {
        return new ResidenceCardFacts(type, "AB12345678CD", nationality, "0000000019", period,
                LocalDate.of(2029, 4, 1), LocalDate.of(2029, 4, 1), "VERIFIED", "test CA");
    }

    @Test
    void aSpecialPermanentResidentCertificateGivesItsCategoryAndNoPeriod() {
        var items = facts("special-permanent-resident-certificate-2", "KOR", "0000").formItems();
        assertThat(items.category()).isEqualTo("特別永住者");
        assertThat(items.periodOfStay()).isNull();
        assertThat(items.nationality()).isEqualTo("韓国");
        assertThat(items.residenceStatus()).as("no published code list").isNull();
    }

    @Test
    void aResidenceCardGivesTheMidToLongTermCategoryAndThePeriodInWords() {
        var items = facts("residence-card-2", "VNM", "0106").formItems();
        assertThat(items.category()).isEqualTo("中長期在留者");
        assertThat(items.periodOfStay()).isEqualTo("1年6月");
        assertThat(items.nationality()).isEqualTo("ベトナム");
        assertThat(ResidenceCardFacts.periodInWords("090")).isEqualTo("90日");
        assertThat(ResidenceCardFacts.periodInWords("0300")).isEqualTo("3年");
        assertThat(ResidenceCardFacts.periodInWords("0006")).isEqualTo("6月");
        assertThat(ResidenceCardFacts.periodInWords("ABCD")).isNull();
        assertThat(ResidenceCardFacts.nationalityName("XXX")).isNull();
        assertThat(ResidenceCardFacts.nationalityName(null)).isNull();
    }

    @Test
    void theNumberIsShownMaskedAndNeverInTheText() {
        ResidenceCardFacts f = facts("residence-card-2", "BRA", "0300");
        assertThat(f.maskedNumber()).isEqualTo("**********CD");
        assertThat(f.toString()).doesNotContain("AB12345678CD");
        assertThat(ResidenceCardFacts.masked(null)).isEmpty();
    }
}
