package org.pouch.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.delivery.PartnerTransport;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Receipt;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.spool.Spool;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both transports send an envelope of several megabytes from a spool file, read as it goes out: the
 * partner gets every byte (its signed receipt names the SHA-256 of what it opened), REST with a
 * Content-Length rather than chunked, SOAP as an MTOM attachment.
 */
@GatewayTest
class PartnerTransportStreamingTest {

    private static final TestPki PKI = TestPki.shared();

    @Autowired
    PartnerTransport restPartnerTransport;

    @Autowired
    SoapPartnerTransport soapPartnerTransport;

    @Autowired
    ParticipantDirectory directory;

    @AfterEach
    void partnersAnswerAsUsual() {
        PartnerSystems.shared().reset();
    }

    @Test
    void restPostsALargeEnvelopeFromAFileWithItsLength() throws Exception {
        try (Spool envelope = sealedFor(IQ_MOI)) {
            String key = UUID.randomUUID().toString();

            PartnerTransport.Result result = restPartnerTransport.send(partner(IQ_MOI), key, envelope);

            assertReceiptNames(result, IQ_MOI, envelope);
            LoggedRequest received =
                    PartnerSystems.shared().received(IQ_MOI, key).get(0);
            assertThat(received.getHeader("Content-Length")).isEqualTo(Long.toString(envelope.size()));
            assertThat(received.getHeader("Transfer-Encoding")).isNull();
        }
    }

    @Test
    void soapSendsALargeEnvelopeFromAFileAsAnAttachment() throws Exception {
        try (Spool envelope = sealedFor(BE_IBZ)) {
            String key = UUID.randomUUID().toString();

            PartnerTransport.Result result = soapPartnerTransport.send(partner(BE_IBZ), key, envelope);

            assertReceiptNames(result, BE_IBZ, envelope);
            LoggedRequest received =
                    PartnerSystems.shared().received(BE_IBZ, key).get(0);
            assertThat(received.getHeader("Content-Type")).contains("multipart/related");
        }
    }

    private Participant partner(ParticipantId id) {
        return directory.find(id).orElseThrow();
    }

    /** A list of 20,000 pilgrims sealed as a stream into a spool file, as delivery prepares one. */
    private static Spool sealedFor(ParticipantId recipient) throws IOException {
        List<TestPilgrims.Listed> pilgrims = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            pilgrims.add(new TestPilgrims.Listed(String.format("AB%07d", i), "Khan", "Ayesha"));
        }
        ExchangeDocument document = TestDocuments.document(
                GATEWAY,
                recipient,
                TestPilgrims.list(
                        TestPilgrims.freshGroupReference(), LocalDate.now().plusDays(30), 20, pilgrims));
        Spool.Writer writer = Spool.writer(1024 * 1024);
        new EnvelopeSealer(() -> PKI.signing(GATEWAY, KeySuite.EC_P256), Clock.systemUTC())
                .seal(document, PKI.encryption(recipient, KeySuite.EC_P256).certificate(), writer);
        Spool spool = writer.finish();
        assertThat(spool.onDisk()).isTrue();
        return spool;
    }

    private static void assertReceiptNames(PartnerTransport.Result result, ParticipantId partner, Spool envelope)
            throws IOException {
        assertThat(result).isInstanceOfSatisfying(PartnerTransport.Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.receipt()).isPresent();
        });
        Receipt receipt = new ReceiptVerifier(PKI.senders(), PKI.validator(), Clock.systemUTC())
                .verify(((PartnerTransport.Answered) result).receipt().orElseThrow())
                .receipt();
        assertThat(receipt.gateway()).isEqualTo(partner);
        assertThat(receipt.envelopeSha256()).isEqualTo(sha256(envelope));
    }

    private static String sha256(Spool envelope) throws IOException {
        try (var in = envelope.openStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
