package dev.madoguchi.domain.shelter;

import java.util.Locale;

/** An enum whose constants have a stable lower-case code used in files, JSON and the CLI. */
public interface Coded {

    /** The code as written in files, e.g. {@code other-municipality}. */
    String code();

    /** The constant of {@code type} whose code is {@code code}; an {@link IllegalArgumentException} names the choices. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        if (code != null) {
            String wanted = code.trim().toLowerCase(Locale.ROOT);
            for (E value : type.getEnumConstants()) {
                if (value.code().equals(wanted)) {
                    return value;
                }
            }
        }
        StringBuilder choices = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            choices.append(choices.length() == 0 ? "" : "|").append(value.code());
        }
        throw new IllegalArgumentException("unknown value '" + code + "', expected " + choices);
    }
}
