package dev.madoguchi.app.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResidentTextsTest {

    @Test
    void everyLanguageHasEveryTextAndJapaneseHasEveryReading() {
        Set<String> base = new ResidentTexts(ResidentLanguage.ENGLISH).keys();
        for (ResidentLanguage language : ResidentLanguage.values()) {
            Set<String> keys = new ResidentTexts(language).keys();
            Set<String> texts = keys.stream().filter(k -> !k.endsWith(".ruby")).collect(Collectors.toSet());
            assertThat(texts).as(language.tag()).isEqualTo(base);
            if (language.furigana()) {
                base.forEach(k -> assertThat(keys).as(language.tag()).contains(k + ".ruby"));
            } else {
                assertThat(keys).as(language.tag()).allMatch(k -> !k.endsWith(".ruby"));
            }
        }
    }

    @Test
    void textsAreInTheirLanguage() {
        assertThat(new ResidentTexts(ResidentLanguage.JAPANESE).get("pin.triesLeft", 3)).contains("あと 3 回");
        assertThat(new ResidentTexts(ResidentLanguage.JAPANESE).ruby("pin.triesLeft", 3)).contains("かい");
        assertThat(new ResidentTexts(ResidentLanguage.EASY_JAPANESE).get("greeting")).contains("ここに");
        assertThat(new ResidentTexts(ResidentLanguage.ENGLISH).get("pin.triesLeft", 2)).startsWith("2 wrong tries");
        assertThat(new ResidentTexts(ResidentLanguage.KOREAN).get("greeting")).contains("마이넘버");
        assertThat(new ResidentTexts(ResidentLanguage.ENGLISH).ruby("greeting")).isEmpty();
    }
}
