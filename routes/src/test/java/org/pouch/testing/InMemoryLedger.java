package org.pouch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pouch.exchange.Content;
import org.pouch.exchange.ParticipantId;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;

/**
 * The exchange ledger's contract in memory, for route tests that run without a database. The gateway's
 * tests run the same routes against the JDBC ledger.
 */
public final class InMemoryLedger implements ExchangeLedger {

    private final Map<String, AcceptedExchange> byMessage = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private volatile boolean twinWinsNext;

    @Override
    public Optional<AcceptedExchange> findByMessageId(ParticipantId sender, String messageId) {
        return Optional.ofNullable(byMessage.get(sender + "/" + messageId));
    }

    @Override
    public Optional<AcceptedExchange> findByExchangeId(String exchangeId) {
        return byMessage.values().stream()
                .filter(exchange -> exchange.exchangeId().equals(exchangeId))
                .findFirst();
    }

    @Override
    public void record(AcceptedExchange exchange) {
        if (failing) {
            throw new IllegalStateException("the ledger's database is unavailable");
        }
        if (twinWinsNext) {
            twinWinsNext = false;
            byMessage.put(
                    exchange.sender() + "/" + exchange.messageId(),
                    archived(exchange, UUID.randomUUID().toString()));
        }
        if (byMessage.putIfAbsent(
                        exchange.sender() + "/" + exchange.messageId(), archived(exchange, exchange.exchangeId()))
                != null) {
            throw new DuplicateMessageIdException(exchange.messageId(), null);
        }
    }

    /**
     * A copy whose envelope outlives the submission's spool, as the database's copy does, under the given
     * exchange id.
     */
    private static AcceptedExchange archived(AcceptedExchange exchange, String exchangeId) {
        try (InputStream envelope = exchange.envelope().openStream()) {
            return new AcceptedExchange(
                    exchangeId,
                    exchange.messageId(),
                    exchange.sender(),
                    exchange.recipient(),
                    exchange.messageType(),
                    exchange.envelopeSha256(),
                    exchange.acceptedAt(),
                    Content.inMemory(envelope.readAllBytes()),
                    exchange.receipt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return byMessage.size();
    }

    /**
     * Makes the next {@link #record} lose a race: the same envelope, submitted twice at once, is recorded
     * by its twin (another exchange id) just before, so this one is refused as a duplicate.
     */
    public void letATwinWinTheNextRecord() {
        twinWinsNext = true;
    }

    /** Makes every later {@link #record} fail, as a lost database connection would. */
    public void failFromNowOn() {
        failing = true;
    }
}
