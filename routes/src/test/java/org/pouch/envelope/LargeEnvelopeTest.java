package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/**
 * Envelopes larger than the opener keeps in memory: their signed content waits, encrypted, in a spool
 * file that is gone once the message is closed or refused, and they are decrypted with the streaming GCM.
 */
class LargeEnvelopeTest {

    private static final TestPki PKI = TestPki.shared();
    private static final Credential SENDER = PKI.signing(PK_MOI, KeySuite.EC_P256);
    private static final X509Certificate GATEWAY_EC =
            PKI.encryption(GATEWAY, KeySuite.EC_P256).certificate();
    /** Past the in-memory spool and the JDK's GCM limits both. */
    private static final int PAYLOAD_BYTES = (int) EnvelopeOpener.JDK_GCM_MAX_BYTES + 1024 * 1024;

    private static ExchangeDocument document;
    private static byte[] envelope;

    @TempDir
    Path spoolDirectory;

    @BeforeAll
    static void seal() {
        document = TestDocuments.ofSize(PK_MOI, IQ_MOI, PAYLOAD_BYTES);
        envelope = new EnvelopeSealer(() -> SENDER, Clock.systemUTC()).seal(document, GATEWAY_EC);
    }

    private EnvelopeOpener opener() {
        return new EnvelopeOpener(
                PKI.gatewayDecryptionKeys(),
                PKI.senders(),
                PKI.validator(),
                Clock.systemUTC(),
                EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES,
                spoolDirectory);
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.toList();
        }
    }

    private void assertRejectedLeavingNoSpool(ThrowingCallable open, RejectionReason reason) throws IOException {
        assertThatThrownBy(open)
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aLargeEnvelopeFromAStreamOpensWithItsContentInAnEncryptedSpool() throws IOException {
        try (OpenedMessage opened = opener().open(new ByteArrayInputStream(envelope))) {
            assertThat(opened.document().header()).isEqualTo(document.header());
            assertThat(opened.document().payload().size())
                    .isEqualTo(document.payload().size());
            try (InputStream payload = opened.document().payload().openStream();
                    InputStream original = document.payload().openStream()) {
                assertThat(payload).hasSameContentAs(original);
            }
            List<Path> files = spooled();
            assertThat(files).hasSize(1);
            String onDisk = new String(Files.readAllBytes(files.get(0)), StandardCharsets.ISO_8859_1);
            assertThat(onDisk).doesNotContain("Ayesha").doesNotContain("PK-MOI");
        }
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aLargeEnvelopeInMemoryOpensToTheSameDocument() throws Exception {
        try (OpenedMessage opened = opener().open(envelope)) {
            assertThat(opened.document()).isEqualTo(document);
            assertThat(opened.envelopeSha256())
                    .isEqualTo(
                            java.security.MessageDigest.getInstance("SHA-256").digest(envelope));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFlippedTagAtTheEndOfALargeContentFailsDecryptionAndLeavesNoSpool() throws Exception {
        byte[] tampered = HostileEnvelopes.withFlippedTag(envelope);
        assertRejectedLeavingNoSpool(
                () -> opener().open(new ByteArrayInputStream(tampered)), RejectionReason.DECRYPTION_FAILED);
    }

    @Test
    void aLargeContentAlteredUnderTheSignatureIsInvalidAndLeavesNoSpool() throws Exception {
        byte[] signed = HostileEnvelopes.profileSigned(document, SENDER);
        byte[] altered = ExchangeDocumentCodec.encode(document);
        altered[altered.length / 2] ^= 1;
        byte[] sealed =
                HostileEnvelopes.authEnveloped(HostileEnvelopes.withContentReplaced(signed, altered), GATEWAY_EC);
        assertRejectedLeavingNoSpool(
                () -> opener().open(new ByteArrayInputStream(sealed)), RejectionReason.SIGNATURE_INVALID);
    }

    @Test
    void anEnvelopeOverTheLimitIsTooLargeWhereverTheStreamStops() throws IOException {
        EnvelopeOpener small = new EnvelopeOpener(
                PKI.gatewayDecryptionKeys(),
                PKI.senders(),
                PKI.validator(),
                Clock.systemUTC(),
                envelope.length / 2,
                spoolDirectory);
        assertRejectedLeavingNoSpool(() -> small.open(new ByteArrayInputStream(envelope)), RejectionReason.TOO_LARGE);
    }

    @Test
    void aDocumentSealedAsAStreamToAFileOpensFromTheFile() throws IOException {
        Path file = Files.createTempFile("sealed", ".cms");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                new EnvelopeSealer(() -> SENDER, Clock.systemUTC()).seal(document, GATEWAY_EC, out);
            }
            try (InputStream in = Files.newInputStream(file);
                    OpenedMessage opened = opener().open(in)) {
                assertThat(opened.document()).isEqualTo(document);
                assertThat(opened.signer()).isEqualTo(PK_MOI);
            }
        } finally {
            Files.delete(file);
        }
    }
}
