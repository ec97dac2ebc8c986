package dev.madoguchi.forms.pdf;

import com.google.zxing.common.BitMatrix;
import dev.madoguchi.forms.definition.QrPlacement;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Draws a form's QR symbols: module rectangles, side by side at the definition's place. */
final class QrBlock {

    private QrBlock() {
    }

    /** The QR symbols side by side, ending at the placement's right edge; shrunk when several do not fit. */
    static void draw(PDPageContentStream cs, QrPlacement placement, List<BitMatrix> symbols) throws IOException {
        float mm = FormRenderer.MM;
        float gap = 3 * mm;
        float right = (float) (placement.x() + placement.size()) * mm;
        float available = right - 15 * mm;
        float side = Math.min((float) placement.size() * mm, (available - gap * (symbols.size() - 1)) / symbols.size());
        float top = PDRectangle.A4.getHeight() - (float) placement.y() * mm;
        cs.setNonStrokingColor(Color.BLACK);
        for (int i = 0; i < symbols.size(); i++) {
            BitMatrix m = symbols.get(symbols.size() - 1 - i);
            float x0 = right - (i + 1) * side - i * gap;
            float module = side / m.getWidth();
            for (int y = 0; y < m.getHeight(); y++) {
                int x = 0;
                while (x < m.getWidth()) {
                    if (!m.get(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < m.getWidth() && m.get(x, y)) {
                        x++;
                    }
                    cs.addRect(x0 + start * module, top - (y + 1) * module, (x - start) * module, module);
                }
            }
            cs.fill();
        }
    }
}
