package org.pouch.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.pouch.exchange.ParticipantId;

/**
 * One circuit breaker per partner, made on first use. In memory on purpose: after a restart every
 * partner gets a fresh chance, and the durable retry schedule still bounds how hard it is tried.
 */
public final class PartnerBreakers {

    private final CircuitBreakerRegistry registry;

    public PartnerBreakers(BreakerPolicy policy) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumCalls())
                .waitDurationInOpenState(policy.waitInOpenState())
                // Half open after the wait without waiting for a call to notice: the next retry finds it so.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    }

    public CircuitBreaker forPartner(ParticipantId partner) {
        return registry.circuitBreaker(partner.value());
    }

    /** The breaker's state, for health and tests: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
    public String state(ParticipantId partner) {
        return forPartner(partner).getState().name();
    }
}
