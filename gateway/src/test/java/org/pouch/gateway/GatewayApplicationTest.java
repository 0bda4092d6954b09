package org.pouch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.gateway.soap.SoapEdgeProperties;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/** The gateway starts with its configuration, its database schema and the key material it was given. */
@GatewayTest
class GatewayApplicationTest {

    private static final TestPki PKI = TestPki.shared();

    @Autowired
    Flyway flyway;

    @Autowired
    PouchProperties properties;

    @Autowired
    SoapEdgeProperties soapProperties;

    @Autowired
    Supplier<Credential> signingKey;

    @Autowired
    DecryptionKeys decryptionKeys;

    @Autowired
    CertificateValidator certificateValidator;

    @Autowired
    Clock clock;

    @Test
    void migratedTheDatabaseToTheLatestSchema() {
        assertThat(flyway.info().pending()).isEmpty();
        // The newest migration on the class path, whichever number it has, so that adding one needs no edit here.
        assertThat(flyway.info().current().getVersion())
                .isEqualTo(Arrays.stream(flyway.info().all())
                        .map(MigrationInfo::getVersion)
                        .max(Comparable::compareTo)
                        .orElseThrow());
        assertThat(flyway.info().applied()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void bindsTheGatewayIdentityAndTheConfiguredLimits() {
        // The defaults are GatewayPropertiesTest's; the test configuration lowers the size limits.
        assertThat(properties.participantId()).isEqualTo(TestPki.GATEWAY);
        assertThat(properties.createdAtWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.maxEnvelopeSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(soapProperties.maxEnvelopeSize()).isEqualTo(DataSize.ofMegabytes(1));
    }

    @Test
    void signsWithTheConfiguredGatewaySigningKey() {
        assertThat(signingKey.get().certificate())
                .isEqualTo(PKI.signing(TestPki.GATEWAY, KeySuite.EC_P256).certificate());
    }

    @Test
    void keepsTimeInUtc() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @EnumSource(KeySuite.class)
    void opensWhatAPartnerSealsToEitherGatewayEncryptionCertificate(KeySuite suite) {
        ExchangeDocument document = TestDocuments.json(TestPki.PK_MOI, TestPki.GATEWAY);
        byte[] envelope = new EnvelopeSealer(() -> PKI.signing(TestPki.PK_MOI, suite), clock)
                .seal(document, PKI.encryption(TestPki.GATEWAY, suite).certificate());

        OpenedMessage opened =
                new EnvelopeOpener(decryptionKeys, PKI.senders(), certificateValidator, clock).open(envelope);

        assertThat(opened.document()).isEqualTo(document);
        assertThat(opened.openedWith())
                .isEqualTo(PKI.encryption(TestPki.GATEWAY, suite).certificate());
    }
}
