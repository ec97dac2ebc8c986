package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.forms.ExternalTools;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our TrueType reader and subsetter against fontbox's full parse of the same files: the same glyph for every code
 * point, the same advances, and in a subset the very same outlines (point by point), for the fonts the forms print
 * with and for a font with composite glyphs.
 */
class TrueTypeFileTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void fontsInstalled() {
        ExternalTools.fonts();
        assertThat(Path.of(FontsUnderTest.DEJAVU)).as("fonts-dejavu-core (./run-tests installs it)").isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {FontsUnderTest.MJ, FontsUnderTest.MINCHO, FontsUnderTest.GOTHIC, FontsUnderTest.DEJAVU})
    void everyCodePointMapsToTheGlyphFontboxFindsWithTheSameAdvance(String file) throws Exception {
        try (TrueTypeFile ours = TrueTypeFile.open(Path.of(file)); TrueTypeFont theirs = parse(Path.of(file))) {
            CmapLookup cmap = theirs.getUnicodeCmapLookup(false);
            float scale = 1000f / theirs.getUnitsPerEm();
            int covered = 0;
            for (int cp = 0; cp <= 0x10FFFF; cp++) {
                int expected = cmap.getGlyphId(cp);
                int actual = ours.glyphId(cp);
                if (expected != actual) {
                    throw new AssertionError(String.format("U+%04X: fontbox %d, ours %d", cp, expected, actual));
                }
                if (actual != 0) {
                    covered++;
                }
            }
            assertThat(covered).as("code points covered").isGreaterThan(file.equals(FontsUnderTest.DEJAVU) ? 3000 : 9000);
            for (int gid = 0; gid < theirs.getNumberOfGlyphs(); gid++) {
                assertThat(ours.advance1000(gid)).as("advance of glyph %d", gid)
                        .isEqualTo(Math.round(theirs.getAdvanceWidth(gid) * scale));
            }
        }
    }

    @Test
    void aSubsetOfIpamjCarriesTheRareNameGlyphsWithTheirExactOutlines() throws Exception {
        String text = "𠮷吉田髙高﨑崎德邉辺太郎　ABC123－（）";
        assertSubsetKeepsOutlines(Path.of(FontsUnderTest.MJ), text);
    }

    @Test
    void compositeGlyphsBringTheirComponentsUnderNewIds() throws Exception {
        Path dejavu = Path.of(FontsUnderTest.DEJAVU);
        StringBuilder composites = new StringBuilder();
        try (TrueTypeFont theirs = parse(dejavu)) {
            CmapLookup cmap = theirs.getUnicodeCmapLookup(false);
            for (int cp = 0xC0; cp < 0x180 && composites.length() < 40; cp++) {
                GlyphData glyph = theirs.getGlyph().getGlyph(cmap.getGlyphId(cp));
                if (glyph != null && glyph.getDescription().isComposite()) {
                    composites.appendCodePoint(cp);
                }
            }
        }
        assertThat(composites.length()).as("accented letters built from components").isGreaterThan(10);
        byte[] subset = assertSubsetKeepsOutlines(dejavu, composites.toString());
        try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(subset))) {
            int bases = composites.codePointCount(0, composites.length());
            assertThat(parsed.getNumberOfGlyphs()).as("components came in as glyphs of their own")
                    .isGreaterThan(bases + 1);
        }
    }

    @Test
    void aSubsetIsAWellFormedFontWithValidChecksumsAndATaggedName() throws Exception {
        try (TrueTypeFile ours = TrueTypeFile.open(Path.of(FontsUnderTest.GOTHIC))) {
            byte[] font = ours.subset(List.of((int) '住', (int) '所'), "ABCDEF");
            assertThat(TrueTypeFile.checksum(font)).as("whole-font checksum").isEqualTo(0xB1B0AFBAL);
            ByteBuffer b = ByteBuffer.wrap(font);
            int tables = b.getChar(4);
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < tables; i++) {
                int r = 12 + i * 16;
                String tag = new String(font, r, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                tags.add(tag);
                long sum = Integer.toUnsignedLong(b.getInt(r + 4));
                int offset = b.getInt(r + 8);
                int length = b.getInt(r + 12);
                assertThat(offset % 4).as("%s aligned", tag).isZero();
                byte[] table = Arrays.copyOfRange(font, offset, offset + length);
                if (tag.equals("head")) {
                    Arrays.fill(table, 8, 12, (byte) 0);
                }
                assertThat(TrueTypeFile.checksum(table)).as("checksum of %s", tag).isEqualTo(sum);
            }
            assertThat(tags).isSorted().contains("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name",
                    "post", "OS/2");
            try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
                assertThat(parsed.getName()).isEqualTo("ABCDEF+IPAexGothic");
                assertThat(parsed.getNumberOfGlyphs()).isEqualTo(3);
                assertThat(parsed.getOS2Windows().getFsType()).as("embedding rights kept")
                        .isEqualTo(parse(Path.of(FontsUnderTest.GOTHIC)).getOS2Windows().getFsType());
            }
            assertThat(font.length).as("two kanji, not the font").isLessThan(4_000);
        }
    }

    @Test
    void aCodePointTheFontLacksIsLeftOutOfTheSubset() throws Exception {
        try (TrueTypeFile ours = TrueTypeFile.open(Path.of(FontsUnderTest.GOTHIC))) {
            assertThat(ours.glyphId(0x20BB7)).as("IPAexゴシック has no 𠮷").isZero();
            byte[] font = ours.subset(List.of(0x20BB7, (int) 'A'), "ABCDEF");
            try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
                assertThat(parsed.getNumberOfGlyphs()).isEqualTo(2);
                assertThat(parsed.getUnicodeCmapLookup().getGlyphId(0x20BB7)).isZero();
                assertThat(parsed.getUnicodeCmapLookup().getGlyphId('A')).isEqualTo(1);
            }
        }
    }

    @Test
    void aFontThatCannotBeEmbeddedIsRefusedInWords() throws Exception {
        Path cff = dir.resolve("cff.otf");
        Files.write(cff, header(0x4F54544F));
        assertThatThrownBy(() -> TrueTypeFile.open(cff)).isInstanceOf(IOException.class)
                .hasMessageContaining("CFF").hasMessageContaining(cff.toString());
        Path ttc = dir.resolve("fonts.ttc");
        Files.write(ttc, header(0x74746366));
        assertThatThrownBy(() -> TrueTypeFile.open(ttc)).isInstanceOf(IOException.class)
                .hasMessageContaining("collection");
    }

    @Test
    void aTruncatedOrGarbledFileGivesAnIoErrorNamingTheFile() throws Exception {
        byte[] real = Files.readAllBytes(Path.of(FontsUnderTest.GOTHIC));
        for (int cut : new int[] {0, 5, 12, 100, 400, 4_000, 300_000}) {
            Path part = dir.resolve("cut-" + cut + ".ttf");
            Files.write(part, Arrays.copyOf(real, cut));
            assertThatThrownBy(() -> TrueTypeFile.open(part)).as("cut at %d", cut).isInstanceOf(IOException.class)
                    .hasMessageContaining(part.toString());
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] garbled = real.clone();
            for (int j = 0; j < 20; j++) {
                garbled[12 + random.nextInt(400)] = (byte) random.nextInt(256);
            }
            Path bad = dir.resolve("garbled.ttf");
            Files.write(bad, garbled);
            try (TrueTypeFile font = TrueTypeFile.open(bad)) {
                // a change that left the font readable must still give a subset or an IOException, nothing else
                try {
                    font.subset(List.of((int) '住'), "ABCDEF");
                } catch (IOException expected) {
                    assertThat(expected).hasMessageContaining(bad.toString());
                }
            } catch (IOException expected) {
                assertThat(expected).hasMessageContaining(bad.toString());
            }
        }
    }

    /** Subsets the text's code points and compares each glyph's outline with fontbox's parse of the whole font. */
    private static byte[] assertSubsetKeepsOutlines(Path file, String text) throws Exception {
        TreeSet<Integer> codePoints = new TreeSet<>();
        text.codePoints().forEach(codePoints::add);
        try (TrueTypeFile ours = TrueTypeFile.open(file); TrueTypeFont whole = parse(file)) {
            byte[] subset = ours.subset(codePoints, "QWERTY");
            try (TrueTypeFont part = new TTFParser().parse(new RandomAccessReadBuffer(subset))) {
                CmapLookup wholeCmap = whole.getUnicodeCmapLookup(false);
                CmapLookup partCmap = part.getUnicodeCmapLookup();
                for (int cp : codePoints) {
                    int oldGid = wholeCmap.getGlyphId(cp);
                    int newGid = partCmap.getGlyphId(cp);
                    String name = String.format("U+%04X", cp);
                    assertThat(oldGid).as("%s in the font", name).isNotZero();
                    assertThat(newGid).as("%s in the subset", name).isNotZero();
                    assertThat(part.getAdvanceWidth(newGid)).as("advance of %s", name)
                            .isEqualTo(whole.getAdvanceWidth(oldGid));
                    List<Double> expected = points(whole.getGlyph().getGlyph(oldGid).getPath());
                    List<Double> actual = points(part.getGlyph().getGlyph(newGid).getPath());
                    if (!Character.isSpaceChar(cp)) {
                        assertThat(expected).as("%s has an outline", name).isNotEmpty();
                    }
                    assertThat(actual).as("outline of %s", name).isEqualTo(expected);
                }
            }
            return subset;
        }
    }

    private static List<Double> points(GeneralPath path) {
        List<Double> out = new ArrayList<>();
        double[] coords = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(coords);
            out.add((double) type);
            int n = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            IntStream.range(0, n).forEach(i -> out.add(coords[i]));
        }
        return out;
    }

    private static TrueTypeFont parse(Path file) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
    }

    private static byte[] header(int version) {
        return ByteBuffer.allocate(64).putInt(version).array();
    }

    /** The font files under test (constants, so they can name parameterised cases). */
    static final class FontsUnderTest {
        static final String MJ = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";
        static final String MINCHO = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf";
        static final String GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
        static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

        private FontsUnderTest() {
        }
    }
}
