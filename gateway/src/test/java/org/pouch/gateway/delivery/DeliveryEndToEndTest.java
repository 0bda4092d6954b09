package org.pouch.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.delivery.Delivery;
import org.pouch.delivery.DeliveryRoutes;
import org.pouch.delivery.DeliveryStatus;
import org.pouch.delivery.DeliveryStore;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.Origin;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.Receipt;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An accepted exchange reaches its recipient's system (WireMock over mutual TLS) in the recipient's
 * format, sealed for it and signed by the gateway; the partner's signed receipt is verified and kept.
 */
@GatewayTest
class DeliveryEndToEndTest {

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    @Autowired
    DeliveryStore deliveries;

    @Autowired
    MeterRegistry meters;

    PartnerSystems partners;

    @BeforeEach
    void partnersOfTheRunningGateway() {
        partners = PartnerSystems.shared();
    }

    @AfterEach
    void partnersAnswerAsUsual() {
        partners.reset();
    }

    @Test
    void aPilgrimListArrivesSealedForIraqSignedByTheGatewayAndNamingItsOrigin() throws Exception {
        ExchangeDocument sent = TestDocuments.json(PK_MOI, IQ_MOI);
        double heldBefore = handoffs("taken");
        String exchangeId = submit(sent);

        records.assertDelivered(exchangeId, IQ_MOI);

        assertThat(handoffs("taken"))
                .as("delivery took the document the intake verified instead of opening the envelope again")
                .isGreaterThan(heldBefore);

        LoggedRequest received = received(IQ_MOI, exchangeId);
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/pkcs7-mime");
        OpenedMessage opened = PartnerSystems.open(IQ_MOI, received.getBody());
        Header header = opened.document().header();
        assertThat(opened.signer()).isEqualTo(TestPki.GATEWAY);
        assertThat(header.from()).isEqualTo(TestPki.GATEWAY);
        assertThat(header.to()).isEqualTo(IQ_MOI);
        assertThat(header.messageId()).isEqualTo(exchangeId);
        assertThat(header.origin()).contains(new Origin(PK_MOI, sent.header().messageId()));
        assertThat(header.type()).isEqualTo("pilgrim-list");
        assertThat(opened.document().payload().type()).isEqualTo(PayloadType.JSON);
        assertThat(opened.document().payload().text()).contains("\"pilgrims\"");
    }

    private double handoffs(String result) {
        return meters.get(DeliveryConfiguration.HANDOFF_METER)
                .tag("result", result)
                .functionCounter()
                .count();
    }

    @Test
    void theRecipientsSignedReceiptIsVerifiedAndKeptWithTheExchange() throws Exception {
        String exchangeId = submit(TestDocuments.json(PK_MOI, IQ_MOI));

        records.assertDelivered(exchangeId, IQ_MOI);

        Delivery delivery = deliveries.find(exchangeId).orElseThrow();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.partnerReceipt()).isPresent();
        TestPki pki = TestPki.shared();
        Receipt receipt = new ReceiptVerifier(pki.senders(), pki.validator(), Clock.systemUTC())
                .verify(delivery.partnerReceipt().get())
                .receipt();
        assertThat(receipt.gateway()).isEqualTo(IQ_MOI);
        assertThat(receipt.messageId()).isEqualTo(exchangeId);
        assertThat(receipt.envelopeSha256()).isEqualTo(delivery.envelopeSha256());
    }

    @Test
    void aWatchlistHitReachesBelgiumAsXmlWithoutTheFieldsItIsDenied() throws Exception {
        String exchangeId = submit(TestDocuments.watchlistHit(PK_MOI, BE_IBZ));

        records.assertDelivered(exchangeId, BE_IBZ);

        LoggedRequest request = received(BE_IBZ, exchangeId);
        // BE-IBZ takes SOAP: the envelope is an MTOM attachment of the submit operation.
        assertThat(request.getHeader("Content-Type")).contains("multipart/related", "application/xop+xml");
        OpenedMessage opened = PartnerSystems.open(BE_IBZ, PartnerSystems.envelopeOf(request));
        assertThat(opened.document().payload().type()).isEqualTo(PayloadType.XML);
        String xml = opened.document().payload().text();
        assertThat(xml).contains("<watchlistHit", "Tariq Mahmood Qureshi", "<aliases>");
        assertThat(xml).doesNotContain("<documents>", "AB9876543");
        assertThat(records.auditOf(exchangeId))
                .filteredOn(event -> event.type() == AuditEventType.TRANSFORMED)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.step()).isEqualTo(DeliveryRoutes.PREPARE);
                    assertThat(event.recipient()).contains(BE_IBZ);
                });
        assertThat(deliveries.find(exchangeId).orElseThrow().stripped()).containsExactly("subject.documents");
        assertThat(deliveries.find(exchangeId).orElseThrow().partnerReceipt()).isPresent();
        assertThat(deliveries.find(exchangeId).orElseThrow().partnerReceipt()).isPresent();
        assertThat(deliveries.find(exchangeId).orElseThrow().format()).isEqualTo("xml");
    }

    @Test
    void aPartnerThatAnswers2xxWithoutAReceiptHasTheMessageAndNoReceiptIsKept() throws Exception {
        partners.answer(PartnerSystems.inboxOf(IQ_MOI).willReturn(aResponse().withStatus(202)));

        String exchangeId = submit(TestDocuments.json(PK_MOI, IQ_MOI));

        records.assertDelivered(exchangeId, IQ_MOI);
        assertThat(deliveries.find(exchangeId).orElseThrow().partnerReceipt()).isEmpty();
        assertThat(received(IQ_MOI, exchangeId).getBody()).isNotEmpty();
    }

    @Test
    void everyStepOfTheDeliveryIsAudited() throws Exception {
        String exchangeId = submit(TestDocuments.json(PK_MOI, IQ_MOI));

        records.assertDelivered(exchangeId, IQ_MOI);

        List<AuditEventType> types =
                records.auditOf(exchangeId).stream().map(AuditEvent::type).toList();
        assertThat(types)
                .containsSubsequence(
                        AuditEventType.ACCEPTED,
                        AuditEventType.TRANSFORMED,
                        AuditEventType.DELIVERY_ATTEMPTED,
                        AuditEventType.DELIVERED);
        assertThat(deliveries.attempts(exchangeId)).last().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("delivered");
            assertThat(attempt.httpStatus()).isEqualTo(Optional.of(200));
        });
    }

    private String submit(ExchangeDocument document) throws Exception {
        byte[] envelope = PartnerClient.seal(document);
        var response = PartnerClient.of(document.header().from(), partnerPort).post(envelope);
        assertThat(response.statusCode()).isEqualTo(202);
        return records.assertAccepted(envelope, response.body(), document).exchangeId();
    }

    /**
     * What the partner received for the exchange. Usually one request; on a machine slow enough for a
     * first attempt to time out, more, and then all the same bytes under the same key.
     */
    private LoggedRequest received(ParticipantId partner, String exchangeId) {
        List<LoggedRequest> received = partners.received(partner, exchangeId);
        assertThat(received).as("attempts %s", deliveries.attempts(exchangeId)).isNotEmpty();
        assertThat(received)
                .extracting(LoggedRequest::getBody)
                .allSatisfy(body -> assertThat(body).isEqualTo(received.get(0).getBody()));
        assertThat(received).hasSize(deliveries.attempts(exchangeId).size());
        return received.get(received.size() - 1);
    }
}
