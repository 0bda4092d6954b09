package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.security.MessageDigest;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

class EnvelopeRoundTripTest {

    private final TestPki pki = TestPki.shared();
    private final EnvelopeOpener gateway =
            new EnvelopeOpener(pki.gatewayDecryptionKeys(), pki.senders(), pki.validator(), Clock.systemUTC());

    @ParameterizedTest(name = "signed {0}, sealed to {1}")
    @CsvSource({"EC_P256, EC_P256", "EC_P256, RSA_3072", "RSA_3072, EC_P256", "RSA_3072, RSA_3072"})
    void sealedDocumentOpensToTheSameDocumentAndSigner(KeySuite signerSuite, KeySuite recipientSuite) throws Exception {
        Credential signer = pki.signing(PK_MOI, signerSuite);
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);

        byte[] envelope = new EnvelopeSealer(() -> signer, Clock.systemUTC())
                .seal(document, pki.encryption(GATEWAY, recipientSuite).certificate());
        OpenedMessage opened = gateway.open(envelope);

        assertThat(opened.document()).isEqualTo(document);
        assertThat(opened.signer()).isEqualTo(PK_MOI);
        assertThat(opened.signerCertificate()).isEqualTo(signer.certificate());
        assertThat(opened.openedWith())
                .isEqualTo(pki.encryption(GATEWAY, recipientSuite).certificate());
        assertThat(opened.envelopeSha256())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(envelope));
        assertThat(opened.legacyEncryption()).isFalse();
    }

    @ParameterizedTest(name = "{0} payload")
    @EnumSource(PayloadType.class)
    void everyPayloadTypeSurvivesTheRoundTrip(PayloadType type) {
        String text = switch (type) {
            case JSON -> "{\"note\":\"زائرین کی فہرست\"}";
            case XML -> "<pilgrimList xmlns=\"urn:pouch:pilgrim-list:1\"><leader>علي</leader></pilgrimList>";
            case CSV -> "surname,given_names,passport\nKhan,Ayesha,AB1234567\n";
            case CALENDAR -> "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Pouch//EN\r\nEND:VCALENDAR\r\n";
        };
        ExchangeDocument document = TestDocuments.document(PK_MOI, IQ_MOI, Payload.of(type, text));

        byte[] envelope = new EnvelopeSealer(() -> pki.signing(PK_MOI, KeySuite.EC_P256), Clock.systemUTC())
                .seal(document, pki.encryption(GATEWAY, KeySuite.EC_P256).certificate());

        OpenedMessage opened = gateway.open(envelope);
        assertThat(opened.document().payload().type()).isEqualTo(type);
        assertThat(opened.document().payload().text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void twoSealsOfTheSameDocumentDiffer(KeySuite recipientSuite) {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        EnvelopeSealer sealer = new EnvelopeSealer(() -> pki.signing(PK_MOI, KeySuite.EC_P256), Clock.systemUTC());

        byte[] first =
                sealer.seal(document, pki.encryption(GATEWAY, recipientSuite).certificate());
        byte[] second =
                sealer.seal(document, pki.encryption(GATEWAY, recipientSuite).certificate());

        assertThat(first).isNotEqualTo(second);
        assertThat(gateway.open(first).document())
                .isEqualTo(gateway.open(second).document());
    }
}
