package dev.madoguchi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseDateParserTest {

    private static final LocalDate S13 = LocalDate.of(1938, 4, 1);

    @ParameterizedTest
    @ValueSource(strings = {"19380401", "1938-04-01", "1938/4/1", "1938.4.1", "1938年4月1日", "１９３８０４０１",
        "S13.4.1", "s13.4.1", "S13-4-1", "S13/04/01", "S130401", "Ｓ１３．４．１", "昭和13年4月1日", "昭和１３年４月１日",
        "昭13.4.1", "昭和 13年 4月 1日", "3130401", " 19380401 "})
    void readsTheSameDayWrittenEveryWay(String typed) {
        assertThat(JapaneseDateParser.parse(typed)).contains(S13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"R1-5-1", "令和元年5月1日", "R010501", "5010501", "H31.4.30", "平成31年4月30日",
        "S64.1.7", "H1.1.8", "T15.12.24", "S1.12.25", "M45.7.29", "T1.7.30"})
    void acceptsTheFirstAndLastDaysOfEachEra(String typed) {
        assertThat(JapaneseDateParser.parse(typed)).isPresent();
        assertThat(JapaneseDateParser.parse("R1-5-1")).contains(LocalDate.of(2019, 5, 1));
        assertThat(JapaneseDateParser.parse("H31.4.30")).contains(LocalDate.of(2019, 4, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "S64.1.8", "H1.1.7", "R1.4.30", "H31.5.1", "S0.1.1", "19380230", "1938-13-01",
        "380401", "S13", "昭和13年", "X13.4.1", "6130401", "1938-4", "山田", "19380401x"})
    void refusesWhatIsNotOneRealDateOfItsEra(String typed) {
        assertThat(JapaneseDateParser.parse(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsNotADate() {
        assertThat(JapaneseDateParser.parse(null)).isEmpty();
    }
}
