package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispositionTest {

    @ParameterizedTest
    @CsvSource({"200, DELIVERED", "201, DELIVERED", "202, RETRY", "204, RETRY", "301, RETRY", "400, BLOCK",
        "401, PAUSE", "403, PAUSE", "404, BLOCK", "408, RETRY", "409, BLOCK", "413, BLOCK", "415, BLOCK",
        "422, BLOCK", "429, RETRY", "500, RETRY", "502, RETRY", "503, RETRY", "504, RETRY", "599, RETRY"})
    void everyStatusHasItsDisposition(int status, Disposition expected) {
        assertThat(Disposition.of(status)).isEqualTo(expected);
    }
}
