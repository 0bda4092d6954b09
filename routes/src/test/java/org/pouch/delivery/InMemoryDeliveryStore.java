package org.pouch.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pouch.exchange.Content;

/** The delivery store's contract in memory, for step tests without a database. */
final class InMemoryDeliveryStore implements DeliveryStore {

    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Map<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();
    private final List<Content> preparedFrom = new ArrayList<>();
    private volatile boolean attemptsFail;

    /** From now on, recording an attempt fails as a database that went away would. */
    void failAttempts(boolean fail) {
        attemptsFail = fail;
    }

    @Override
    public Optional<Delivery> find(String exchangeId) {
        return Optional.ofNullable(deliveries.get(exchangeId));
    }

    /** Keeps a copy of the envelope: the prepared one is in a spool, deleted after the first attempt. */
    @Override
    public Delivery prepare(Delivery delivery) {
        preparedFrom.add(delivery.envelope());
        Delivery kept = new Delivery(
                delivery.exchangeId(),
                delivery.recipient(),
                delivery.messageId(),
                Content.inMemory(bytes(delivery.envelope())),
                delivery.envelopeSha256(),
                delivery.format(),
                delivery.stripped(),
                delivery.status(),
                delivery.attempts(),
                delivery.budgetSince(),
                delivery.lastError(),
                delivery.partnerReceipt());
        Delivery stored = deliveries.merge(delivery.exchangeId(), kept, (old, fresh) -> old.sealed() ? old : fresh);
        // As the JDBC store: the delivery kept is returned as given, to be sent from where it was prepared.
        return stored == kept ? delivery : stored;
    }

    /** The envelopes deliveries were prepared with, as the step handed them over. */
    List<Content> preparedFrom() {
        return List.copyOf(preparedFrom);
    }

    static byte[] bytes(Content content) {
        try (InputStream in = content.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void recordAttempt(
            String exchangeId, DeliveryAttempt attempt, DeliveryStatus status, Optional<byte[]> partnerReceipt) {
        if (attemptsFail) {
            throw new IllegalStateException("the delivery store is gone");
        }
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
