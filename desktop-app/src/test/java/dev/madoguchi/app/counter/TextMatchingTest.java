package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchingTest {

    @Test
    void foldsFullWidthDigitsAndIdeographicSpacesOnlyForComparing() {
        assertThat(TextMatching.normalise("窓口市本町１丁目２番\u3000３号")).isEqualTo("窓口市本町1丁目2番 3号");
        assertThat(TextMatching.compareAddresses("本町１－２", "本町1-2")).isEqualTo(FieldMatch.SAME_WHEN_NORMALISED);
        assertThat(TextMatching.compareNames("𠮷田\u3000太郎", "𠮷田 太郎")).isEqualTo(FieldMatch.SAME_WHEN_NORMALISED);
        assertThat(TextMatching.compareNames("𠮷田\u3000太郎", "𠮷田\u3000太郎")).isEqualTo(FieldMatch.SAME);
    }

    @Test
    void aSubstituteKanjiIsFlaggedNeverEqual() {
        assertThat(TextMatching.compareNames("吉田\u3000太郎", "𠮷田\u3000太郎")).isEqualTo(FieldMatch.SUBSTITUTE_CHARACTERS);
        assertThat(TextMatching.compareNames("高橋\u3000一", "髙橋\u3000一")).isEqualTo(FieldMatch.SUBSTITUTE_CHARACTERS);
        assertThat(TextMatching.compareNames("山崎\u3000花子", "山﨑\u3000花子")).isEqualTo(FieldMatch.SUBSTITUTE_CHARACTERS);
    }

    @Test
    void otherDifferencesAreDifferent() {
        assertThat(TextMatching.compareNames("佐藤\u3000太郎", "鈴木\u3000一郎")).isEqualTo(FieldMatch.DIFFERENT);
        assertThat(TextMatching.compareNames("吉田", "𠮷")).isEqualTo(FieldMatch.DIFFERENT);
        assertThat(TextMatching.compareNames("ヨシダ", "ヨシオ")).isEqualTo(FieldMatch.DIFFERENT);
        assertThat(TextMatching.compareAddresses(null, "本町1")).isEqualTo(FieldMatch.NOT_COMPARED);
    }
}
