package dev.madoguchi.forms.validation;

/** ERROR blocks printing; WARNING is shown to the clerk and does not. */
public enum Severity {
    ERROR,
    WARNING
}
