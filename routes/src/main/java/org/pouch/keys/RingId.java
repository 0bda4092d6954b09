package org.pouch.keys;

import java.util.Objects;
import org.pouch.exchange.ParticipantId;

/**
 * Which ring: whose keys (the gateway's own, or a partner's certificates) and for what.
 *
 * @param owner the gateway's participant id for its own keys, a partner's id for its certificates
 */
public record RingId(ParticipantId owner, KeyPurpose purpose) {

    public RingId {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public String toString() {
        return owner.value() + "/" + purpose.wireName();
    }
}
