package org.apache.fontbox.ttf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Madoguchi's own code in fontbox's package (the class path allows it; there is no module layer). fontbox 3.0's public
 * {@code TTFParser.parse(RandomAccessRead)} first copies the whole font file into a byte array; for IPAmj明朝 that is
 * 46 MB kept for the life of the application, on top of the glyph table fontbox keeps anyway. This parses through
 * fontbox's own file-backed stream instead (package-private there), so the file is read on demand through
 * {@link RandomAccessReadBufferedFile}'s small page cache. The font is not thread-safe (as before); it keeps the file
 * open until {@link TrueTypeFont#close()}. Measured in docs/performance.md ("Counter", memory).
 */
public final class FileBackedTrueTypeParser {

    private FileBackedTrueTypeParser() {
    }

    public static TrueTypeFont parse(Path file) throws IOException {
        RandomAccessReadBufferedFile read = new RandomAccessReadBufferedFile(file);
        try {
            return new TTFParser().parse(new RandomAccessReadUnbufferedDataStream(read));
        } catch (IOException | RuntimeException e) {
            read.close();
            throw e;
        }
    }
}
