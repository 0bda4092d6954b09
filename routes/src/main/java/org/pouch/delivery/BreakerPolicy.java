package org.pouch.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * The circuit breaker each partner gets: once enough of the latest attempts failed, delivery stops
 * calling that partner for a while and reschedules instead, then lets a few trial attempts through.
 *
 * @param failureRateThreshold percentage of failed attempts among the latest that opens the circuit
 * @param slidingWindowSize how many of the latest attempts count
 * @param minimumCalls attempts needed before the rate is judged at all
 * @param waitInOpenState how long an open circuit stays open before trial attempts
 */
public record BreakerPolicy(
        float failureRateThreshold, int slidingWindowSize, int minimumCalls, Duration waitInOpenState) {

    public BreakerPolicy {
        Objects.requireNonNull(waitInOpenState, "waitInOpenState");
        if (failureRateThreshold <= 0 || failureRateThreshold > 100 || slidingWindowSize < 1 || minimumCalls < 1) {
            throw new IllegalArgumentException(
                    "failure-rate-threshold must be in (0, 100], sliding-window-size and minimum-calls positive");
        }
        if (!positive(waitInOpenState)) {
            throw new IllegalArgumentException("wait-in-open-state must be positive");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
