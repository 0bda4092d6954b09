package org.pouch.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Receipt;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner's system submits over real mutual TLS; the gateway answers, queues, records and audits. Every
 * rejection, over both edges, is in {@code org.pouch.gateway.intake.RejectionEndToEndTest}.
 */
@GatewayTest
class RestIntakeEndToEndTest {

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    @Test
    void anAcceptedEnvelopeGetsAVerifiableReceiptAndIsQueuedRecordedAndAudited() throws Exception {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);

        HttpResponse<byte[]> response = PartnerClient.of(PK_MOI, partnerPort).post(envelope);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pkcs7-mime"));
        assertThat(response.headers().firstValue("Pouch-Repeated")).contains("false");
        Receipt receipt = records.assertAccepted(envelope, response.body(), document);
        assertThat(response.headers().firstValue("Pouch-Exchange-Id")).contains(receipt.exchangeId());
    }
}
