package org.pouch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.gateway.broker.BrokerProperties;
import org.pouch.gateway.pki.KeysProperties;
import org.pouch.gateway.pki.TrustProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The typed configuration binds its defaults and stops the start with the property's name when it is wrong. */
class GatewayPropertiesTest {

    @TempDir
    static Path directory;

    static Path readable;

    @BeforeAll
    static void makeAReadableFile() throws IOException {
        readable = Files.writeString(directory.resolve("present.p12"), "bytes");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        PouchProperties.class,
        KeysProperties.class,
        TrustProperties.class,
        BrokerProperties.class
    })
    static class AllProperties {}

    /** Everything that is required, with no participant id. */
    private static ApplicationContextRunner withoutParticipantId() {
        return new ApplicationContextRunner()
                .withUserConfiguration(AllProperties.class)
                .withPropertyValues(
                        "pouch.keys.signing.path=" + readable,
                        "pouch.keys.signing.password=secret",
                        "pouch.keys.decryption[0].path=" + readable,
                        "pouch.keys.decryption[0].password=secret",
                        "pouch.keys.audit-checkpoint.path=" + readable,
                        "pouch.keys.audit-checkpoint.password=secret",
                        "pouch.trust.anchors[0]=" + readable,
                        "pouch.trust.crls[0]=" + readable);
    }

    private static ApplicationContextRunner valid() {
        return withoutParticipantId().withPropertyValues("pouch.participant-id=PK-GW");
    }

    @Test
    void appliesTheDocumentedDefaults() {
        valid().run(context -> {
            assertThat(context).hasNotFailed();
            PouchProperties pouch = context.getBean(PouchProperties.class);
            assertThat(pouch.createdAtWindow()).isEqualTo(Duration.ofMinutes(10));
            assertThat(pouch.maxEnvelopeSize()).isEqualTo(DataSize.ofMegabytes(256));
            BrokerProperties broker = context.getBean(BrokerProperties.class);
            assertThat(broker.url()).isNull();
            assertThat(broker.dataDirectory()).isEqualTo(Path.of("data/broker"));
            assertThat(context.getBean(TrustProperties.class).intermediates()).isEmpty();
        });
    }

    @Test
    void aMalformedParticipantIdStopsTheStartNamingTheProperty() {
        valid().withPropertyValues("pouch.participant-id=pk-gw")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("pouch.participant-id")
                        .hasStackTraceContaining("CC-AGENCY"));
    }

    @Test
    void aMissingParticipantIdStopsTheStart() {
        withoutParticipantId()
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("participantId")
                        .hasStackTraceContaining("must not be null"));
    }

    @Test
    void aZeroCreatedAtWindowStopsTheStart() {
        valid().withPropertyValues("pouch.created-at-window=0s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("createdAtWindow")
                        .hasStackTraceContaining("must be positive"));
    }

    @Test
    void aKeystoreThatIsNotThereStopsTheStartNamingTheProperty() {
        Path missing = directory.resolve("missing.p12");
        valid().withPropertyValues("pouch.keys.signing.path=" + missing)
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("signing.path")
                        .hasStackTraceContaining("is not a readable file"));
    }

    @Test
    void aKeystorePasswordNeverAppearsInItsDescription() {
        valid().run(context -> assertThat(
                        context.getBean(KeysProperties.class).signing().toString())
                .contains(readable.toString())
                .doesNotContain("secret"));
    }
}
