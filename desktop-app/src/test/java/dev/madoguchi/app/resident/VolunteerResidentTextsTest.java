package dev.madoguchi.app.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The resident's window in the volunteer mode has every text in every language, and every reading in Japanese. */
class VolunteerResidentTextsTest {

    @Test
    void everyLanguageHasEveryTextAndJapaneseHasEveryReading() {
        Set<String> base = ResidentTexts.volunteer(ResidentLanguage.ENGLISH).keys();
        assertThat(base).contains("greeting", "selfTest.notFull", "standing.renewal", "pad.cancel");
        for (ResidentLanguage language : ResidentLanguage.values()) {
            Set<String> keys = ResidentTexts.volunteer(language).keys();
            Set<String> texts = keys.stream().filter(k -> !k.endsWith(".ruby")).collect(Collectors.toSet());
            assertThat(texts).as(language.tag()).isEqualTo(base);
            if (language.furigana()) {
                base.forEach(k -> assertThat(keys).as(language.tag()).contains(k + ".ruby"));
            } else {
                assertThat(keys).as(language.tag()).allMatch(k -> !k.endsWith(".ruby"));
            }
        }
        assertThat(ResidentTexts.volunteer(ResidentLanguage.JAPANESE).get("selfTest.wrong", 2)).contains("あと 2 回");
        assertThat(ResidentTexts.volunteer(ResidentLanguage.KOREAN).get("greeting")).contains("마이넘버");
    }
}
