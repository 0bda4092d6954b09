package org.pouch.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Receipt;
import org.pouch.gateway.broker.Queues;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.IntakeRoutes;
import org.pouch.testing.TestPki;

/**
 * What the running gateway holds after a submission, as the end-to-end tests check it: the ledger, the
 * audit trail and the delivery queue, whichever edge the submission came through.
 */
public final class GatewayRecords {

    private final ExchangeLedger ledger;
    private final AuditTrail audit;
    private final BrokerQueue deadLetters;

    public GatewayRecords(ExchangeLedger ledger, AuditTrail audit, ConnectionFactory connectionFactory) {
        this.ledger = ledger;
        this.audit = audit;
        this.deadLetters = new BrokerQueue(connectionFactory, Queues.DEAD_LETTER);
    }

    /**
     * Verifies the receipt as the sender would, against the test PKI, and finds its exchange recorded in the
     * ledger, audited as accepted and delivered to its recipient (a partner system of {@link PartnerSystems}).
     *
     * @param envelope what was submitted, which the receipt names by its SHA-256
     */
    public Receipt assertAccepted(byte[] envelope, byte[] receipt, ExchangeDocument document) {
        Receipt verified = assertAcceptedOnly(envelope, receipt, document);
        // Queued before the answer was sent, delivered from the queue once the ledger holds it.
        assertDelivered(verified.exchangeId(), document.header().to());
        return verified;
    }

    /** As {@link #assertAccepted}, without waiting for the delivery: for tests whose partner fails. */
    public Receipt assertAcceptedOnly(byte[] envelope, byte[] receipt, ExchangeDocument document) {
        TestPki pki = TestPki.shared();
        Receipt verified = new ReceiptVerifier(pki.senders(), pki.validator(), Clock.systemUTC())
                .verify(receipt)
                .receipt();
        Header header = document.header();
        assertThat(verified.gateway()).isEqualTo(TestPki.GATEWAY);
        assertThat(verified.messageId()).isEqualTo(header.messageId());
        assertThat(verified.from()).isEqualTo(header.from());
        assertThat(verified.to()).isEqualTo(header.to());
        assertThat(verified.status()).isEqualTo(Receipt.Status.ACCEPTED);
        assertThat(verified.envelopeSha256()).isEqualTo(sha256Hex(envelope));
        String exchangeId = verified.exchangeId();
        assertThat(ledger.findByMessageId(header.from(), header.messageId()))
                .hasValueSatisfying(
                        exchange -> assertThat(exchange.exchangeId()).isEqualTo(exchangeId));
        assertThat(audit.forExchange(exchangeId))
                .filteredOn(event -> event.step().equals(IntakeRoutes.ACCEPT))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo(AuditEventType.ACCEPTED);
                    assertThat(event.actor()).isEqualTo(header.from().value());
                });
        return verified;
    }

    /** Waits for the exchange to be delivered to its recipient, once. */
    public AuditEvent assertDelivered(String exchangeId, ParticipantId recipient) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(audit.forExchange(exchangeId))
                        .filteredOn(event -> event.type() == AuditEventType.DELIVERED)
                        .singleElement()
                        .satisfies(event -> assertThat(event.recipient()).contains(recipient)));
        return audit.forExchange(exchangeId).stream()
                .filter(event -> event.type() == AuditEventType.DELIVERED)
                .findFirst()
                .orElseThrow();
    }

    /** The one audit entry of the rejection's incident: rejected for its reason, at this step, by this actor. */
    public AuditEvent assertRejectionAudited(GatewayAnswer.Rejected rejected, String step, String actor) {
        assertThat(audit.forIncident(rejected.incidentId()))
                .as("audit entries of incident %s", rejected.incidentId())
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo(AuditEventType.REJECTED);
                    assertThat(event.reason()).contains(rejected.reason());
                    assertThat(event.step()).isEqualTo(step);
                    assertThat(event.actor()).isEqualTo(actor);
                });
        return audit.forIncident(rejected.incidentId()).get(0);
    }

    /** The audit entries of an exchange, oldest first. */
    public List<AuditEvent> auditOf(String exchangeId) {
        return audit.forExchange(exchangeId);
    }

    /** The broker's dead-letter queue. */
    public BrokerQueue deadLetters() {
        return deadLetters;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
