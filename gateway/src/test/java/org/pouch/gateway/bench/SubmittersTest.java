package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.URI;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.testing.ClientTls;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The load generator's two ways in, against the real gateway: what they count as accepted and refused. */
@GatewayTest
class SubmittersTest {

    @LocalServerPort
    int partnerPort;

    static Stream<String> channels() {
        return Stream.of("rest", "soap");
    }

    private LoadStage.Submitter submitter(String channel) {
        URI gateway = URI.create("https://localhost:" + partnerPort + "/");
        SSLContext tls = ClientTls.presenting(TestPki.shared().pki().tlsClient(PK_MOI));
        return channel.equals("rest") ? new RestSubmitter(gateway, tls) : new SoapSubmitter(gateway, tls);
    }

    @ParameterizedTest
    @MethodSource("channels")
    void aSealedListIsCountedAccepted(String channel) throws Exception {
        byte[] envelope = PartnerClient.seal(TestDocuments.json(PK_MOI, IQ_MOI));

        assertThat(submitter(channel).submit(envelope)).isEqualTo(LoadStage.Outcome.ACCEPTED);
    }

    @ParameterizedTest
    @MethodSource("channels")
    void aRefusalIsCountedByTheReasonCodeTheGatewayGives(String channel) throws Exception {
        byte[] notAnEnvelope = "not a CMS envelope".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        LoadStage.Outcome outcome = submitter(channel).submit(notAnEnvelope);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE.code());
    }
}
