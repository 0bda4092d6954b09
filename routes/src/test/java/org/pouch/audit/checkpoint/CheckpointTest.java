package org.pouch.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.certificates.KeySuite;
import org.pouch.testing.OpenSsl;
import org.pouch.testing.TestPki;

class CheckpointTest {

    private static final TestPki PKI = TestPki.shared();
    private static final Instant TIME = Instant.parse("2026-11-27T18:40:00Z");
    private static final Checkpoint CHECKPOINT = new Checkpoint(
            "PK-GW/audit",
            1234,
            HexFormat.of().parseHex("d0c0682eb59b784b5850654cb7f6caca48d0f905caa496c95bc2cc57186adc69"),
            TIME);

    private final CheckpointSigner signer =
            new CmsCheckpointSigner(() -> PKI.pki().auditCheckpoint(), Clock.fixed(TIME, ZoneOffset.UTC));

    @Test
    void theTextFormIsOriginSizeBase64RootAndTime() {
        assertThat(new String(CHECKPOINT.encode(), StandardCharsets.US_ASCII))
                .isEqualTo(
                        "PK-GW/audit\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00Z\n");
        assertThat(Checkpoint.parse(CHECKPOINT.encode())).isEqualTo(CHECKPOINT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PK-GW/audit\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00Z",
                "PK-GW/audit\n01234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00Z\n",
                "PK-GW/audit\n-1\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00Z\n",
                "PK-GW/audit\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3G=\ntime 2026-11-27T18:40:00Z\n",
                "PK-GW/audit\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00.5Z\n",
                "PK-GW/audit\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\n",
                "PK-GW/audit\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00Z\nextra\n",
                "\n1234\n0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=\ntime 2026-11-27T18:40:00Z\n"
            })
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedCheckpointVerifiesWithTheAuditCheckpointCertificateAlone() {
        SignedCheckpoint signed = signer.sign(CHECKPOINT);

        assertThat(new CheckpointVerifier(PKI.pki().auditCheckpoint().certificate()).verify(signed.signed()))
                .isEqualTo(CHECKPOINT);
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() {
        SignedCheckpoint byTheMessageKey = new CmsCheckpointSigner(
                        () -> PKI.signing(TestPki.GATEWAY, KeySuite.EC_P256), Clock.systemUTC())
                .sign(CHECKPOINT);

        assertThatThrownBy(
                        () -> new CheckpointVerifier(PKI.pki().auditCheckpoint().certificate())
                                .verify(byTheMessageKey.signed()))
                .isInstanceOf(CheckpointVerifier.InvalidCheckpointException.class)
                .hasMessageContaining("not by the key of the certificate given");
    }

    @Test
    void aChangedByteInTheSignedCheckpointIsRefused() {
        byte[] signed = signer.sign(CHECKPOINT).signed();
        byte[] text = CHECKPOINT.encode();
        // Change the size inside the signed content: "1234" becomes "1235".
        int at = indexOf(signed, text) + "PK-GW/audit\n123".length();
        signed[at] = '5';

        assertThatThrownBy(
                        () -> new CheckpointVerifier(PKI.pki().auditCheckpoint().certificate()).verify(signed))
                .isInstanceOf(CheckpointVerifier.InvalidCheckpointException.class);
    }

    @Test
    void garbageIsRefusedAsACheckpoint() {
        assertThatThrownBy(
                        () -> new CheckpointVerifier(PKI.pki().auditCheckpoint().certificate())
                                .verify(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(CheckpointVerifier.InvalidCheckpointException.class);
    }

    @Test
    void openSslVerifiesASignedCheckpointAgainstTheExampleCa(@TempDir Path directory) throws IOException {
        assumeTrue(OpenSsl.isAvailable(), OpenSsl.NOT_INSTALLED);
        Path signed = Files.write(
                directory.resolve("checkpoint.p7s"), signer.sign(CHECKPOINT).signed());
        Path ca = directory.resolve("ca.pem");
        Files.writeString(ca, pem(PKI.pki().rootAuthority().certificate()));

        OpenSsl.Result result = OpenSsl.run(
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                signed.toString(),
                "-CAfile",
                ca.toString(),
                "-purpose",
                "any");

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(result.stdout()).isEqualTo(CHECKPOINT.encode());
    }

    private static String pem(java.security.cert.X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("the signed checkpoint does not hold its text");
    }
}
