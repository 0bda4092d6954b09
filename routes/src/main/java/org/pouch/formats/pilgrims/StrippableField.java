package org.pouch.formats.pilgrims;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a pilgrim list that a recipient may be denied, by their path in the canonical JSON form
 * without the leading {@code $.}; {@code [*]} means every pilgrim. Only optional fields are here: what is
 * left is still a valid list, and the host authority can still match each pilgrim to a passport.
 */
public enum StrippableField {
    /** The home country's identity number (the CNIC): of no use to a foreign border post. */
    PILGRIMS_NATIONAL_ID("pilgrims[*].nationalId"),
    /** The machine-readable zone repeats the passport; a recipient that reads passports has it. */
    PILGRIMS_MRZ("pilgrims[*].mrz"),
    PILGRIMS_VISA_NUMBER("pilgrims[*].visaNumber"),
    PILGRIMS_NAME_NATIVE("pilgrims[*].nameNative"),
    GROUP_LEADER_NAME_NATIVE("group.leader.nameNative"),
    GROUP_LEADER_PHONE("group.leader.phone");

    private final String path;

    StrippableField(String path) {
        this.path = path;
    }

    /** For example {@code pilgrims[*].nationalId}. */
    public String path() {
        return path;
    }

    public static Optional<StrippableField> byPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }
}
