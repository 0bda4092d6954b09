package org.pouch.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pouch.envelope.OpenedMessage;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.Origin;
import org.pouch.formats.MessageType;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.gateway.testing.GatewayProcess;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.intake.Channel;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/**
 * Pakistan's gateway delivers to Iraq's Ministry of Interior, which runs a Pouch gateway of its own: the
 * envelope profile is the same on both sides. Iraq's gateway takes the ministry's participant id and
 * keys (it is the ministry's face to its partners), knows Pakistan's gateway as a participant, and hands
 * what is addressed to the ministry to the ministry's own system (WireMock), whose directory entry it
 * holds under the ministry's id.
 */
class TwoGatewaysTest {

    private GatewayProcess pakistan;
    private GatewayProcess iraq;

    @AfterEach
    void stop() throws Exception {
        if (pakistan != null) {
            pakistan.close();
        }
        if (iraq != null) {
            iraq.close();
        }
        PartnerSystems.shared().reset();
    }

    @Test
    void aPilgrimListSealedByPakistansMinistryArrivesVerifiedAtIraqsMinistryThroughBothGateways() throws Exception {
        iraq = GatewayProcess.prepare(iraqsGateway()).start();
        pakistan = GatewayProcess.prepare(Map.of(
                        "pouch.directory.participants.IQ-MOI.endpoint.url",
                        "https://localhost:" + iraq.partnerPort() + "/api/v1/envelopes"))
                .start();

        ExchangeDocument sent = TestDocuments.json(PK_MOI, IQ_MOI);
        String pakistansExchange = PartnerClient.of(PK_MOI, pakistan.partnerPort())
                .submit(Channel.REST, PartnerClient.seal(sent))
                .accepted()
                .exchangeId();

        PartnerSystems partners = PartnerSystems.shared();
        await().atMost(Duration.ofMinutes(5))
                .until(() -> partners.server().getAllServeEvents().stream()
                        .filter(event -> event.getRequest().getUrl().equals(PartnerSystems.inbox(IQ_MOI)))
                        .anyMatch(event -> originOf(event.getRequest())
                                .equals(new Origin(PK_MOI, sent.header().messageId()))));

        LoggedRequest arrived = partners.server().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().equals(PartnerSystems.inbox(IQ_MOI)))
                .filter(request -> originOf(request)
                        .equals(new Origin(PK_MOI, sent.header().messageId())))
                .findFirst()
                .orElseThrow();
        OpenedMessage opened = PartnerSystems.open(IQ_MOI, arrived.getBody());
        Header header = opened.document().header();
        assertThat(opened.signer())
                .as("signed by Iraq's gateway, with the ministry's key")
                .isEqualTo(IQ_MOI);
        assertThat(header.from()).isEqualTo(IQ_MOI);
        assertThat(header.to()).isEqualTo(IQ_MOI);
        assertThat(header.inReplyTo()).isEmpty();
        MessageType<?> pilgrimList = MessageTypes.lookup("pilgrim-list", "1.0");
        assertThat(pilgrimList.read(opened.document().payload())).isEqualTo(pilgrimList.read(sent.payload()));
        assertThat(partners.received(IQ_MOI, pakistansExchange))
                .as("Pakistan's gateway delivered to Iraq's gateway, not to the ministry's system")
                .isEmpty();
    }

    private static Origin originOf(LoggedRequest request) {
        return PartnerSystems.open(IQ_MOI, request.getBody())
                .document()
                .header()
                .origin()
                .orElseThrow();
    }

    /**
     * Iraq's gateway: the ministry's participant id and keys; Pakistan's gateway ({@link TestPki#GATEWAY})
     * as a participant by its signing and TLS client certificates; one policy rule.
     */
    private static Map<String, String> iraqsGateway() {
        String pki = "${pouch.pki-directory}";
        String pakistansGateway = "pouch.directory.participants." + TestPki.GATEWAY.value() + ".";
        return Map.ofEntries(
                Map.entry("pouch.participant-id", IQ_MOI.value()),
                Map.entry("pouch.keys.signing.path", pki + "/participants/iq-moi/signing-ec.p12"),
                Map.entry("pouch.keys.decryption[0].path", pki + "/participants/iq-moi/encryption-ec.p12"),
                Map.entry("pouch.keys.decryption[0].password", "pouch-example"),
                Map.entry("pouch.keys.tls-client.path", pki + "/participants/iq-moi/tls-client.p12"),
                Map.entry(pakistansGateway + "name", "Pouch gateway, Ministry of Interior, Pakistan"),
                Map.entry(pakistansGateway + "signing-certificates[0]", pki + "/gateway/signing-ec.crt"),
                Map.entry(pakistansGateway + "tls-client-certificates[0]", pki + "/gateway/tls-client.crt"),
                Map.entry("pouch.directory.policy[0].from", TestPki.GATEWAY.value()),
                Map.entry("pouch.directory.policy[0].type", "pilgrim-list"),
                Map.entry("pouch.directory.policy[0].to", IQ_MOI.value()));
    }
}
