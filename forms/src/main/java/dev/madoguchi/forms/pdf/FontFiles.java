package dev.madoguchi.forms.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The TrueType files the PDFs embed (subset). Noto CJK cannot be used: PDFBox cannot embed a TTC with CFF outlines.
 *
 * @param mj IPAmj明朝: names and addresses (文字情報基盤 MJ characters: 𠮷 髙 﨑 德 邉 …)
 * @param mincho IPAex明朝: other values
 * @param gothic IPAexゴシック: labels, header, footer
 * @param mjPlus an MJ+ (行政事務標準文字) font distributed to municipalities only, or {@code null}; tried first for names
 *     and addresses
 */
public record FontFiles(Path mj, Path mincho, Path gothic, Path mjPlus) {

    public static final Path IPAMJ = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");
    public static final Path IPAEX_MINCHO = Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf");
    public static final Path IPAEX_GOTHIC = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

    public FontFiles {
        Objects.requireNonNull(mj, "mj");
        Objects.requireNonNull(mincho, "mincho");
        Objects.requireNonNull(gothic, "gothic");
    }

    /** The Debian package locations (fonts-ipamj-mincho, fonts-ipaexfont), without MJ+. */
    public static FontFiles debian() {
        return new FontFiles(IPAMJ, IPAEX_MINCHO, IPAEX_GOTHIC, null);
    }

    public FontFiles withMjPlus(Path file) {
        return new FontFiles(mj, mincho, gothic, file);
    }

    /** The first required file that does not exist, for a clear message; {@code null} when all exist. */
    public Path firstMissing() {
        for (Path p : new Path[] {mj, mincho, gothic}) {
            if (!Files.isRegularFile(p)) {
                return p;
            }
        }
        return mjPlus != null && !Files.isRegularFile(mjPlus) ? mjPlus : null;
    }
}
