package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
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
 * A full rotation of the gateway's EC decryption key while PK-MOI keeps sending, through the real
 * gateway: officers on the management port, the partner over mutual TLS on the partner port.
 */
@RotatingGatewayTest
class DecryptionKeyRotationTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    GatewayRecords records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void messagesSealedToTheOldKeyOpenUntilItIsRetiredAndToTheNewKeyThroughout() throws Exception {
        Officers officers = new Officers(managementPort);
        JsonNode old = officers.gatewayKey(KeyPurpose.ENCRYPTION, "primary", "ec");
        X509Certificate oldCertificate = Officers.certificateOf(old);

        JsonNode fresh = officers.generateAndImport(KeyPurpose.ENCRYPTION, "ec");
        X509Certificate newCertificate = Officers.certificateOf(fresh);
        String freshId = fresh.path("id").asString();
        assertThat(fresh.path("state").asString()).isEqualTo("pending");
        // Published before it is primary: partners may seal to it at once.
        assertAccepted(sealedTo(oldCertificate));
        assertAccepted(sealedTo(newCertificate));

        officers.promote(freshId);
        assertThat(officers.gatewayKey(KeyPurpose.ENCRYPTION, "secondary", "ec")
                        .path("id")
                        .asString())
                .isEqualTo(old.path("id").asString());
        assertAccepted(sealedTo(oldCertificate));
        assertAccepted(sealedTo(newCertificate));

        var retired = officers.post("officer", "/api/v1/keys/" + old.path("id").asString() + "/retire", "{}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertRejected(sealedTo(oldCertificate), RejectionReason.KEY_RETIRED);
        assertAccepted(sealedTo(newCertificate));

        var destroyed =
                officers.post("officer", "/api/v1/keys/" + old.path("id").asString() + "/destroy", "");
        assertThat(destroyed.statusCode()).as(destroyed.body()).isEqualTo(200);
        assertThat(Officers.JSON.readTree(destroyed.body()).path("state").asString())
                .isEqualTo("destroyed");
        assertRejected(sealedTo(oldCertificate), RejectionReason.KEY_RETIRED);
        assertAccepted(sealedTo(newCertificate));

        List<String> steps = jdbc.sql(
                        "select step || ' by ' || actor from audit_events where type = 'KEY_EVENT' and step like 'keys.%' order by seq")
                .query(String.class)
                .list();
        assertThat(steps)
                .contains(
                        "keys.generate by officer",
                        "keys.import by officer",
                        "keys.promote by officer",
                        "keys.promote by officer-2",
                        "keys.retire by officer",
                        "keys.destroy by officer");
    }

    private static byte[] sealedTo(X509Certificate gatewayCertificate) {
        return new EnvelopeSealer(() -> TestPki.shared().signing(PK_MOI, KeySuite.EC_P256), Clock.systemUTC())
                .seal(TestDocuments.json(PK_MOI, IQ_MOI), gatewayCertificate);
    }

    private void assertAccepted(byte[] envelope) throws Exception {
        GatewayAnswer answer = PartnerClient.of(PK_MOI, partnerPort).submit(Channel.REST, envelope);
        assertThat(answer).isInstanceOf(GatewayAnswer.Accepted.class);
    }

    private void assertRejected(byte[] envelope, RejectionReason reason) throws Exception {
        GatewayAnswer answer = PartnerClient.of(PK_MOI, partnerPort).submit(Channel.REST, envelope);
        assertThat(answer)
                .isInstanceOfSatisfying(
                        GatewayAnswer.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
