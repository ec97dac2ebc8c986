package dev.madoguchi.card.mynumber;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The golden byte fixtures under {@code src/test/resources/cards/mynumber/}. */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/cards/mynumber/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
