package dev.madoguchi.forms.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Finds the QR texts in a PDF (every page rendered at 200 dpi) or an image file (PNG, JPEG …). */
public final class QrScanner {

    private static final float DPI = 200f;

    /** @throws IOException when the file is neither a readable PDF nor an image */
    public List<String> scan(Path file) throws IOException {
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 5 && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
                return scanPdf(file);
            }
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is neither a PDF nor an image this program can read");
        }
        return scan(image);
    }

    private List<String> scanPdf(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                texts.addAll(scan(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY)));
            }
        }
        return texts;
    }

    public List<String> scan(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(
                    DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
            Set<String> texts = new LinkedHashSet<>();
            for (Result r : results) {
                texts.add(r.getText());
            }
            return List.copyOf(texts);
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
