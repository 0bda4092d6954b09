package org.pouch.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.Origin;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.MessageType;
import org.pouch.formats.StreamingJsonTransform;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.intake.AcceptedDocuments;
import org.pouch.intake.AcceptedExchange;
import org.pouch.partners.Participant;
import org.pouch.spool.Spool;

/**
 * Step {@code delivery.prepare}: takes the verified document the intake of this process holds for the
 * exchange, or else opens the archived envelope again; turns the payload into the
 * recipient's format without the fields it is denied, and seals the result for the recipient, signed by
 * the gateway. Runs once per delivery: retries send what it sealed. Its audit entry (TRANSFORMED) is
 * appended with the first attempt's, by {@link SendStep}.
 */
final class PrepareStep {

    /** Envelopes up to this size are spooled in memory; larger ones go to an encrypted file. */
    static final int ENVELOPE_MEMORY_BYTES = 1024 * 1024;

    private final DeliverySettings settings;
    private final EnvelopeOpener opener;
    private final AcceptedDocuments accepted;
    private final EnvelopeSealer sealer;
    private final Minimisation minimisation;
    private final Clock clock;

    PrepareStep(
            DeliverySettings settings,
            EnvelopeOpener opener,
            AcceptedDocuments accepted,
            EnvelopeSealer sealer,
            Minimisation minimisation,
            Clock clock) {
        this.settings = settings;
        this.opener = opener;
        this.accepted = accepted;
        this.sealer = sealer;
        this.minimisation = minimisation;
        this.clock = clock;
    }

    /**
     * @return the delivery, its envelope in a spool the caller closes once the store has kept it
     * @throws org.pouch.exchange.RejectedException when the archived envelope must be opened and no longer
     *     opens
     * @throws IllegalArgumentException when the recipient's format is not one the type can be written in
     * @throws MisaddressedException when the verified document is not addressed to the exchange's recipient
     */
    Prepared prepare(AcceptedExchange exchange, Participant recipient) {
        Optional<ExchangeDocument> held = accepted.take(exchange.exchangeId(), exchange.envelopeSha256());
        if (held.isPresent()) {
            return prepare(exchange, recipient, held.get());
        }
        // The opened payload may read from a spool, deleted once the delivery is sealed.
        try (OpenedMessage opened = opener.openAccepted(exchange.envelope(), exchange.acceptedAt())) {
            return prepare(exchange, recipient, opened.document());
        }
    }

    private Prepared prepare(AcceptedExchange exchange, Participant recipient, ExchangeDocument document) {
        Header original = document.header();
        if (!original.to().equals(recipient.id())) {
            // The recipient comes from the ledger's row, the address from what the sender signed; they are
            // equal from acceptance on, so a difference means the row was changed since. Nothing is sealed.
            throw new MisaddressedException();
        }
        String format = recipient.endpoint().orElseThrow().format();
        Set<String> stripped = minimisation.forRecipient(recipient.id(), original.type());
        MessageType<?> type = MessageTypes.lookup(original.type(), original.schemaVersion());
        Payload payload = document.payload();
        PayloadType to = RecipientFormats.of(format);
        if (!type.outboundFormats().contains(to)) {
            throw new IllegalArgumentException(type.name() + " cannot be delivered as " + to);
        }
        // The gateway signs, so the gateway is the sender; the message id is the exchange id, the same on
        // every attempt, so a recipient can tell a retry from a new message.
        Header delivered = new Header(
                exchange.exchangeId(),
                original.type(),
                original.schemaVersion(),
                settings.gateway(),
                recipient.id(),
                clock.instant(),
                original.inReplyTo(),
                // A document another gateway delivered already names its origin, vouched for by that
                // gateway's signature; passing it on keeps the first sender visible down the chain.
                Optional.of(original.origin().orElse(new Origin(original.from(), original.messageId()))));
        X509Certificate certificate = recipient.encryptionCertificate().orElseThrow();
        // One choice: the type's streaming transform where it has one for this pair of forms (a pilgrim
        // list in JSON, the large case), else the model; both give the same document.
        Sealed sealed = seal(envelope -> {
            Optional<StreamingJsonTransform> streamed = type.streamingTransform(payload.type(), to);
            if (streamed.isPresent()) {
                sealer.sealJson(
                        delivered, json -> streamed.get().write(payload, stripped, json), certificate, envelope);
            } else {
                envelope.write(sealer.seal(
                        new ExchangeDocument(delivered, transform(type, payload, stripped, to)), certificate));
            }
        });
        List<String> strippedList = List.copyOf(new TreeSet<>(stripped));
        return new Prepared(
                new Delivery(
                        exchange.exchangeId(),
                        recipient.id(),
                        exchange.exchangeId(),
                        sealed.envelope(),
                        sealed.sha256(),
                        format,
                        strippedList,
                        DeliveryStatus.PENDING,
                        0,
                        exchange.acceptedAt(),
                        Optional.empty(),
                        Optional.empty()),
                sealed.envelope());
    }

    /** The model path, for the types and formats that have no streaming transform. */
    private static <T> Payload transform(
            MessageType<T> type, Payload payload, Set<String> stripped, PayloadType format) {
        // Read, not validate: the guard checked the rules at acceptance, and a rule that depends on the
        // date must not turn an accepted message undeliverable later.
        return type.write(type.minimise(type.read(payload), stripped), format);
    }

    /**
     * A delivery as prepared, its envelope in a spool (in memory when small, else a file) until the
     * delivery has been kept and attempted once; closing deletes the spool.
     */
    record Prepared(Delivery delivery, Spool envelope) implements AutoCloseable {
        @Override
        public void close() {
            envelope.close();
        }
    }

    /** The document the sender signed names another recipient than the one delivery was asked to serve. */
    static final class MisaddressedException extends RuntimeException {
        MisaddressedException() {
            super("the signed document is addressed to another recipient than the exchange's", null, false, false);
        }
    }

    /** Writes an envelope to a stream. */
    private interface Sealing {
        void writeTo(OutputStream envelope) throws IOException;
    }

    private record Sealed(Spool envelope, String sha256) {}

    /**
     * Seals into a spool, the SHA-256 for the audit and the recipient's receipt taken on the way. The
     * envelope is ciphertext already; the spool's own encryption is not needed to keep it secret, but it
     * costs little and keeps one way to hold large content on disk.
     */
    private static Sealed seal(Sealing sealing) {
        MessageDigest sha256 = sha256();
        try (Spool.Writer spooling = Spool.writer(ENVELOPE_MEMORY_BYTES)) {
            sealing.writeTo(new DigestOutputStream(spooling, sha256));
            return new Sealed(spooling.finish(), HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the sealed envelope", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
