package dev.madoguchi.backend.submission;

/** One thing wrong with a request body: a JSON pointer into it and what is wrong (never the value itself). */
public record FieldError(String pointer, String message) {
}
