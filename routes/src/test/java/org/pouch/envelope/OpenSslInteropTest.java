package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.StreamingJsonTransform;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.testing.OpenSsl;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/**
 * Both directions against OpenSSL's {@code cms}, a CMS implementation we did not write, with exactly
 * the commands docs/envelope-profile.md gives partners. Skipped where {@code openssl} is not
 * installed; .ci/run installs it, so CI always runs these.
 */
class OpenSslInteropTest {

    @TempDir
    static Path pkiFiles;

    private final TestPki pki = TestPki.shared();
    private final EnvelopeOpener gateway =
            new EnvelopeOpener(pki.gatewayDecryptionKeys(), pki.senders(), pki.validator(), Clock.systemUTC());

    @BeforeAll
    static void writeTheTestPkiAsFiles() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), OpenSsl.NOT_INSTALLED);
        ExamplePkiFiles.write(TestPki.shared().pki(), pkiFiles);
    }

    private static String file(String relative) {
        return pkiFiles.resolve(relative).toString();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void envelopeSealedByPouchOpensAndVerifiesInOpenSsl(KeySuite suite) {
        ExchangeDocument document = TestDocuments.json(GATEWAY, IQ_MOI);
        byte[] envelope = new EnvelopeSealer(() -> pki.signing(GATEWAY, suite), Clock.systemUTC())
                .seal(document, pki.encryption(IQ_MOI, suite).certificate());

        OpenSsl.Result decrypted = OpenSsl.run(
                envelope,
                List.of(
                        "cms",
                        "-decrypt",
                        "-binary",
                        "-inform",
                        "DER",
                        "-outform",
                        "DER",
                        "-recip",
                        file("participants/iq-moi/encryption-" + suite.shortName() + ".crt"),
                        "-inkey",
                        file("participants/iq-moi/encryption-" + suite.shortName() + ".key")));
        assertThat(decrypted.succeeded()).as(decrypted.toString()).isTrue();

        OpenSsl.Result verified = OpenSsl.run(
                decrypted.stdout(),
                List.of("cms", "-verify", "-binary", "-inform", "DER", "-CAfile", file("ca/root-ca.crt")));
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        assertThat(verified.stderr()).contains("Verification successful");
        assertThat(verified.stdout()).isEqualTo(ExchangeDocumentCodec.encode(document));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void envelopeSealedAsAStreamOpensAndVerifiesInOpenSsl(KeySuite suite) {
        ExchangeDocument document = TestDocuments.json(GATEWAY, IQ_MOI);
        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        new EnvelopeSealer(() -> pki.signing(GATEWAY, suite), Clock.systemUTC())
                .seal(document, pki.encryption(IQ_MOI, suite).certificate(), envelope);

        OpenSsl.Result decrypted = OpenSsl.run(
                envelope.toByteArray(),
                List.of(
                        "cms",
                        "-decrypt",
                        "-binary",
                        "-inform",
                        "DER",
                        "-outform",
                        "DER",
                        "-recip",
                        file("participants/iq-moi/encryption-" + suite.shortName() + ".crt"),
                        "-inkey",
                        file("participants/iq-moi/encryption-" + suite.shortName() + ".key")));
        assertThat(decrypted.succeeded()).as(decrypted.toString()).isTrue();
        OpenSsl.Result verified = OpenSsl.run(
                decrypted.stdout(),
                List.of("cms", "-verify", "-binary", "-inform", "DER", "-CAfile", file("ca/root-ca.crt")));
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        assertThat(verified.stdout()).isEqualTo(ExchangeDocumentCodec.encode(document));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void envelopeWithAPayloadTransformedAsAStreamOpensAndVerifiesInOpenSsl(KeySuite suite) {
        ExchangeDocument document = TestDocuments.json(GATEWAY, IQ_MOI);
        StreamingJsonTransform transform = MessageTypes.lookup("pilgrim-list", "1.0")
                .streamingTransform(PayloadType.JSON, PayloadType.JSON)
                .orElseThrow();
        Set<String> stripped = Set.of("pilgrims[*].nationalId");
        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        new EnvelopeSealer(() -> pki.signing(GATEWAY, suite), Clock.systemUTC())
                .sealJson(
                        document.header(),
                        json -> transform.write(document.payload(), stripped, json),
                        pki.encryption(IQ_MOI, suite).certificate(),
                        envelope);

        OpenSsl.Result decrypted = OpenSsl.run(
                envelope.toByteArray(),
                List.of(
                        "cms",
                        "-decrypt",
                        "-binary",
                        "-inform",
                        "DER",
                        "-outform",
                        "DER",
                        "-recip",
                        file("participants/iq-moi/encryption-" + suite.shortName() + ".crt"),
                        "-inkey",
                        file("participants/iq-moi/encryption-" + suite.shortName() + ".key")));
        assertThat(decrypted.succeeded()).as(decrypted.toString()).isTrue();
        OpenSsl.Result verified = OpenSsl.run(
                decrypted.stdout(),
                List.of("cms", "-verify", "-binary", "-inform", "DER", "-CAfile", file("ca/root-ca.crt")));
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ExchangeDocumentCodec.encodeJson(
                document.header(), json -> transform.write(document.payload(), stripped, json), expected);
        assertThat(verified.stdout()).isEqualTo(expected.toByteArray());
        assertThat(new String(verified.stdout(), StandardCharsets.UTF_8)).doesNotContain("nationalId");
    }

    @ParameterizedTest(name = "signed {0}, sealed to the gateway''s {0} certificate")
    @EnumSource(KeySuite.class)
    void envelopeSealedByOpenSslOpensInPouch(KeySuite suite) {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);

        byte[] envelope = openSslSeal(ExchangeDocumentCodec.encode(document), suite, List.of(), sha256KdfFor(suite));
        OpenedMessage opened = gateway.open(envelope);

        assertThat(opened.document()).isEqualTo(document);
        assertThat(opened.signer()).isEqualTo(PK_MOI);
        assertThat(opened.signerCertificate())
                .isEqualTo(pki.signing(PK_MOI, suite).certificate());
    }

    @Test
    void rsaPssSignatureFromOpenSslOpensInPouch() {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);

        byte[] envelope = openSslSeal(
                ExchangeDocumentCodec.encode(document),
                KeySuite.RSA_3072,
                List.of("-keyopt", "rsa_padding_mode:pss"),
                List.of());

        assertThat(gateway.open(envelope).document()).isEqualTo(document);
    }

    @Test
    void openSslDefaultEcdhKdfOfSha1IsRefused() {
        byte[] envelope = openSslSeal(
                ExchangeDocumentCodec.encode(TestDocuments.json(PK_MOI, IQ_MOI)),
                KeySuite.EC_P256,
                List.of(),
                List.of());

        assertThatThrownBy(() -> gateway.open(envelope))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.ALGORITHM_NOT_ALLOWED));
    }

    private static List<String> sha256KdfFor(KeySuite suite) {
        return suite == KeySuite.EC_P256 ? List.of("-keyopt", "ecdh_kdf_md:sha256") : List.of();
    }

    /** A partner's side, exactly as the envelope profile documents it. */
    private static byte[] openSslSeal(
            byte[] document, KeySuite suite, List<String> signOptions, List<String> ecdhOptions) {
        String signer = "participants/pk-moi/signing-" + suite.shortName();
        List<String> sign = new ArrayList<>(List.of(
                "cms",
                "-sign",
                "-nodetach",
                "-binary",
                "-md",
                "sha256",
                "-outform",
                "DER",
                "-signer",
                file(signer + ".crt"),
                "-inkey",
                file(signer + ".key")));
        sign.addAll(signOptions);
        OpenSsl.Result signed = OpenSsl.run(document, sign);
        assertThat(signed.succeeded()).as(signed.toString()).isTrue();

        List<String> encrypt = new ArrayList<>(List.of(
                "cms",
                "-encrypt",
                "-binary",
                "-aes-256-gcm",
                "-inform",
                "DER",
                "-outform",
                "DER",
                "-recip",
                file("gateway/encryption-" + suite.shortName() + ".crt")));
        if (suite == KeySuite.RSA_3072) {
            encrypt.addAll(List.of(
                    "-keyopt",
                    "rsa_padding_mode:oaep",
                    "-keyopt",
                    "rsa_oaep_md:sha256",
                    "-keyopt",
                    "rsa_mgf1_md:sha256"));
        }
        encrypt.addAll(ecdhOptions);
        OpenSsl.Result encrypted = OpenSsl.run(signed.stdout(), encrypt);
        assertThat(encrypted.succeeded()).as(encrypted.toString()).isTrue();
        return encrypted.stdout();
    }

    @Test
    void receiptSignedWithACredentialWithoutItsRootVerifiesInOpenSsl() {
        // As read from a PKCS#12 file: the certificate and its issuing CA, no root.
        org.pouch.certificates.Credential fromFile = pki.signing(GATEWAY, KeySuite.EC_P256);
        org.pouch.certificates.Credential withoutRoot = new org.pouch.certificates.Credential(
                fromFile.name(),
                fromFile.privateKey(),
                fromFile.certificate(),
                fromFile.chain().subList(0, 2));
        org.pouch.exchange.Receipt receipt = new org.pouch.exchange.Receipt(
                GATEWAY,
                "ex-1",
                "m-1",
                PK_MOI,
                IQ_MOI,
                "b".repeat(64),
                java.time.Instant.now(),
                org.pouch.exchange.Receipt.Status.ACCEPTED);
        byte[] signed = new ReceiptSigner(() -> withoutRoot, Clock.systemUTC()).sign(receipt);

        OpenSsl.Result verified = OpenSsl.run(
                signed, List.of("cms", "-verify", "-binary", "-inform", "DER", "-CAfile", file("ca/root-ca.crt")));

        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        assertThat(verified.stdout()).isEqualTo(org.pouch.exchange.ReceiptCodec.encode(receipt));
    }
}
