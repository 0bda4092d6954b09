package org.pouch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.CertificateAuthority;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.gateway.testing.ClientTls;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Both ports speak HTTPS and admit only clients with a certificate from the trusted CA. The clients here
 * trust the test root only, so the server's certificate is checked too.
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
    void withoutAClientCertificateTheHandshakeFailsOnBothPorts() {
        for (int port : List.of(partnerPort, managementPort)) {
            assertThatThrownBy(() -> get(ClientTls.anonymous(), port, "/actuator/health"))
                    .as("port %d", port)
                    .isInstanceOf(IOException.class)
                    .satisfies(MutualTlsTest::isTlsFailure);
        }
    }

    @Test
    void aCertificateFromAnUntrustedCaIsRefusedOnBothPorts() {
        Credential stranger = strangerTlsClient();
        for (int port : List.of(partnerPort, managementPort)) {
            assertThatThrownBy(() -> get(ClientTls.presenting(stranger), port, "/actuator/health"))
                    .as("port %d", port)
                    .isInstanceOf(IOException.class)
                    .satisfies(MutualTlsTest::isTlsFailure);
        }
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
        HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A well-formed TLS client certificate, from a CA the gateway has never heard of. */
    private static Credential strangerTlsClient() {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        CertificateAuthority stranger = CertificateAuthority.root(
                "C=XX, O=Stranger, CN=Stranger Root CA",
                KeySuite.EC_P256,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)),
                random);
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(random);
        X509Certificate certificate = stranger.issue(
                "C=PK, O=Stranger, OU=PK-MOI, CN=PK-MOI tls client",
                keys.getPublic(),
                CertificateProfile.TLS_CLIENT,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)));
        return new Credential(
                "stranger-tls-client", keys.getPrivate(), certificate, List.of(certificate, stranger.certificate()));
    }
}
