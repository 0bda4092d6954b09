package org.pouch.formats.watchlist;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a watchlist hit that a recipient may be denied, by their path in the canonical JSON form
 * without the leading {@code $.}. Only optional fields are here: what is left after stripping is still a
 * valid hit, and its recipient can still tell whom and what it is about.
 */
public enum StrippableField {
    SUBJECT_ALIASES("subject.aliases"),
    SUBJECT_NAME_NATIVE("subject.nameNative"),
    SUBJECT_DATE_OF_BIRTH("subject.dateOfBirth"),
    SUBJECT_NATIONALITY("subject.nationality"),
    SUBJECT_DOCUMENTS("subject.documents"),
    MATCH_MATCHED_FIELDS("match.matchedFields"),
    HANDLING_HANDLING_CODE("handling.handlingCode");

    private final String path;

    StrippableField(String path) {
        this.path = path;
    }

    /** For example {@code subject.documents}. */
    public String path() {
        return path;
    }

    public static Optional<StrippableField> byPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }
}
