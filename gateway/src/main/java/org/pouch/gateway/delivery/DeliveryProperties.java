package org.pouch.gateway.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery to partners ({@code pouch.delivery.*}). A partner's own limits go under
 * {@code pouch.directory.participants.<id>.delivery}, its minimisation under {@code ...minimise}.
 *
 * @param consumers how many deliveries run at once
 * @param connectTimeout how long a connection to a partner may take
 * @param requestTimeout how long a partner may take to answer; a slower answer is a failed attempt
 * @param orphanGrace how long an exchange id may be missing from the ledger before it is dropped
 * @param orphanRecheck the wait between two looks for it
 * @param retry the retry policy of partners without limits of their own
 * @param breaker the circuit breaker each partner gets
 * @param handoff how much the intake may hold in memory of what it accepted, for delivery to take
 */
@Validated
@ConfigurationProperties("pouch.delivery")
public record DeliveryProperties(
        @Min(1) @DefaultValue("8") int consumers,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("60s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration orphanGrace,
        @NotNull @DefaultValue("5s") Duration orphanRecheck,
        @NotNull @Valid @DefaultValue Retry retry,
        @NotNull @Valid @DefaultValue Breaker breaker,
        @NotNull @Valid @DefaultValue Handoff handoff) {

    /**
     * @param maxAttempts attempts in all before the dead-letter queue
     * @param maxAge how long after acceptance attempts may still start
     * @param initialBackoff the wait after the first failure, doubled (by {@code multiplier}) after each
     * @param jitter each wait is randomised by up to this fraction either way
     */
    public record Retry(
            @Min(1) @DefaultValue("12") int maxAttempts,
            @NotNull @DefaultValue("1d") Duration maxAge,
            @NotNull @DefaultValue("5s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("0.2") double jitter,
            @NotNull @DefaultValue("30m") Duration maxBackoff) {}

    /**
     * @param failureRateThreshold percentage of failed attempts among the latest that opens the circuit
     * @param slidingWindowSize how many of the latest attempts count
     * @param minimumCalls attempts needed before the rate is judged
     * @param waitInOpenState how long the circuit stays open before trial attempts
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @Min(1) @DefaultValue("10") int slidingWindowSize,
            @Min(1) @DefaultValue("5") int minimumCalls,
            @NotNull @DefaultValue("30s") Duration waitInOpenState) {}

    /**
     * The verified documents the intake holds for delivery in this process, so that it need not open the
     * envelope a second time (ADR 0022).
     *
     * @param memory payload bytes held at most; {@code 0} holds none, and every delivery opens its envelope
     * @param maxAge how long a document may wait for its delivery; plaintext is not kept longer
     */
    public record Handoff(
            @NotNull @DefaultValue("16MB") DataSize memory,
            @NotNull @DefaultValue("1m") Duration maxAge) {}
}
