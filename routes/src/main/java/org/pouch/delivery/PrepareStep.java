package org.pouch.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.Origin;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.MessageType;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.intake.AcceptedExchange;
import org.pouch.partners.Participant;

/**
 * Step {@code delivery.prepare}: opens the archived envelope again, turns the payload into the
 * recipient's format without the fields it is denied, and seals the result for the recipient, signed by
 * the gateway. Runs once per delivery: retries send what it sealed.
 */
final class PrepareStep {

    private final DeliverySettings settings;
    private final EnvelopeOpener opener;
    private final EnvelopeSealer sealer;
    private final Minimisation minimisation;
    private final AuditTrail audit;
    private final Clock clock;

    PrepareStep(
            DeliverySettings settings,
            EnvelopeOpener opener,
            EnvelopeSealer sealer,
            Minimisation minimisation,
            AuditTrail audit,
            Clock clock) {
        this.settings = settings;
        this.opener = opener;
        this.sealer = sealer;
        this.minimisation = minimisation;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws org.pouch.exchange.RejectedException when the archived envelope no longer opens
     * @throws IllegalArgumentException when the recipient's format is not one the type can be written in
     */
    Delivery prepare(AcceptedExchange exchange, Participant recipient) {
        // The opened payload may read from a spool, deleted once the delivery is sealed.
        try (OpenedMessage opened = opener.openAccepted(exchange.envelope(), exchange.acceptedAt())) {
            return prepare(exchange, recipient, opened);
        }
    }

    private Delivery prepare(AcceptedExchange exchange, Participant recipient, OpenedMessage opened) {
        Header original = opened.document().header();
        String format = recipient.endpoint().orElseThrow().format();
        Set<String> stripped = minimisation.forRecipient(recipient.id(), original.type());
        Payload payload = transform(
                MessageTypes.lookup(original.type(), original.schemaVersion()),
                opened.document().payload(),
                stripped,
                RecipientFormats.of(format));
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
        byte[] envelope = sealer.seal(
                new ExchangeDocument(delivered, payload),
                recipient.encryptionCertificate().orElseThrow());
        String envelopeSha256 = sha256Hex(envelope);
        List<String> strippedList = List.copyOf(new TreeSet<>(stripped));
        audit.append(new AuditEvent(
                clock.instant(),
                AuditEventType.TRANSFORMED,
                DeliveryRoutes.PREPARE,
                settings.gateway().value(),
                Optional.of(exchange.exchangeId()),
                Optional.of(exchange.exchangeId()),
                Optional.of(settings.gateway()),
                Optional.of(recipient.id()),
                Optional.of(original.type()),
                Optional.of(envelopeSha256),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "format", format,
                        "stripped", String.join(",", strippedList),
                        "originalMessageId", original.messageId(),
                        "originalSender", original.from().value())));
        return new Delivery(
                exchange.exchangeId(),
                recipient.id(),
                exchange.exchangeId(),
                envelope,
                envelopeSha256,
                format,
                strippedList,
                DeliveryStatus.PENDING,
                0,
                exchange.acceptedAt(),
                Optional.empty(),
                Optional.empty());
    }

    private static <T> Payload transform(
            MessageType<T> type, Payload payload, Set<String> stripped, PayloadType format) {
        if (!type.outboundFormats().contains(format)) {
            throw new IllegalArgumentException(type.name() + " cannot be delivered as " + format);
        }
        // Read, not validate: the guard checked the rules at acceptance, and a rule that depends on the
        // date must not turn an accepted message undeliverable later.
        return type.write(type.minimise(type.read(payload), stripped), format);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
