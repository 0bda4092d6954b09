package org.pouch.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One try at handing an envelope to a recipient, as operators see it: never the payload.
 *
 * @param number counted from 1 over the delivery's whole life, replays included
 * @param outcome what came of it, for example {@code delivered}, {@code http-503}, {@code unreachable}
 * @param httpStatus the status the recipient answered with, if it answered
 * @param error the failure's class when there was no answer, for example {@code HttpTimeoutException}
 */
public record DeliveryAttempt(
        int number, Instant at, String outcome, Optional<Integer> httpStatus, Optional<String> error) {

    public DeliveryAttempt {
        Objects.requireNonNull(at);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(httpStatus);
        Objects.requireNonNull(error);
    }
}
