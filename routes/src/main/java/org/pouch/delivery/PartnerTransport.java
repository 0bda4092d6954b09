package org.pouch.delivery;

import java.util.Optional;
import org.pouch.exchange.Content;
import org.pouch.partners.Participant;

/**
 * Hands a sealed envelope to a partner's system over one protocol (REST or SOAP), with mutual TLS.
 * Never throws for what the partner or the network does: every answer and every failure to get one is
 * a {@link Result}.
 */
public interface PartnerTransport {

    /**
     * Sends the envelope as a stream of known length: it may be far larger than the heap, so it is read
     * from where it is held (a spool file, the store) as it goes out, never copied whole.
     */
    Result send(Participant partner, String idempotencyKey, Content envelope);

    /** What came back. */
    sealed interface Result {}

    /**
     * The partner answered.
     *
     * @param status the HTTP status; a SOAP fault is reported as the HTTP status it came with
     * @param receipt the signed receipt in the answer, when there was one
     */
    record Answered(int status, Optional<byte[]> receipt) implements Result {}

    /**
     * No answer: refused connection, reset, timeout, TLS failure.
     *
     * @param error the failure's class name, never its message (which may quote what was sent)
     */
    record NoAnswer(String error) implements Result {}
}
