package org.pouch.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.audit.AuditEvent;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.Channel;
import org.pouch.intake.IntakeRoutes;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A sender that lost the gateway's answer sends the same envelope again: it gets the first receipt back,
 * marked as repeated, and nothing is queued for delivery twice.
 */
@GatewayTest
class ResubmissionEndToEndTest {

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Channel.class)
    void theSameEnvelopeAgainGetsTheFirstReceiptMarkedRepeatedAndIsQueuedOnce(Channel channel) throws Exception {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);
        PartnerClient client = PartnerClient.of(PK_MOI, partnerPort);
        GatewayAnswer.Accepted first = client.submit(channel, envelope).accepted();

        GatewayAnswer.Accepted again = client.submit(channel, envelope).accepted();

        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(again.exchangeId()).isEqualTo(first.exchangeId());
        assertThat(again.receipt()).isEqualTo(first.receipt());
        // Checks among the rest that the exchange is delivered exactly once.
        records.assertAccepted(envelope, again.receipt(), document);
        assertThat(records.auditOf(first.exchangeId()))
                .filteredOn(event -> event.step().startsWith("intake"))
                .extracting(AuditEvent::step)
                .containsExactly(IntakeRoutes.ACCEPT, IntakeRoutes.REPEAT);
    }

    @Test
    void anEnvelopeAcceptedOverRestIsARepeatOverSoap() throws Exception {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);
        PartnerClient client = PartnerClient.of(PK_MOI, partnerPort);
        GatewayAnswer.Accepted overRest = client.submit(Channel.REST, envelope).accepted();

        GatewayAnswer.Accepted overSoap = client.submit(Channel.SOAP, envelope).accepted();

        assertThat(overSoap.repeated()).isTrue();
        assertThat(overSoap.exchangeId()).isEqualTo(overRest.exchangeId());
        records.assertAccepted(envelope, overSoap.receipt(), document);
    }
}
