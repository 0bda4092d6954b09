package org.pouch.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue message as the delivery step reads it.
 *
 * @param queuedAt when the intake first queued the id, which bounds how long a missing ledger row is
 *     waited for
 * @param replayBy the operator who asked for a replay, on a replay request
 */
public record DeliveryRequest(String exchangeId, Instant queuedAt, Optional<String> replayBy) {

    public DeliveryRequest {
        Objects.requireNonNull(exchangeId);
        Objects.requireNonNull(queuedAt);
        Objects.requireNonNull(replayBy);
    }
}
