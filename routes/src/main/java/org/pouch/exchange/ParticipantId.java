package org.pouch.exchange;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A participant in the exchange: {@code CC-AGENCY}, an ISO 3166-1 alpha-2 country code and an agency
 * code, for example {@code PK-MOI} or {@code BE-IBZ}.
 */
public record ParticipantId(String value) implements Comparable<ParticipantId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,16}");

    public ParticipantId {
        Objects.requireNonNull(value, "participant id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("participant id must look like CC-AGENCY, for example PK-MOI");
        }
    }

    public static ParticipantId of(String value) {
        return new ParticipantId(value);
    }

    /** The ISO 3166-1 alpha-2 country of this participant. */
    public String country() {
        return value.substring(0, 2);
    }

    @Override
    public int compareTo(ParticipantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
