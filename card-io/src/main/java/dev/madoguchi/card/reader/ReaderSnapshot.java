package dev.madoguchi.card.reader;

import java.util.List;

/** The readers seen at one moment. */
public record ReaderSnapshot(ReaderSource source, List<Reader> readers) {

    public ReaderSnapshot {
        readers = List.copyOf(readers);
    }

    /** One reader and whether a card is present on it. */
    public record Reader(String name, boolean cardPresent) {}

    public boolean hasReaders() {
        return !readers.isEmpty();
    }

    public boolean anyCardPresent() {
        return readers.stream().anyMatch(Reader::cardPresent);
    }
}
