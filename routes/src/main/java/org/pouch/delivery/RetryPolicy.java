package org.pouch.delivery;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often delivery to one partner keeps trying before the exchange is dead-lettered.
 *
 * @param maxAttempts attempts in all, the first included
 * @param maxAge how long after acceptance (or after an operator's replay) attempts may still start
 * @param initialBackoff the wait after the first failed attempt
 * @param multiplier each further wait is this many times the one before
 * @param jitter the randomisation factor: a wait of {@code w} becomes one in {@code w × (1 ± jitter)},
 *     so that partners coming back are not hit by every queued message at the same instant
 * @param maxBackoff no wait is longer than this
 */
public record RetryPolicy(
        int maxAttempts,
        Duration maxAge,
        Duration initialBackoff,
        double multiplier,
        double jitter,
        Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1");
        }
        if (!positive(maxAge) || !positive(initialBackoff) || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "max-age and initial-backoff must be positive, max-backoff at least initial-backoff");
        }
        if (multiplier < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("multiplier must be at least 1 and jitter in [0, 1)");
        }
    }

    /** The wait before the next attempt, after {@code attemptsMade} attempts failed (1 or more). */
    public Duration backoffAfter(int attemptsMade) {
        IntervalFunction interval = jitter == 0
                ? IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier, maxBackoff)
                : IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
        return Duration.ofMillis(interval.apply(attemptsMade));
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
