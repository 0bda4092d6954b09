package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.envelope.SenderDirectory;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.gateway.testing.RotatingGatewayTest;
import org.pouch.intake.Channel;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.Pem;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A rotation of the gateway's signing key: receipts and deliveries signed by the new key verify at the
 * partner, which learns the new certificate from the gateway's published certificates, and receipts signed
 * before by the old key still verify while it is secondary and after it is retired.
 */
@RotatingGatewayTest
class SigningKeyRotationTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    GatewayRecords records;

    @Test
    void receiptsAndDeliveriesSignedByTheNewKeyVerifyAtThePartnerAndOldReceiptsStillVerify() throws Exception {
        Officers officers = new Officers(managementPort);
        X509Certificate oldCertificate =
                Officers.certificateOf(officers.gatewayKey(KeyPurpose.SIGNING, "primary", "ec"));
        byte[] receiptBefore = acceptedReceipt(officers);

        JsonNode fresh = officers.generateAndImport(KeyPurpose.SIGNING, "ec");
        List<X509Certificate> publishedWhilePending = publishedSigningCertificates();
        // The partners' own systems fetch the new certificate before it signs anything.
        PartnerSystems.fetchedGatewaySigningCertificates(publishedWhilePending);
        officers.promote(fresh.path("id").asString());
        byte[] receiptAfter = acceptedReceipt(officers);
        X509Certificate newCertificate = Officers.certificateOf(fresh);
        assertThat(publishedWhilePending).contains(oldCertificate, newCertificate);

        // The partner trusts the gateway's signing certificates it fetched, old and new.
        ReceiptVerifier partnerSide = new ReceiptVerifier(
                gatewaySigningWith(publishedWhilePending), TestPki.shared().validator(), Clock.systemUTC());
        assertThat(partnerSide.verify(receiptAfter).signerCertificate()).isEqualTo(newCertificate);
        assertThat(partnerSide.verify(receiptBefore).signerCertificate())
                .as("the old key is secondary now")
                .isEqualTo(oldCertificate);

        // The exchange accepted after the promotion reaches IQ-MOI's system signed by the new key.
        String exchangeId = partnerSide.verify(receiptAfter).receipt().exchangeId();
        records.assertDelivered(exchangeId, IQ_MOI);
        List<LoggedRequest> delivered = PartnerSystems.shared().received(IQ_MOI, exchangeId);
        assertThat(delivered).isNotEmpty();
        OpenedMessage opened =
                PartnerSystems.open(IQ_MOI, delivered.get(delivered.size() - 1).getBody());
        assertThat(opened.signer()).isEqualTo(TestPki.GATEWAY);
        assertThat(opened.signerCertificate()).isEqualTo(newCertificate);
        assertThat(opened.document().header().messageId()).isEqualTo(exchangeId);

        var retired = officers.post("officer", "/api/v1/keys/" + idOf(officers, oldCertificate) + "/retire", "");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(partnerSide.verify(receiptBefore).signerCertificate()).isEqualTo(oldCertificate);
        assertThat(publishedSigningCertificates()).contains(newCertificate).doesNotContain(oldCertificate);
    }

    private byte[] acceptedReceipt(Officers officers) throws Exception {
        byte[] envelope = officers.sealedToCurrentKey(
                TestDocuments.json(PK_MOI, IQ_MOI), TestPki.shared().signing(PK_MOI, KeySuite.EC_P256));
        GatewayAnswer answer = PartnerClient.of(PK_MOI, partnerPort).submit(Channel.REST, envelope);
        assertThat(answer).isInstanceOf(GatewayAnswer.Accepted.class);
        return ((GatewayAnswer.Accepted) answer).receipt();
    }

    private List<X509Certificate> publishedSigningCertificates() throws Exception {
        HttpResponse<String> response = PartnerClient.of(PK_MOI, partnerPort).get(PublishedCertificatesController.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        List<X509Certificate> signing = new ArrayList<>();
        for (JsonNode published : Officers.JSON.readTree(response.body()).path("certificates")) {
            if (published.path("use").asString().equals("signing")) {
                signing.add(Pem.certificates(published.path("certificate").asString())
                        .get(0));
            }
        }
        return signing;
    }

    private static String idOf(Officers officers, X509Certificate certificate) throws Exception {
        for (String state : List.of("secondary", "primary")) {
            JsonNode key = officers.gatewayKey(KeyPurpose.SIGNING, state, "ec");
            if (Officers.certificateOf(key).equals(certificate)) {
                return key.path("id").asString();
            }
        }
        throw new AssertionError("no live key with " + certificate.getSubjectX500Principal());
    }

    private static SenderDirectory gatewaySigningWith(List<X509Certificate> certificates) {
        return new SenderDirectory() {
            @Override
            public Optional<ParticipantId> participantSigningWith(X509Certificate certificate) {
                return certificates.contains(certificate) ? Optional.of(TestPki.GATEWAY) : Optional.empty();
            }

            @Override
            public boolean allowsLegacyEncryption(ParticipantId participant) {
                return false;
            }
        };
    }
}
