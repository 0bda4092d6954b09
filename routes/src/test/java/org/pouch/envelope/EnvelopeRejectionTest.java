package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.HostileEnvelopes.Signing;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/** One test per rejection the envelope can produce, each from a real, precisely broken CMS structure. */
class EnvelopeRejectionTest {

    private final TestPki pki = TestPki.shared();
    private final X509Certificate gatewayEc =
            pki.encryption(GATEWAY, KeySuite.EC_P256).certificate();
    private final X509Certificate gatewayRsa =
            pki.encryption(GATEWAY, KeySuite.RSA_3072).certificate();
    private final EnvelopeOpener gateway = opener(pki.gatewayDecryptionKeys());

    private EnvelopeOpener opener(DecryptionKeys keys) {
        return new EnvelopeOpener(keys, pki.senders(), pki.validator(), Clock.systemUTC());
    }

    private byte[] sealAs(Credential signer, ExchangeDocument document, X509Certificate recipient) {
        return new EnvelopeSealer(() -> signer, Clock.systemUTC()).seal(document, recipient);
    }

    private byte[] sealAs(Credential signer, X509Certificate recipient) {
        return sealAs(signer, TestDocuments.json(PK_MOI, IQ_MOI), recipient);
    }

    /** Signs the way the test says, then encrypts the way the profile says. */
    private byte[] sealCustom(Credential signer, Signing signing) throws Exception {
        return HostileEnvelopes.signedThenSealed(TestDocuments.json(PK_MOI, IQ_MOI), signer, signing, gatewayEc);
    }

    private static void assertRejected(ThrowingCallable open, RejectionReason reason) {
        assertThatThrownBy(open)
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).as(e.detail()).isEqualTo(reason));
    }

    @Test
    void garbageIsMalformed() {
        byte[] garbage = "this is not DER at all".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> gateway.open(garbage), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void emptyInputIsMalformed() {
        assertRejected(() -> gateway.open(new byte[0]), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void truncatedEnvelopeIsMalformed() {
        byte[] envelope = sealAs(pki.signing(PK_MOI, KeySuite.EC_P256), gatewayEc);
        byte[] truncated = Arrays.copyOf(envelope, envelope.length - 40);
        assertRejected(() -> gateway.open(truncated), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void trailingBytesAfterTheEnvelopeAreMalformed() {
        byte[] envelope = sealAs(pki.signing(PK_MOI, KeySuite.EC_P256), gatewayEc);
        byte[] extended = Arrays.copyOf(envelope, envelope.length + 3);
        assertRejected(() -> gateway.open(extended), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void envelopeOverTheSizeLimitIsTooLarge() {
        byte[] envelope = sealAs(pki.signing(PK_MOI, KeySuite.EC_P256), gatewayEc);
        EnvelopeOpener small = new EnvelopeOpener(
                pki.gatewayDecryptionKeys(), pki.senders(), pki.validator(), Clock.systemUTC(), envelope.length - 1);
        assertRejected(() -> small.open(envelope), RejectionReason.TOO_LARGE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void sealedToAnotherParticipantIsNotAddressedToTheGateway(KeySuite suite) {
        byte[] envelope = sealAs(
                pki.signing(PK_MOI, KeySuite.EC_P256),
                pki.encryption(IQ_MOI, suite).certificate());
        assertRejected(() -> gateway.open(envelope), RejectionReason.NOT_ADDRESSED_TO_GATEWAY);
    }

    @Test
    void sealedToARetiredKeyIsRejectedAsRetired() {
        byte[] envelope = sealAs(pki.signing(PK_MOI, KeySuite.EC_P256), gatewayRsa);
        DecryptionKeys afterRotation = new DecryptionKeys() {
            @Override
            public List<Credential> openingKeys() {
                return List.of(pki.encryption(GATEWAY, KeySuite.EC_P256));
            }

            @Override
            public List<X509Certificate> retiredCertificates() {
                return List.of(gatewayRsa);
            }
        };
        assertRejected(() -> opener(afterRotation).open(envelope), RejectionReason.KEY_RETIRED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void flippedGcmTagFailsDecryption(KeySuite suite) throws Exception {
        byte[] envelope = HostileEnvelopes.withFlippedTag(sealAs(
                pki.signing(PK_MOI, KeySuite.EC_P256),
                pki.encryption(GATEWAY, suite).certificate()));
        assertRejected(() -> gateway.open(envelope), RejectionReason.DECRYPTION_FAILED);
    }

    @Test
    void contentAlteredUnderTheSignatureIsAnInvalidSignature() throws Exception {
        byte[] signed = HostileEnvelopes.profileSigned(
                TestDocuments.json(PK_MOI, IQ_MOI), pki.signing(PK_MOI, KeySuite.EC_P256));
        byte[] forged = ExchangeDocumentCodec.encode(TestDocuments.json(PK_MOI, PK_FIA));
        byte[] envelope =
                HostileEnvelopes.authEnveloped(HostileEnvelopes.withContentReplaced(signed, forged), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.SIGNATURE_INVALID);
    }

    @Test
    void signerWhoIsNotTheHeadersSenderIsRefused() {
        byte[] envelope = sealAs(pki.signing(PK_FIA, KeySuite.EC_P256), TestDocuments.json(PK_MOI, IQ_MOI), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.SIGNER_NOT_SENDER);
    }

    @Test
    void signerFromAnUntrustedCaIsUntrusted() {
        byte[] envelope = sealAs(pki.untrustedSigning(), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void trustedCertificateThatNoParticipantRegisteredIsAnUnknownSigner() {
        // A participant's TLS client certificate chains to the trusted root but is not a signing key.
        byte[] envelope = sealAs(pki.pki().tlsClient(PK_MOI), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.SIGNER_UNKNOWN);
    }

    @Test
    void sha1SignatureIsNotAllowed() throws Exception {
        Credential signer = pki.signing(PK_MOI, KeySuite.EC_P256);
        byte[] envelope = sealCustom(signer, new Signing("SHA1withECDSA", true, true));
        assertRejected(() -> gateway.open(envelope), RejectionReason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsa1024SignerIsNotAllowed() throws Exception {
        Credential signer = pki.weakRsa();
        byte[] envelope = sealCustom(signer, new Signing("SHA256withRSA", true, true));
        assertRejected(() -> gateway.open(envelope), RejectionReason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsaPkcs1SignatureIsAccepted() throws Exception {
        Credential signer = pki.signing(PK_MOI, KeySuite.RSA_3072);
        byte[] envelope = sealCustom(signer, new Signing("SHA256withRSA", true, true));
        assertThat(gateway.open(envelope).signer()).isEqualTo(PK_MOI);
    }

    @Test
    void expiredSignerIsRejectedAsExpired() {
        byte[] envelope = sealAs(pki.pki().expiredSigning(), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.CERTIFICATE_EXPIRED);
    }

    @Test
    void notYetValidSignerIsRejectedAsNotYetValid() {
        byte[] envelope = sealAs(pki.notYetValid(), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void revokedSignerIsRejectedAsRevoked() {
        byte[] envelope = sealAs(pki.pki().revokedSigning(), gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.CERTIFICATE_REVOKED);
    }

    @Test
    void signatureWithoutSignedAttributesIsMalformed() throws Exception {
        Credential signer = pki.signing(PK_MOI, KeySuite.EC_P256);
        byte[] envelope = sealCustom(signer, new Signing("SHA256withECDSA", false, true));
        assertRejected(() -> gateway.open(envelope), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void detachedContentIsMalformed() throws Exception {
        Credential signer = pki.signing(PK_MOI, KeySuite.EC_P256);
        byte[] envelope = sealCustom(signer, new Signing("SHA256withECDSA", true, false));
        assertRejected(() -> gateway.open(envelope), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void validSignatureOverSomethingThatIsNotAnExchangeDocumentIsMalformed() throws Exception {
        Credential signer = pki.signing(PK_MOI, KeySuite.EC_P256);
        byte[] signed = HostileEnvelopes.signedData(
                "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8),
                signer,
                Signing.profile(signer),
                Instant.now());
        byte[] envelope = HostileEnvelopes.authEnveloped(signed, gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void encryptedContentThatIsNotSignedDataIsMalformed() {
        byte[] plain = ExchangeDocumentCodec.encode(TestDocuments.json(PK_MOI, IQ_MOI));
        byte[] envelope = HostileEnvelopes.authEnveloped(plain, gatewayEc);
        assertRejected(() -> gateway.open(envelope), RejectionReason.MALFORMED_ENVELOPE);
    }

    @Test
    void rsaPkcs1KeyTransportIsNotAllowed() throws Exception {
        byte[] signed = HostileEnvelopes.profileSigned(
                TestDocuments.json(PK_MOI, IQ_MOI), pki.signing(PK_MOI, KeySuite.EC_P256));
        byte[] envelope = HostileEnvelopes.authEnvelopedWithPkcs1KeyTransport(signed, gatewayRsa);
        assertRejected(() -> gateway.open(envelope), RejectionReason.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void legacyCbcFromASenderNotAllowedItIsRefused(KeySuite suite) throws Exception {
        byte[] envelope = legacyEnvelope(pki.encryption(GATEWAY, suite).certificate());
        assertRejected(() -> gateway.open(envelope), RejectionReason.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void legacyCbcFromASenderAllowedItOpensAndIsMarked(KeySuite suite) throws Exception {
        byte[] envelope = legacyEnvelope(pki.encryption(GATEWAY, suite).certificate());
        EnvelopeOpener tolerant = new EnvelopeOpener(
                pki.gatewayDecryptionKeys(), pki.senders(PK_MOI), pki.validator(), Clock.systemUTC());

        OpenedMessage opened = tolerant.open(envelope);

        assertThat(opened.legacyEncryption()).isTrue();
        assertThat(opened.signer()).isEqualTo(PK_MOI);
    }

    private byte[] legacyEnvelope(X509Certificate recipient) throws Exception {
        byte[] signed = HostileEnvelopes.profileSigned(
                TestDocuments.json(PK_MOI, IQ_MOI), pki.signing(PK_MOI, KeySuite.EC_P256));
        return HostileEnvelopes.legacyEnveloped(signed, recipient);
    }
}
