package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 共通AP's record EF 0001 (docs/card-protocol.md §1.6): simple TLV {@code 01 1C} + 28 ASCII digits = 15-digit card
 * serial, 5-digit 全国地方公共団体コード of the issuing municipality, expiry {@code YYYYMMDD}. Free to read.
 */
public record CardInfo(String serial, String municipalityCode, LocalDate expiry) {

    public static CardInfo parse(byte[] record) throws CardIoException {
        if (record.length < 30 || record[0] != 0x01 || (record[1] & 0xFF) != 28) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "common AP record: not 01 1C + 28 digits");
        }
        String digits = new String(record, 2, 28, StandardCharsets.US_ASCII);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "common AP record: not all digits");
        }
        try {
            LocalDate expiry = LocalDate.of(Integer.parseInt(digits.substring(20, 24)),
                    Integer.parseInt(digits.substring(24, 26)), Integer.parseInt(digits.substring(26, 28)));
            return new CardInfo(digits.substring(0, 15), digits.substring(15, 20), expiry);
        } catch (DateTimeException e) {
            throw new CardIoException(CardIoError.CORRUPT_DATA, "common AP record: expiry is not a date", e);
        }
    }
}
