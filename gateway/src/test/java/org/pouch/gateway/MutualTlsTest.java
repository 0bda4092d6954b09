package org.pouch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.gateway.testing.ClientTls;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.Channel;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Both ports speak HTTPS and admit only clients with a certificate from the trusted CA: on the partner port
 * neither edge is reached without one. The clients here trust the test root only, so the server's
 * certificate is checked too. A trusted certificate of no participant passes the handshake and is refused
 * by the intake (RejectionEndToEndTest).
 */
@GatewayTest
class MutualTlsTest {

    private static final TestPki PKI = TestPki.shared();

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void aStaffCertificateReadsHealthOnTheManagementPort() throws Exception {
        HttpResponse<String> health =
                get(ClientTls.presenting(PKI.pki().staff("operator")), managementPort, "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aParticipantCertificateIsAdmittedOnThePartnerPort() throws Exception {
        HttpResponse<String> response =
                get(ClientTls.presenting(PKI.pki().tlsClient(TestPki.PK_MOI)), partnerPort, "/actuator/health");

        // Admitted by TLS; the partner port has no actuator, so the application answers 404.
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAClientCertificateTheHandshakeFailsOnTheManagementPort() {
        assertThatThrownBy(() -> get(ClientTls.anonymous(), managementPort, "/actuator/health"))
                .isInstanceOf(IOException.class)
                .satisfies(MutualTlsTest::isTlsFailure);
    }

    @Test
    void aCertificateFromAnUntrustedCaIsRefusedOnTheManagementPort() {
        assertThatThrownBy(
                        () -> get(ClientTls.presenting(PKI.untrustedTlsClient()), managementPort, "/actuator/health"))
                .isInstanceOf(IOException.class)
                .satisfies(MutualTlsTest::isTlsFailure);
    }

    static Stream<Arguments> partnersTheHandshakeRefuses() {
        IntFunction<PartnerClient> anonymous = PartnerClient::anonymous;
        // The stranger's certificate claims to be PK-MOI's system, and the envelope is PK-MOI's own.
        IntFunction<PartnerClient> stranger = port -> PartnerClient.presenting(PKI.untrustedTlsClient(), port);
        return Stream.of(Channel.values())
                .flatMap(channel -> Stream.of(
                        Arguments.of(channel, Named.of("without a client certificate", anonymous)),
                        Arguments.of(channel, Named.of("with a certificate from a CA nobody trusts", stranger))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("partnersTheHandshakeRefuses")
    void aSubmissionFailsAtTheHandshake(Channel channel, IntFunction<PartnerClient> partner) {
        byte[] envelope = PartnerClient.seal(TestDocuments.json(TestPki.PK_MOI, TestPki.IQ_MOI));

        assertThatThrownBy(() -> partner.apply(partnerPort).submit(channel, envelope))
                .isInstanceOf(IOException.class)
                .satisfies(MutualTlsTest::isTlsFailure);
    }

    /** The request failed in TLS, not for some other reason such as a refused connection. */
    private static void isTlsFailure(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.add(cause);
        }
        assertThat(chain).anyMatch(SSLException.class::isInstance);
    }

    private static HttpResponse<String> get(SSLContext tls, int port, String path)
            throws IOException, InterruptedException {
        HttpClient client = ClientTls.httpClient(tls);
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
