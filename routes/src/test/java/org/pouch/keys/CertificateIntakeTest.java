package org.pouch.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.KeySuite;
import org.pouch.testing.TestPki;

/** What happens between a key's generation and its certificate joining a ring: CSR, PEM, the checks. */
class CertificateIntakeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUBJECT = "C=PK,O=Pouch,OU=PK-GW,CN=PK-GW signing";

    @Test
    void aCsrCarriesTheKeyAndSubjectAndProvesPossession() {
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(RANDOM);

        String csr = CertificationRequests.create(
                SUBJECT, keys.getPublic(), keys.getPrivate(), BouncyCastleProviders.publicKey());

        assertThat(csr).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(CertificationRequests.publicKeyOf(csr).getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
        assertThat(CertificationRequests.subjectOf(csr)).isEqualTo(SUBJECT);
    }

    @Test
    void aCsrSignedByAnotherKeyIsRefused() {
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(RANDOM);
        KeyPair other = KeySuite.EC_P256.generateKeyPair(RANDOM);

        String forged = CertificationRequests.create(
                SUBJECT, keys.getPublic(), other.getPrivate(), BouncyCastleProviders.publicKey());

        assertThatThrownBy(() -> CertificationRequests.publicKeyOf(forged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> CertificationRequests.publicKeyOf("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlaceholderIsSelfSignedForTheKey() throws Exception {
        KeyPair keys = KeySuite.RSA_3072.generateKeyPair(RANDOM);

        X509Certificate placeholder = CertificationRequests.placeholderCertificate(
                SUBJECT, keys.getPublic(), keys.getPrivate(), BouncyCastleProviders.publicKey(), Instant.now());

        placeholder.verify(keys.getPublic());
        assertThat(placeholder.getPublicKey()).isEqualTo(keys.getPublic());
    }

    @Test
    void pemRoundTripsAChainAndRefusesNonsense() {
        X509Certificate issuing = TestPki.shared().pki().issuingAuthority().certificate();
        X509Certificate signing =
                TestPki.shared().signing(TestPki.PK_MOI, KeySuite.EC_P256).certificate();

        assertThat(Pem.certificates(Pem.certificate(signing) + Pem.certificate(issuing)))
                .containsExactly(signing, issuing);
        assertThatThrownBy(() -> Pem.certificates("not a certificate")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "a {1} certificate for the {0} ring: {2}")
    @CsvSource({
        "signing, SIGNING, accepted",
        "audit-checkpoint, SIGNING, accepted",
        "encryption, ENCRYPTION, accepted",
        "tls-server, TLS_SERVER, accepted",
        "signing, ENCRYPTION, refused",
        "encryption, SIGNING, refused",
        "tls-server, TLS_CLIENT, refused"
    })
    void aCertificateMustBeIssuedForTheRingsPurpose(String ring, CertificateProfile profile, String outcome) {
        KeyPurpose purpose = KeyPurpose.fromWireName(ring);
        List<X509Certificate> chain = List.of(
                issue(profile), TestPki.shared().pki().issuingAuthority().certificate());

        if (outcome.equals("accepted")) {
            IssuedCertificates.check(chain, purpose, TestPki.shared().validator(), Instant.now());
        } else {
            assertThatThrownBy(() -> IssuedCertificates.check(
                            chain, purpose, TestPki.shared().validator(), Instant.now()))
                    .isInstanceOfSatisfying(
                            KeyRingRefusal.class,
                            r -> assertThat(r.reason()).isEqualTo(KeyRingRefusal.Reason.CERTIFICATE_NOT_TRUSTED))
                    .hasMessageContaining("key usage");
        }
    }

    @Test
    void aCertificateFromAnUnknownCaOrRevokedIsNotTrusted() {
        for (X509Certificate certificate : List.of(
                TestPki.shared().untrustedSigning().certificate(),
                TestPki.shared().pki().revokedSigning().certificate())) {
            assertThatThrownBy(() -> IssuedCertificates.check(
                            List.of(certificate),
                            KeyPurpose.SIGNING,
                            TestPki.shared().validator(),
                            Instant.now()))
                    .isInstanceOfSatisfying(
                            KeyRingRefusal.class,
                            r -> assertThat(r.reason()).isEqualTo(KeyRingRefusal.Reason.CERTIFICATE_NOT_TRUSTED));
        }
    }

    @Test
    void purposesHaveWireNamesAndDecryptionNamesTheEncryptionRing() {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            assertThat(KeyPurpose.fromWireName(purpose.wireName())).isEqualTo(purpose);
        }
        assertThat(KeyPurpose.fromWireName("Decryption")).isEqualTo(KeyPurpose.ENCRYPTION);
        assertThatThrownBy(() -> KeyPurpose.fromWireName("sealing")).hasMessageContaining("unknown key purpose");
        assertThat(new RingId(TestPki.GATEWAY, KeyPurpose.TLS_SERVER)).hasToString("PK-GW/tls-server");
    }

    private static X509Certificate issue(CertificateProfile profile) {
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(RANDOM);
        Instant now = Instant.now();
        return TestPki.shared()
                .pki()
                .issuingAuthority()
                .issue(
                        "C=PK, O=Pouch, CN=ring test",
                        keys.getPublic(),
                        profile,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)));
    }
}
