package org.pouch.partners;

import java.util.Objects;
import org.pouch.exchange.ParticipantId;

/** One permission of the exchange policy: {@code from} may send messages of {@code type} to {@code to}. */
public record PolicyRule(ParticipantId from, String type, ParticipantId to) {

    public PolicyRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public String toString() {
        return from + " may send " + type + " to " + to;
    }
}
