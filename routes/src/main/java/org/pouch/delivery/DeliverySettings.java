package org.pouch.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.pouch.exchange.ParticipantId;

/**
 * @param gateway this gateway's participant id: the sender named in what it delivers, and its signer
 * @param retry the retry policy of partners without one of their own
 * @param retryByPartner partners' own retry policies
 * @param breaker the circuit breaker settings, one breaker per partner
 * @param orphanGrace how long an exchange id taken off the queue may be missing from the ledger (its
 *     recording may not have committed yet) before it is treated as an orphan and dropped
 * @param orphanRecheck the wait between two looks for such an id in the ledger
 */
public record DeliverySettings(
        ParticipantId gateway,
        RetryPolicy retry,
        Map<ParticipantId, RetryPolicy> retryByPartner,
        BreakerPolicy breaker,
        Duration orphanGrace,
        Duration orphanRecheck) {

    public DeliverySettings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        retryByPartner = Map.copyOf(retryByPartner);
        if (!positive(orphanGrace) || !positive(orphanRecheck)) {
            throw new IllegalArgumentException("orphan-grace and orphan-recheck must be positive");
        }
    }

    public RetryPolicy retryFor(ParticipantId partner) {
        return retryByPartner.getOrDefault(partner, retry);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
