package org.pouch.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
        if (byMessage.putIfAbsent(exchange.sender() + "/" + exchange.messageId(), exchange) != null) {
            throw new DuplicateMessageIdException(exchange.messageId(), null);
        }
    }

    public int size() {
        return byMessage.size();
    }

    /** Makes every later {@link #record} fail, as a lost database connection would. */
    public void failFromNowOn() {
        failing = true;
    }
}
