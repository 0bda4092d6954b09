package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.testing.TestPki;

/**
 * A signer's certificate is parsed once: the messages it signs give back the same certificate object
 * (and so the same public key, whose precomputation Bouncy Castle keeps), and another signer's
 * certificate is never taken for it. The other way, a certificate becomes Bouncy Castle's holder once, and
 * the holder is of that certificate.
 */
class ParsedCertificatesTest {

    private final TestPki pki = TestPki.shared();

    @Test
    void twoMessagesOfOneSignerGiveTheSameParsedCertificate() {
        Credential signer = pki.signing(PK_MOI, KeySuite.EC_P256);

        X509Certificate first = signerOf(signed("one", signer));
        X509Certificate second = signerOf(signed("two", signer));

        assertThat(second).isSameAs(first).isEqualTo(signer.certificate());
        assertThat(second.getPublicKey()).isSameAs(first.getPublicKey());
    }

    @Test
    void anotherSignersCertificateIsItsOwn() {
        X509Certificate pakistan = signerOf(signed("one", pki.signing(PK_MOI, KeySuite.EC_P256)));
        X509Certificate iraq = signerOf(signed("one", pki.signing(IQ_MOI, KeySuite.EC_P256)));
        X509Certificate rsa = signerOf(signed("one", pki.signing(PK_MOI, KeySuite.RSA_3072)));

        assertThat(iraq)
                .isNotEqualTo(pakistan)
                .isEqualTo(pki.signing(IQ_MOI, KeySuite.EC_P256).certificate());
        assertThat(rsa)
                .isNotEqualTo(pakistan)
                .isEqualTo(pki.signing(PK_MOI, KeySuite.RSA_3072).certificate());
    }

    @Test
    void aCertificateBecomesBouncyCastlesHolderOnceAndOnlyItsOwn() throws Exception {
        X509Certificate pakistan = pki.signing(PK_MOI, KeySuite.EC_P256).certificate();
        X509Certificate iraq = pki.signing(IQ_MOI, KeySuite.EC_P256).certificate();
        // An equal certificate in another object, as read again from a key store.
        X509Certificate pakistanAgain = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pakistan.getEncoded()));

        X509CertificateHolder first = ParsedCertificates.holderOf(pakistan);

        assertThat(first.getEncoded()).isEqualTo(pakistan.getEncoded());
        assertThat(ParsedCertificates.holderOf(pakistan)).isSameAs(first);
        assertThat(ParsedCertificates.holderOf(pakistanAgain)).isSameAs(first);
        assertThat(ParsedCertificates.holderOf(iraq).getEncoded())
                .isEqualTo(iraq.getEncoded())
                .isNotEqualTo(first.getEncoded());
    }

    private static byte[] signed(String content, Credential signer) {
        return CmsSigner.sign(content.getBytes(StandardCharsets.UTF_8), signer, Instant.now());
    }

    private static X509Certificate signerOf(byte[] signed) {
        return CmsSignatureVerifier.verify(signed).signer().certificate();
    }
}
