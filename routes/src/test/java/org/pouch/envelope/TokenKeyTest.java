package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/**
 * The token path of the envelope (a key that only its own provider can use: raw ECDH there, the KDF and
 * unwrap here; signatures there) run with the JDK's own EC provider standing in for a PKCS#11 token, so
 * it is checked wherever the build runs. The gateway's tests run the same path on SoftHSM2.
 */
class TokenKeyTest {

    private static final Provider STAND_IN = java.security.Security.getProvider("SunEC");

    @Test
    void anEnvelopeSealedToAKeyHeldByAnotherProviderOpensThroughItsRawEcdh() throws Exception {
        Credential token = tokenCredential(CertificateProfile.ENCRYPTION);
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = new EnvelopeSealer(
                        () -> TestPki.shared().signing(PK_MOI, KeySuite.EC_P256), Clock.systemUTC())
                .seal(document, token.certificate());

        OpenedMessage opened = new EnvelopeOpener(
                        DecryptionKeys.of(token),
                        TestPki.shared().senders(),
                        TestPki.shared().validator(),
                        Clock.systemUTC())
                .open(envelope);

        assertThat(token.heldInToken()).isTrue();
        assertThat(opened.document()).isEqualTo(document);
        assertThat(opened.openedWith()).isEqualTo(token.certificate());
    }

    @Test
    void aSignatureMadeByTheKeysOwnProviderVerifies() throws Exception {
        Credential token = tokenCredential(CertificateProfile.SIGNING);

        byte[] signed = CmsSigner.sign(new byte[] {1, 2, 3}, token, Instant.now());

        assertThat(CmsSignatureVerifier.verify(signed).signer().certificate()).isEqualTo(token.certificate());
    }

    private static Credential tokenCredential(CertificateProfile profile) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", STAND_IN);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = TestPki.shared()
                .pki()
                .issuingAuthority()
                .issue(
                        "C=PK, O=Pouch, OU=PK-GW, CN=token key",
                        keys.getPublic(),
                        profile,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)));
        return new Credential(
                "token",
                keys.getPrivate(),
                certificate,
                List.of(certificate, TestPki.shared().pki().issuingAuthority().certificate()),
                STAND_IN);
    }
}
