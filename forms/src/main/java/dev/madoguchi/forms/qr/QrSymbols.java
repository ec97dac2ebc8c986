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

    public static List<BitMatrix> encodeAll(List<String> texts) {
        return texts.stream().map(QrSymbols::encode).toList();
    }
}
