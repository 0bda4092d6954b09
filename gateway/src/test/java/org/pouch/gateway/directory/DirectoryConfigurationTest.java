package org.pouch.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.ExamplePkiLayout;
import org.pouch.certificates.KeySuite;
import org.pouch.gateway.directory.DirectoryProperties.EndpointProperties;
import org.pouch.gateway.directory.DirectoryProperties.ParticipantProperties;
import org.pouch.gateway.directory.DirectoryProperties.PolicyRuleProperties;
import org.pouch.partners.Endpoint;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.testing.TestPki;

/** The directory as configured: a good one builds; each kind of bad entry stops the start, named. */
class DirectoryConfigurationTest {

    @TempDir
    static Path pki;

    private static ExamplePkiLayout layout;

    @BeforeAll
    static void writePki() throws Exception {
        ExamplePkiFiles.write(TestPki.shared().pki(), pki);
        layout = new ExamplePkiLayout(pki);
    }

    private static ParticipantProperties participant(String id) {
        org.pouch.exchange.ParticipantId participant = org.pouch.exchange.ParticipantId.of(id);
        return new ParticipantProperties(
                id + " test",
                List.of(ExamplePkiLayout.with(layout.signing(participant, KeySuite.EC_P256), "crt")),
                ExamplePkiLayout.with(layout.encryption(participant, KeySuite.EC_P256), "crt"),
                List.of(ExamplePkiLayout.with(layout.tlsClient(participant), "crt")),
                new EndpointProperties(URI.create("https://localhost:1/inbox"), Endpoint.Protocol.REST, "json"),
                false,
                null,
                null);
    }

    private static ParticipantDirectory build(
            Map<String, ParticipantProperties> participants, List<PolicyRuleProperties> policy) {
        return new DirectoryConfiguration().participantDirectory(new DirectoryProperties(participants, policy));
    }

    @Test
    void aGoodConfigurationBuildsTheDirectory() {
        ParticipantDirectory directory = build(
                Map.of("PK-MOI", participant("PK-MOI"), "IQ-MOI", participant("IQ-MOI")),
                List.of(new PolicyRuleProperties("PK-MOI", "pilgrim-list", "IQ-MOI")));

        assertThat(directory.allows(TestPki.PK_MOI, "pilgrim-list", TestPki.IQ_MOI))
                .isTrue();
        assertThat(directory.participantSigningWith(TestPki.shared()
                        .signing(TestPki.IQ_MOI, KeySuite.EC_P256)
                        .certificate()))
                .contains(TestPki.IQ_MOI);
    }

    @Test
    void aParticipantIdOfTheWrongShapeIsNamed() {
        assertThatThrownBy(() -> build(Map.of("pakistan", participant("PK-MOI")), List.of()))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("'pakistan'");
    }

    @Test
    void aMissingCertificateFileNamesTheParticipantAndTheFile() {
        ParticipantProperties broken = new ParticipantProperties(
                "broken", List.of(pki.resolve("nowhere.crt")), null, List.of(), null, false, null, null);

        assertThatThrownBy(() -> build(Map.of("BE-IBZ", broken), List.of()))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("BE-IBZ")
                .hasMessageContaining("nowhere.crt");
    }

    @Test
    void aPolicyRuleNamingAnUnknownParticipantIsNamed() {
        assertThatThrownBy(() -> build(
                        Map.of("PK-MOI", participant("PK-MOI")),
                        List.of(new PolicyRuleProperties("PK-MOI", "pilgrim-list", "SA-MOI"))))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("SA-MOI");
    }
}
