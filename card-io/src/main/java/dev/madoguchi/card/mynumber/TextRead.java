package dev.madoguchi.card.mynumber;

import java.util.Objects;
import java.util.Optional;

/**
 * One read of the 券面事項入力補助AP.
 *
 * @param myNumber present only when the caller asked for it
 * @param commands how many command APDUs the read took (for the benchmark and the log)
 */
public record TextRead(BasicFour basicFour, Optional<MyNumberRead> myNumber, Genuineness genuineness, int commands) {

    public TextRead {
        Objects.requireNonNull(basicFour, "basicFour");
        Objects.requireNonNull(myNumber, "myNumber");
        Objects.requireNonNull(genuineness, "genuineness");
    }

    @Override
    public String toString() {
        return "TextRead[myNumber=" + myNumber.isPresent() + ", " + genuineness + ", commands=" + commands + "]";
    }
}
