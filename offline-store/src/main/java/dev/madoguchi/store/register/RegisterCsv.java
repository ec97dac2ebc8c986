package dev.madoguchi.store.register;

import dev.madoguchi.store.error.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the register snapshot format of docs/howto/import-a-register.md: UTF-8 CSV (RFC 4180), a header row naming the
 * columns (any order), one resident per row; the same columns as {@code madoguchi demo export} plus an optional
 * {@code my_number}. Errors name the line and column, never the value.
 */
public final class RegisterCsv implements Iterator<RegisterEntry> {

    /** Columns every file has. */
    public static final List<String> REQUIRED = RegisterFields.REQUIRED;
    /** Columns a file may have. */
    public static final List<String> OPTIONAL = RegisterFields.OPTIONAL;

    private final Reader in;
    private final Map<String, Integer> columns = new HashMap<>();
    private long line;
    private List<String> next;
    private int pushedBack = -2;

    public RegisterCsv(Reader in) {
        this.in = in;
        List<String> header = readRecord();
        if (header == null) {
            throw bad("the file is empty");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!RegisterFields.known(name)) {
                throw bad("unknown column '" + name.replaceAll("[^a-z_]", "?") + "' in the header");
            }
            if (columns.put(name, i) != null) {
                throw bad("column " + name + " appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw bad("the header lacks the column " + required);
            }
        }
        next = readRecord();
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
        List<String> fields = next;
        long at = line;
        RegisterEntry entry = entry(fields, at);
        next = readRecord();
        return entry;
    }

    private RegisterEntry entry(List<String> f, long at) {
        if (f.size() != columns.size()) {
            throw bad("line " + at + " has " + f.size() + " fields, the header " + columns.size());
        }
        return new RegisterFields(column -> {
            Integer i = columns.get(column);
            return i == null ? null : f.get(i);
        }, at).entry();
    }

    private static StoreException bad(String message) {
        return RegisterFields.bad(message);
    }

    /** One RFC 4180 record, or null at the end of the input. */
    private List<String> readRecord() {
        try {
            int c = read();
            if (c == -1) {
                return null;
            }
            line++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw bad("line " + line + ": a quoted field does not end");
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n' && n != -1) {
                            pushedBack = n;
                        }
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the register file", e);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
