package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.soap.wsdl.SubmitFault;
import org.pouch.gateway.soap.wsdl.SubmitResponse;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.SoapMessages;
import org.pouch.gateway.testing.WsdlClient;
import org.pouch.intake.IntakeRoutes;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SOAP edge of the running gateway, as partners call it: a client generated from the WSDL the gateway
 * serves, and requests written by hand. What they submit is opened, accepted, recorded and queued by the
 * real intake, and what the edge refuses on its own is audited like any other rejection.
 */
@GatewayTest
class SoapIntakeEndToEndTest {

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    private PartnerClient pkMoi() {
        return PartnerClient.of(PK_MOI, partnerPort);
    }

    private WsdlClient wsdlClient() {
        URI wsdl = pkMoi().uri(PartnerClient.SOAP_PATH + "?wsdl");
        return WsdlClient.fromServedWsdl(wsdl, TestPki.shared().pki().tlsClient(PK_MOI));
    }

    @Test
    void aClientGeneratedFromTheServedWsdlGetsAVerifiableReceiptAndTheExchangeIsRecordedAndQueued() throws Exception {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);

        SubmitResponse response;
        String responseType;
        try (WsdlClient client = wsdlClient()) {
            response = client.submit(envelope);
            responseType = client.lastResponseContentType();
        }

        Receipt receipt = records.assertAccepted(
                envelope, response.getReceipt().getInputStream().readAllBytes(), document);
        assertThat(response.getExchangeId()).isEqualTo(receipt.exchangeId());
        assertThat(response.isRepeated()).isFalse();
        assertThat(responseType).startsWith("multipart/related").contains("application/xop+xml");
    }

    @Test
    void aClientGeneratedFromTheServedWsdlGetsARejectionAsTheDeclaredFault() throws Exception {
        try (WsdlClient client = wsdlClient()) {
            assertThatExceptionOfType(SubmitFault.class)
                    .isThrownBy(() -> client.submit("not an envelope".getBytes(StandardCharsets.UTF_8)))
                    .satisfies(fault -> records.assertRejectionAudited(
                            new GatewayAnswer.Rejected(
                                    RejectionReason.fromCode(
                                            fault.getFaultInfo().getCode()),
                                    fault.getFaultInfo().getIncidentId()),
                            IntakeRoutes.OPEN,
                            PK_MOI.value()))
                    .satisfies(fault -> assertThat(fault.getFaultInfo().getCode())
                            .isEqualTo(RejectionReason.MALFORMED_ENVELOPE.code()));
        }
    }

    @Test
    void aHandWrittenRequestWithTheEnvelopeInlineIsAccepted() throws Exception {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);

        GatewayAnswer.Accepted accepted = GatewayAnswer.ofSoap(pkMoi().postSoap(SoapMessages.inlineRequest(envelope)))
                .accepted();

        Receipt receipt = records.assertAccepted(envelope, accepted.receipt(), document);
        assertThat(accepted.exchangeId()).isEqualTo(receipt.exchangeId());
        assertThat(accepted.repeated()).isFalse();
    }

    @Test
    void aRequestWithADocumentTypeDeclarationIsRefusedByTheEdgeAndAudited() throws Exception {
        String request = SoapMessages.inlineRequest(PartnerClient.seal(TestDocuments.json(PK_MOI, IQ_MOI)))
                .replace("<soap:Envelope", "<!DOCTYPE e [<!ENTITY x 'y'>]>\n<soap:Envelope");

        GatewayAnswer.Rejected rejected =
                GatewayAnswer.ofSoap(pkMoi().postSoap(request)).rejected();

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE);
        records.assertRejectionAudited(rejected, IntakeRoutes.EDGE_SOAP, PK_MOI.value());
    }

    @Test
    void aSubmitRequestWithoutAnEnvelopeIsRefusedByTheEdgeAndAudited() throws Exception {
        String request = SoapMessages.inlineRequest(new byte[0]).replace("<px:envelope></px:envelope>", "");

        GatewayAnswer.Rejected rejected =
                GatewayAnswer.ofSoap(pkMoi().postSoap(request)).rejected();

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE);
        records.assertRejectionAudited(rejected, IntakeRoutes.EDGE_SOAP, PK_MOI.value());
    }
}
