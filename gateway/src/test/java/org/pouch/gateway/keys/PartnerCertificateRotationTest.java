package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.RotatingGatewayTest;
import org.pouch.intake.Channel;
import org.pouch.keys.Pem;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * PK-MOI rotates its RSA signing certificate with overlap: its new certificate is registered, promoted,
 * and for the overlap both old and new signatures are accepted; once the old one is retired only the new.
 * (PK-MOI's EC signing key, which the other rotation tests sign with, stays live throughout.)
 */
@RotatingGatewayTest
class PartnerCertificateRotationTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void oldAndNewSignaturesAreAcceptedDuringTheOverlapAndOnlyTheNewAfter() throws Exception {
        Officers officers = new Officers(managementPort);
        Credential old = TestPki.shared().signing(PK_MOI, KeySuite.RSA_3072);
        Credential renewed = newSigningCredential();

        var registered = officers.post(
                "officer",
                "/api/v1/partners/PK-MOI/certificates",
                Officers.JSON.writeValueAsString(
                        Map.of("purpose", "signing", "certificate", Pem.certificate(renewed.certificate()))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode pending = Officers.JSON.readTree(registered.body());
        assertThat(pending.path("state").asString()).isEqualTo("pending");
        assertRejected(officers, renewed, RejectionReason.SIGNER_UNKNOWN);

        officers.promote(pending.path("id").asString());
        assertAccepted(officers, old);
        assertAccepted(officers, renewed);

        String oldId = idOf(officers, old.certificate());
        var retired = officers.post("officer", "/api/v1/keys/" + oldId + "/retire", "");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertRejected(officers, old, RejectionReason.SIGNER_UNKNOWN);
        assertAccepted(officers, renewed);
        assertAccepted(officers, TestPki.shared().signing(PK_MOI, KeySuite.EC_P256));

        var destroy = officers.post("officer", "/api/v1/keys/" + oldId + "/destroy", "");
        assertThat(destroy.statusCode()).isEqualTo(409);
        assertThat(Officers.JSON.readTree(destroy.body()).path("code").asString())
                .isEqualTo("unsupported");
    }

    private static Credential newSigningCredential() {
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(new SecureRandom());
        Instant now = Instant.now();
        X509Certificate issuing = Officers.pki().issuingAuthority().certificate();
        X509Certificate certificate = Officers.pki()
                .issuingAuthority()
                .issue(
                        "C=PK, O=Pouch Example PKI (not for production), OU=PK-MOI, CN=PK-MOI signing 2027",
                        keys.getPublic(),
                        CertificateProfile.SIGNING,
                        now.minus(Duration.ofMinutes(5)),
                        now.plus(Duration.ofDays(365)));
        return new Credential("pk-moi-signing-2027", keys.getPrivate(), certificate, List.of(certificate, issuing));
    }

    private static String idOf(Officers officers, X509Certificate certificate) throws Exception {
        var listed = officers.as("officer").get("/api/v1/partners/PK-MOI/certificates");
        for (JsonNode key : Officers.JSON.readTree(listed.body())) {
            if (!key.path("certificate").isNull() && Officers.certificateOf(key).equals(certificate)) {
                return key.path("id").asString();
            }
        }
        throw new AssertionError("PK-MOI has no ring entry for " + certificate.getSubjectX500Principal());
    }

    private void assertAccepted(Officers officers, Credential signer) throws Exception {
        GatewayAnswer answer = submit(officers, signer);
        assertThat(answer).isInstanceOf(GatewayAnswer.Accepted.class);
    }

    private void assertRejected(Officers officers, Credential signer, RejectionReason reason) throws Exception {
        GatewayAnswer answer = submit(officers, signer);
        assertThat(answer)
                .isInstanceOfSatisfying(
                        GatewayAnswer.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private GatewayAnswer submit(Officers officers, Credential signer) throws Exception {
        byte[] envelope = officers.sealedToCurrentKey(TestDocuments.json(PK_MOI, IQ_MOI), signer);
        return PartnerClient.of(PK_MOI, partnerPort).submit(Channel.REST, envelope);
    }
}
