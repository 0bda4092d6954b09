package org.pouch.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Payload;

/**
 * The verified documents of exchanges this process accepted moments ago, held in memory for their
 * delivery, which would otherwise open the archived envelope a second time (decrypt, verify the
 * signature, validate the signer's certificate, parse) to get back what the intake already had.
 *
 * <p>A hand-off, not a cache: delivery takes a document once, and whatever it does not find (evicted, too
 * large, held by another node's intake, or after a restart) it opens from the archive as before. So the
 * plaintext stays in memory only briefly and in bounded amount: documents larger than a quarter of the
 * budget are never held, the budget caps the rest, and none is held longer than the maximum age. See ADR
 * 0022.
 */
public final class AcceptedDocuments {

    /** Roughly what a held header and its bookkeeping take besides the payload's bytes. */
    private static final int HEADER_WEIGHT = 1024;

    private final Cache<String, Held> held;
    private final long maxDocumentBytes;
    private final LongAdder taken = new LongAdder();
    private final LongAdder missed = new LongAdder();

    /**
     * @param budgetBytes how many bytes of payload may be held at once; zero holds none
     * @param maxAge how long a document may wait for its delivery before it is dropped
     */
    public AcceptedDocuments(long budgetBytes, Duration maxAge) {
        this(budgetBytes, maxAge, Ticker.systemTicker());
    }

    /** As {@link #AcceptedDocuments(long, Duration)}, the age read from {@code ticker}; for tests. */
    public AcceptedDocuments(long budgetBytes, Duration maxAge, Ticker ticker) {
        if (budgetBytes < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("the budget and the age must not be negative");
        }
        this.maxDocumentBytes = budgetBytes / 4;
        this.held = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((String exchangeId, Held document) -> document.weight())
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                // Expired documents are dropped on time even when no message comes to trigger the cleanup:
                // the age bounds how long plaintext stays, not only how long it is served.
                .scheduler(Scheduler.systemScheduler())
                // Evictions run on the caller: no pool thread is woken per message for bookkeeping.
                .executor(Runnable::run)
                .build();
    }

    /** Holds nothing; every delivery opens its envelope. */
    public static AcceptedDocuments none() {
        return new AcceptedDocuments(0, Duration.ZERO);
    }

    /**
     * Holds a copy of {@code document}, verified from the envelope whose SHA-256 is {@code envelopeSha256},
     * when it is small enough. Called by the intake before the exchange is queued for delivery; by tests
     * that play the intake.
     */
    public void hold(String exchangeId, String envelopeSha256, ExchangeDocument document) {
        Payload payload = document.payload();
        if (payload.size() > maxDocumentBytes) {
            return;
        }
        // A copy: the opened payload may read from a spool that is deleted once the intake answers.
        held.put(exchangeId, new Held(envelopeSha256, new ExchangeDocument(document.header(), payload.inMemory())));
    }

    /** Drops what the intake held for an exchange it did not record after all. */
    public void release(String exchangeId) {
        held.invalidate(exchangeId);
    }

    /**
     * Takes the document held for the exchange, if any, and only if it came from the envelope with this
     * SHA-256; it is not held any more afterwards.
     */
    public Optional<ExchangeDocument> take(String exchangeId, String envelopeSha256) {
        Held document = held.asMap().remove(exchangeId);
        if (document == null || !document.envelopeSha256().equals(envelopeSha256)) {
            missed.increment();
            return Optional.empty();
        }
        taken.increment();
        return Optional.of(document.document());
    }

    /** How many documents are held now, some perhaps expired and about to be dropped. */
    public long held() {
        return held.estimatedSize();
    }

    /** How many deliveries found their document held. */
    public long taken() {
        return taken.sum();
    }

    /** How many deliveries did not, and opened the envelope. */
    public long missed() {
        return missed.sum();
    }

    private record Held(String envelopeSha256, ExchangeDocument document) {
        Held {
            Objects.requireNonNull(envelopeSha256);
        }

        int weight() {
            return HEADER_WEIGHT + (int) document.payload().size();
        }
    }
}
