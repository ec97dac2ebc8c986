package dev.madoguchi.store.register;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the JSON-lines register format of docs/howto/import-a-register.md: UTF-8, one JSON object per line with the
 * same field names as the CSV format, every value a string or null (dates as {@code "YYYY-MM-DD"}); blank lines are
 * skipped. Errors name the line and the field, never the value.
 */
public final class RegisterJsonLines implements Iterator<RegisterEntry> {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final BufferedReader in;
    private long line;
    private RegisterEntry next;

    public RegisterJsonLines(Reader in) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        this.next = read();
        if (next == null) {
            throw RegisterFields.bad("the file holds no resident");
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public RegisterEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        RegisterEntry entry = next;
        next = read();
        return entry;
    }

    private RegisterEntry read() {
        try {
            String text;
            do {
                text = in.readLine();
                if (text == null) {
                    return null;
                }
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
            } while (text.isBlank());
            Map<String, String> fields = parse(text, line);
            return new RegisterFields(fields::get, line).entry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the register file", e);
        }
    }

    private static Map<String, String> parse(String text, long at) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw RegisterFields.bad("line " + at + " is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                if (!RegisterFields.known(name)) {
                    throw RegisterFields.bad("line " + at + ": unknown field '" + name.replaceAll("[^a-z_]", "?")
                            + "'");
                }
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    throw RegisterFields.bad("line " + at + ": " + name + " is not a string");
                }
                if (fields.containsKey(name)) {
                    throw RegisterFields.bad("line " + at + ": " + name + " appears twice");
                }
                fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
            }
            if (p.nextToken() != null) {
                throw RegisterFields.bad("line " + at + " holds more than one JSON value");
            }
        } catch (JsonParseException e) {
            throw RegisterFields.bad("line " + at + " is not valid JSON (column " + e.getLocation().getColumnNr()
                    + ")");
        }
        return fields;
    }
}
