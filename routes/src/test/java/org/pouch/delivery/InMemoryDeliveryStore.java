package org.pouch.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery store's contract in memory, for step tests without a database. */
final class InMemoryDeliveryStore implements DeliveryStore {

    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Map<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

    @Override
    public Optional<Delivery> find(String exchangeId) {
        return Optional.ofNullable(deliveries.get(exchangeId));
    }

    @Override
    public Delivery prepare(Delivery delivery) {
        return deliveries.merge(
                delivery.exchangeId(), delivery, (old, fresh) -> old.envelope().length == 0 ? fresh : old);
    }

    @Override
    public void recordAttempt(
            String exchangeId, DeliveryAttempt attempt, DeliveryStatus status, Optional<byte[]> partnerReceipt) {
        attempts.computeIfAbsent(exchangeId, id -> new ArrayList<>()).add(attempt);
        Delivery d = deliveries.get(exchangeId);
        deliveries.put(
                exchangeId,
                with(
                        d,
                        status,
                        d.attempts() + 1,
                        d.budgetSince(),
                        status == DeliveryStatus.DELIVERED ? Optional.empty() : Optional.of(attempt.outcome()),
                        partnerReceipt.isPresent() ? partnerReceipt : d.partnerReceipt()));
    }

    @Override
    public void deadLetter(String exchangeId, String reason, Instant at) {
        Delivery d = deliveries.get(exchangeId);
        deliveries.put(
                exchangeId,
                with(
                        d,
                        DeliveryStatus.DEAD_LETTERED,
                        d.attempts(),
                        d.budgetSince(),
                        Optional.of(reason),
                        d.partnerReceipt()));
    }

    @Override
    public void restartBudget(String exchangeId, Instant at) {
        Delivery d = deliveries.get(exchangeId);
        deliveries.put(exchangeId, with(d, DeliveryStatus.PENDING, 0, at, d.lastError(), d.partnerReceipt()));
    }

    @Override
    public List<DeliveryAttempt> attempts(String exchangeId) {
        return List.copyOf(attempts.getOrDefault(exchangeId, List.of()));
    }

    @Override
    public List<Delivery> deadLetters(int offset, int limit) {
        return deliveries.values().stream()
                .filter(d -> d.status() == DeliveryStatus.DEAD_LETTERED)
                .sorted(Comparator.comparing(Delivery::exchangeId))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public long countDeadLetters() {
        return deliveries.values().stream()
                .filter(d -> d.status() == DeliveryStatus.DEAD_LETTERED)
                .count();
    }

    private static Delivery with(
            Delivery d,
            DeliveryStatus status,
            int attempts,
            Instant budgetSince,
            Optional<String> lastError,
            Optional<byte[]> receipt) {
        return new Delivery(
                d.exchangeId(),
                d.recipient(),
                d.messageId(),
                d.envelope(),
                d.envelopeSha256(),
                d.format(),
                d.stripped(),
                status,
                attempts,
                budgetSince,
                lastError,
                receipt);
    }
}
