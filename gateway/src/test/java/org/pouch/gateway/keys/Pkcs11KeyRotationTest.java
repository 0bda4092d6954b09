package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.envelope.SenderDirectory;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Receipt;
import org.pouch.gateway.testing.GatewayMigrations;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRingRefusal;
import org.pouch.keys.Pem;
import org.pouch.testing.InMemoryAuditTrail;
import org.pouch.testing.TestDirectory;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PKCS#11 path end to end on SoftHSM2, with EC keys: officers generate the gateway's signing and
 * decryption keys in a fresh token, the CA issues certificates from the CSRs, officers import and promote
 * them; then an envelope sealed to the token's certificate opens (the ECDH runs in the token) and a receipt
 * is signed in the token and verifies. The officer's operations and the live rings are the gateway's own,
 * over the real schema on H2; no web server is needed for what this test proves.
 *
 * <p>Skipped, saying why, where SoftHSM2 is not installed; {@code .ci/run} installs it.
 */
class Pkcs11KeyRotationTest {

    private static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "pouch-test-pin";
    private static final String SUBJECT = "C=PK, O=Pouch Example PKI (not for production), OU=PK-GW, CN=PK-GW ";

    private static String tokenLabel;
    private static Pkcs11Custody custody;
    private static LiveKeyRings rings;
    private static KeyOffice office;
    private static final InMemoryAuditTrail AUDIT = new InMemoryAuditTrail();

    @BeforeAll
    static void freshTokenAndGateway() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isReadable(SOFTHSM),
                "SoftHSM2 is not installed (no " + SOFTHSM + "): apt-get install softhsm2 to run the PKCS#11 tests");
        tokenLabel = "pouch-test-" + UUID.randomUUID().toString().substring(0, 8);
        String initialised =
                softhsm("--init-token", "--free", "--label", tokenLabel, "--pin", PIN, "--so-pin", PIN + "-so");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(initialised);
        assertThat(slot.find()).as(initialised).isTrue();

        Clock clock = Clock.systemUTC();
        custody = new Pkcs11Custody(SOFTHSM.toString(), Integer.valueOf(slot.group(1)), 0, PIN.toCharArray(), clock);
        DataSource database = database();
        JdbcKeyRingStore store = new JdbcKeyRingStore(
                JdbcClient.create(database), new TransactionTemplate(new DataSourceTransactionManager(database)));
        rings = new LiveKeyRings(
                store,
                custody,
                TestPki.GATEWAY,
                TestDirectory.demo(java.net.URI.create("https://localhost:1")),
                TestPki.shared().trust());
        KeyRingProperties properties = new KeyRingProperties(
                Duration.ofDays(7),
                false,
                Duration.ofSeconds(5),
                Duration.ofDays(30),
                new KeyRingProperties.Store(KeyRingProperties.StoreType.PKCS11, null, PIN, SOFTHSM, null, 0));
        office = new KeyOffice(
                store, custody, rings, TestPki.shared().validator(), AUDIT, clock, properties, TestPki.GATEWAY);
    }

    @AfterAll
    static void deleteToken() throws Exception {
        if (tokenLabel != null) {
            softhsm("--delete-token", "--token", tokenLabel);
        }
    }

    @Test
    void tokenKeysAreGeneratedCertifiedPromotedAndOpenAndSign() throws Exception {
        X509Certificate encryption = rotateIn(KeyPurpose.ENCRYPTION, "decryption");
        X509Certificate signing = rotateIn(KeyPurpose.SIGNING, "signing");

        Credential tokenSigningKey = rings.signingKey();
        assertThat(tokenSigningKey.heldInToken()).isTrue();
        assertThat(tokenSigningKey.privateKey().getEncoded())
                .as("a token key never leaves the token")
                .isNull();

        byte[] envelope = new EnvelopeSealer(
                        () -> TestPki.shared().signing(PK_MOI, KeySuite.EC_P256), Clock.systemUTC())
                .seal(TestDocuments.json(PK_MOI, IQ_MOI), encryption);
        OpenedMessage opened = new EnvelopeOpener(
                        rings, TestPki.shared().senders(), TestPki.shared().validator(), Clock.systemUTC())
                .open(envelope);
        assertThat(opened.openedWith()).isEqualTo(encryption);
        assertThat(opened.signer()).isEqualTo(PK_MOI);

        Receipt receipt = new Receipt(
                TestPki.GATEWAY,
                UUID.randomUUID().toString(),
                opened.document().header().messageId(),
                PK_MOI,
                IQ_MOI,
                java.util.HexFormat.of().formatHex(opened.envelopeSha256()),
                Instant.now(),
                Receipt.Status.ACCEPTED);
        byte[] signed = new ReceiptSigner(rings::signingKey, Clock.systemUTC()).sign(receipt);
        var verified = new ReceiptVerifier(
                        gatewaySigningWith(signing), TestPki.shared().validator(), Clock.systemUTC())
                .verify(signed);
        assertThat(verified.signerCertificate()).isEqualTo(signing);
        assertThat(verified.receipt()).isEqualTo(receipt);
        assertThat(AUDIT.all()).filteredOn(e -> e.step().equals("keys.promote")).hasSize(2);
    }

    @Test
    void anRsaKeyIsRefusedOnPkcs11BecauseSunPkcs11HasNoRsaOaep() {
        assertThatThrownBy(() -> office.generate(
                        "officer", KeyPurpose.ENCRYPTION, KeySuite.RSA_3072, Optional.of(SUBJECT + "rsa")))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(KeyRingRefusal.Reason.UNSUPPORTED))
                .hasMessageContaining("RSA-OAEP");
    }

    @Test
    void aTlsServerKeyIsRefusedOnPkcs11BecauseThePortsCannotServeItFromTheToken() {
        assertThatThrownBy(() -> office.generate(
                        "officer", KeyPurpose.TLS_SERVER, KeySuite.EC_P256, Optional.of(SUBJECT + "tls")))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(KeyRingRefusal.Reason.UNSUPPORTED))
                .hasMessageContaining("PKCS#11");
        assertThat(AUDIT.all())
                .filteredOn(e -> e.step().equals("keys.generate")
                        && e.details().getOrDefault("ring", "").equals("PK-GW/tls-server"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("refused", "unsupported"));
    }

    private static X509Certificate rotateIn(KeyPurpose purpose, String name) {
        KeyOffice.GeneratedKey generated =
                office.generate("officer", purpose, KeySuite.EC_P256, Optional.of(SUBJECT + name));
        X509Certificate issued = Officers.issue(generated.csr(), purpose.profile());
        office.importCertificate("officer", generated.key().id(), Pem.certificate(issued));
        KeyOffice.Promotion promotion =
                office.promote("officer", generated.key().id());
        assertThat(promotion.outcome()).isEqualTo("promoted");
        return issued;
    }

    private static SenderDirectory gatewaySigningWith(X509Certificate certificate) {
        return new SenderDirectory() {
            @Override
            public Optional<ParticipantId> participantSigningWith(X509Certificate offered) {
                return offered.equals(certificate) ? Optional.of(TestPki.GATEWAY) : Optional.empty();
            }

            @Override
            public boolean allowsLegacyEncryption(ParticipantId participant) {
                return false;
            }
        };
    }

    private static DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pkcs11-" + tokenLabel
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        GatewayMigrations.on(h2).load().migrate();
        return h2;
    }

    private static String softhsm(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "softhsm2-util";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
