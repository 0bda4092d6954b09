package org.pouch.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.MessageHeaders;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.broker.Queues;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.ExchangeLedger;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner's system submits over real mutual TLS; the gateway answers, queues, records and audits. */
@GatewayTest
class RestIntakeEndToEndTest {

    @LocalServerPort
    int partnerPort;

    @Autowired
    ExchangeLedger ledger;

    @Autowired
    AuditTrail audit;

    @Autowired
    ConnectionFactory connectionFactory;

    private final TestPki pki = TestPki.shared();

    @Test
    void anAcceptedEnvelopeGetsAVerifiableReceiptAndIsQueuedRecordedAndAudited() throws Exception {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);

        HttpResponse<byte[]> response = PartnerClient.of(PK_MOI, partnerPort).post(PartnerClient.seal(document));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pkcs7-mime"));
        Receipt receipt = new ReceiptVerifier(pki.senders(), pki.validator(), Clock.systemUTC())
                .verify(response.body())
                .receipt();
        assertThat(receipt.gateway()).isEqualTo(TestPki.GATEWAY);
        assertThat(receipt.messageId()).isEqualTo(document.header().messageId());
        assertThat(response.headers().firstValue("Pouch-Exchange-Id")).contains(receipt.exchangeId());

        assertThat(ledger.findByMessageId(PK_MOI, document.header().messageId()))
                .hasValueSatisfying(
                        exchange -> assertThat(exchange.exchangeId()).isEqualTo(receipt.exchangeId()));
        assertThat(audit.forExchange(receipt.exchangeId()))
                .extracting(AuditEvent::type)
                .containsExactly(AuditEventType.ACCEPTED);
        assertThat(queuedExchangeIds()).contains(receipt.exchangeId());
    }

    @Test
    void aRejectionIsProblemDetailsWithTheCodeAndAnAuditedIncident() throws Exception {
        // PK-FIA's system submits an envelope PK-MOI signed.
        byte[] envelope = PartnerClient.seal(TestDocuments.json(PK_MOI, IQ_MOI));

        HttpResponse<byte[]> response = PartnerClient.of(PK_FIA, partnerPort).post(envelope);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:pouch:rejection:client-not-signer");
        assertThat(problem.path("code").asString()).isEqualTo("client-not-signer");
        String incidentId = problem.path("incidentId").asString();
        assertThat(audit.forIncident(incidentId)).singleElement().satisfies(event -> {
            assertThat(event.reason()).contains(RejectionReason.CLIENT_NOT_SIGNER);
            assertThat(event.actor()).isEqualTo("PK-FIA");
        });
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
    }

    private java.util.List<String> queuedExchangeIds() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue(Queues.DELIVERY))) {
            Message message;
            while ((message = consumer.receive(2_000)) != null) {
                ids.add(message.getStringProperty(MessageHeaders.EXCHANGE_ID));
            }
        }
        return ids;
    }
}
