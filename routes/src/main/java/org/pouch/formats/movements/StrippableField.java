package org.pouch.formats.movements;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a movements report that a recipient may be denied, by their path in the canonical JSON
 * form without the leading {@code $.}; {@code [*]} means every movement. Only optional fields: the
 * passport, the Latin names, the direction, the time and the post are what the report is for.
 */
public enum StrippableField {
    MOVEMENTS_TRAVELLER_NAME_NATIVE("movements[*].traveller.nameNative");

    private final String path;

    StrippableField(String path) {
        this.path = path;
    }

    /** For example {@code movements[*].traveller.nameNative}. */
    public String path() {
        return path;
    }

    public static Optional<StrippableField> byPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }
}
