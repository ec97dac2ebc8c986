package dev.madoguchi.forms.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The ToUnicode map of a subset font that prints variation sequences. PDFBox derives a font's map from its cmap, where
 * a sequence's glyph sits under a private-use code point; text extraction (pdftotext, copy and paste, search) must give
 * back the sequence itself, base character and selector. This writes the whole map: every character's code, and
 * each sequence's code → base + selector.
 */
final class ToUnicodeMap {

    private static final int PER_BLOCK = 100;

    private ToUnicodeMap() {
    }

    static void replace(PDDocument doc, PDType0Font font, Set<Integer> characters, Map<String, Integer> sequences)
            throws IOException {
        List<String[]> entries = new ArrayList<>();
        HexFormat hex = HexFormat.of().withUpperCase();
        for (int cp : characters) {
            String text = new String(Character.toChars(cp));
            entries.add(new String[] {hex.formatHex(font.encode(text)), utf16(text)});
        }
        for (Map.Entry<String, Integer> e : sequences.entrySet()) {
            byte[] code = font.encode(new String(Character.toChars(e.getValue())));
            entries.add(new String[] {hex.formatHex(code), utf16(e.getKey())});
        }
        StringBuilder cmap = new StringBuilder();
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int i = 0; i < entries.size(); i += PER_BLOCK) {
            List<String[]> block = entries.subList(i, Math.min(entries.size(), i + PER_BLOCK));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (String[] entry : block) {
                cmap.append('<').append(entry[0]).append("> <").append(entry[1]).append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        PDStream stream = new PDStream(doc, new ByteArrayInputStream(cmap.toString()
                .getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
        font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
    }

    private static String utf16(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
    }
}
