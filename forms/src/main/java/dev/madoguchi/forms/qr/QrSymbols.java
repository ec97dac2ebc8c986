package dev.madoguchi.forms.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.List;
import java.util.Map;

/** Turns QR texts into module matrices (ZXing), error correction M, with the 4-module quiet zone. */
public final class QrSymbols {

    private QrSymbols() {
    }

    public static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit a QR symbol: " + e.getMessage(), e);
        }
    }

    /**
     * The symbols of all parts of one form, all of the same version (the largest any part needs), so they print at one
     * module size side by side.
     */
    public static List<BitMatrix> encodeAll(List<String> texts) {
        int version = 1;
        for (String text : texts) {
            version = Math.max(version, versionOf(encode(text)));
        }
        List<BitMatrix> symbols = new java.util.ArrayList<>(texts.size());
        for (String text : texts) {
            symbols.add(encode(text, version));
        }
        return List.copyOf(symbols);
    }

    /** The QR version of a symbol with the 4-module quiet zone (side = 17 + 4 × version + 8). */
    public static int versionOf(BitMatrix symbol) {
        return (symbol.getWidth() - 8 - 17) / 4;
    }

    static BitMatrix encode(String text, int version) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4,
                    EncodeHintType.QR_VERSION, version));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit a QR symbol: " + e.getMessage(), e);
        }
    }
}
