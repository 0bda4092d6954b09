package org.pouch.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable state of deliveries: the sealed envelope, where each stands, every attempt. Each write is
 * durable when the method returns; the delivery route's JMS transaction commits only after it.
 */
public interface DeliveryStore {

    /** The delivery, its envelope read from the store as a stream when it is read. */
    Optional<Delivery> find(String exchangeId);

    /**
     * Keeps a newly prepared delivery, its envelope read as a stream, unless one exists already for the
     * exchange (a redelivered queue message prepared it before a crash); either way the one kept. When
     * it keeps {@code delivery}, it may return it as it is: its envelope is still readable until the
     * caller is done with the attempt.
     */
    Delivery prepare(Delivery delivery);

    /** Records an attempt and the status it leaves the delivery in; counts it against the budget. */
    void recordAttempt(
            String exchangeId, DeliveryAttempt attempt, DeliveryStatus status, Optional<byte[]> partnerReceipt);

    /** Dead-letters the delivery without an attempt, for example when it cannot be prepared at all. */
    void deadLetter(String exchangeId, String reason, Instant at);

    /** A replayed delivery starts a fresh budget of attempts and age: pending again, from {@code at}. */
    void restartBudget(String exchangeId, Instant at);

    /** Every attempt at the delivery, oldest first. */
    List<DeliveryAttempt> attempts(String exchangeId);

    /** Dead-lettered deliveries, the most recently dead-lettered first. */
    List<Delivery> deadLetters(int offset, int limit);

    long countDeadLetters();
}
