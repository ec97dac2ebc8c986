package dev.madoguchi.forms.definition;

/** A form definition file that cannot be used; the message names the file, the line and what is wrong. */
public final class FormDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final int line;

    public FormDefinitionException(String origin, int line, String problem, Throwable cause) {
        super(origin + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.origin = origin;
        this.line = line;
    }

    public String origin() {
        return origin;
    }

    /** 1-based line, or 0 when the problem has no line. */
    public int line() {
        return line;
    }
}
