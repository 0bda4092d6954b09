package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.gateway.testing.ClientTls;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.RotatingGatewayTest;
import org.pouch.intake.Channel;
import org.pouch.keys.KeyPurpose;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A rotation of the gateway's TLS server key on the running gateway: once promoted, new handshakes on both
 * ports present the new certificate, a connection opened before keeps being served, and partners that
 * trust the CA notice nothing. Promoting the previous key while it is secondary rolls back the same way,
 * and leaves this shared gateway serving what it served before.
 */
@RotatingGatewayTest
class TlsServerKeyRotationTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPromotedTlsServerKeyIsServedToNewHandshakesWithoutARestartAndRollsBack() throws Exception {
        Officers officers = new Officers(managementPort);
        JsonNode seeded = officers.gatewayKey(KeyPurpose.TLS_SERVER, "primary", "ec");
        X509Certificate oldCertificate = Officers.certificateOf(seeded);
        // Seeded on first start from the configured server key store, which the ports serve.
        assertThat(servedOnPartnerPort()).isEqualTo(oldCertificate);

        JsonNode fresh = officers.generateAndImport(KeyPurpose.TLS_SERVER, "ec");
        X509Certificate newCertificate = Officers.certificateOf(fresh);
        assertThat(servedOnPartnerPort()).as("a pending key is not served").isEqualTo(oldCertificate);

        try (SSLSocket openedBefore = handshake()) {
            officers.promote(fresh.path("id").asString());

            X509Certificate served = servedOnPartnerPort();
            assertThat(served.getSerialNumber()).isEqualTo(newCertificate.getSerialNumber());
            assertThat(served.getPublicKey()).isEqualTo(newCertificate.getPublicKey());
            assertThat(servedOnManagementPort()).isEqualTo(newCertificate);
            assertThatThrownBy(() -> PartnerClient.anonymous(partnerPort).get(PublishedCertificatesController.PATH))
                    .as("the configured trust store and client authentication stay")
                    .isInstanceOf(IOException.class);
            assertThat(getOver(openedBefore)).startsWith("HTTP/1.1 200");
            assertThat(openedBefore.getSession().getPeerCertificates()[0]).isEqualTo(oldCertificate);
        }
        byte[] envelope = officers.sealedToCurrentKey(
                TestDocuments.json(PK_MOI, IQ_MOI), TestPki.shared().signing(PK_MOI, KeySuite.EC_P256));
        assertThat(PartnerClient.of(PK_MOI, partnerPort).submit(Channel.REST, envelope))
                .isInstanceOf(GatewayAnswer.Accepted.class);

        // Rolled back: the previous key is secondary, so it may be promoted again.
        officers.promote(seeded.path("id").asString());
        assertThat(servedOnPartnerPort()).isEqualTo(oldCertificate);
        assertThat(servedOnManagementPort()).isEqualTo(oldCertificate);

        List<String> steps = jdbc.sql("select step || ' by ' || actor from audit_events where type = 'KEY_EVENT'"
                        + " and details like '%PK-GW/tls-server%' order by seq")
                .query(String.class)
                .list();
        assertThat(steps)
                .containsSubsequence(
                        "keys.bootstrap by bootstrap",
                        "keys.generate by officer",
                        "keys.import by officer",
                        "keys.promote by officer",
                        "keys.promote by officer-2",
                        "keys.promote by officer",
                        "keys.promote by officer-2");
    }

    /** The certificate a new handshake on the partner port presents. */
    private X509Certificate servedOnPartnerPort() throws Exception {
        HttpResponse<String> response = PartnerClient.of(PK_MOI, partnerPort).get(PublishedCertificatesController.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        return leaf(response.sslSession().orElseThrow());
    }

    private X509Certificate servedOnManagementPort() throws Exception {
        HttpResponse<String> response =
                ManagementClient.as("operator", managementPort).get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        return leaf(response.sslSession().orElseThrow());
    }

    /** A partner's connection to the partner port, handshaken and idle. */
    private SSLSocket handshake() throws IOException {
        SSLSocket socket =
                (SSLSocket) ClientTls.presenting(TestPki.shared().pki().tlsClient(PK_MOI))
                        .getSocketFactory()
                        .createSocket("localhost", partnerPort);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** A request over an open connection; the answer as text. */
    private static String getOver(SSLSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + PublishedCertificatesController.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static X509Certificate leaf(SSLSession session) throws SSLPeerUnverifiedException {
        return (X509Certificate) session.getPeerCertificates()[0];
    }
}
