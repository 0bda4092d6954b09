package org.pouch.gateway.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.pouch.certificates.Credential;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.Payload;
import org.pouch.formats.pilgrims.PilgrimList;

/**
 * The messages of one run, sealed before any timing starts: each a distinct pilgrim list with its own
 * message id, signed by the sender and sealed to the gateway, so the run measures the gateway and not
 * the generator. A few distinct payloads are cycled (each message still has its own id and signature).
 */
final class Workload {

    /** One sealed message. */
    record Message(String messageId, byte[] envelope) {}

    private static final int DISTINCT_PAYLOADS = 16;

    private final List<Message> messages;
    private final int payloadBytes;

    private Workload(List<Message> messages, int payloadBytes) {
        this.messages = List.copyOf(messages);
        this.payloadBytes = payloadBytes;
    }

    static Workload seal(BenchPki pki, int count, int payloadBytes, IntConsumer progress) {
        List<Payload> payloads = new ArrayList<>();
        for (int i = 0; i < Math.min(count, DISTINCT_PAYLOADS); i++) {
            payloads.add(PilgrimLists.ofSize(payloadBytes, System.nanoTime() % 1_000_000 + i));
        }
        Credential signer = pki.signing(BenchPki.SENDER);
        EnvelopeSealer sealer = new EnvelopeSealer(() -> signer, BenchPki.clock());
        var gateway = pki.encryptionCertificate(BenchPki.GATEWAY);
        List<Message> sealed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String messageId = UUID.randomUUID().toString();
            ExchangeDocument document = new ExchangeDocument(
                    new Header(
                            messageId,
                            PilgrimList.TYPE,
                            PilgrimList.SCHEMA_VERSION,
                            BenchPki.SENDER,
                            BenchPki.RECIPIENT,
                            Instant.now().truncatedTo(ChronoUnit.MILLIS),
                            Optional.empty()),
                    payloads.get(i % payloads.size()));
            sealed.add(new Message(messageId, sealer.seal(document, gateway)));
            progress.accept(i + 1);
        }
        return new Workload(sealed, (int) payloads.get(0).size());
    }

    List<Message> messages() {
        return messages;
    }

    Message get(int index) {
        return messages.get(index);
    }

    int size() {
        return messages.size();
    }

    /** The payload size actually generated, which the schema's limits may make differ from the asked one. */
    int payloadBytes() {
        return payloadBytes;
    }
}
