package org.pouch.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ParticipantId;
import org.pouch.testing.TestDirectory;
import org.pouch.testing.TestPki;

class ParticipantDirectoryTest {

    private static final URI PARTNERS = URI.create("https://localhost:9999/");
    private final TestPki pki = TestPki.shared();
    private final ParticipantDirectory directory = TestDirectory.demo(PARTNERS);

    @Test
    void signingCertificatesOfBothSuitesIdentifyTheirParticipant() {
        assertThat(directory.participantSigningWith(
                        pki.signing(PK_MOI, KeySuite.EC_P256).certificate()))
                .contains(PK_MOI);
        assertThat(directory.participantSigningWith(
                        pki.signing(BE_IBZ, KeySuite.RSA_3072).certificate()))
                .contains(BE_IBZ);
        assertThat(directory.participantSigningWith(pki.pki().tlsClient(PK_MOI).certificate()))
                .isEmpty();
    }

    @Test
    void tlsClientCertificatesIdentifyTheirParticipantAndNothingElse() {
        assertThat(directory.participantAuthenticatedBy(
                        pki.pki().tlsClient(IQ_MOI).certificate()))
                .contains(IQ_MOI);
        assertThat(directory.participantAuthenticatedBy(
                        pki.signing(IQ_MOI, KeySuite.EC_P256).certificate()))
                .isEmpty();
    }

    @Test
    void aRotatedCertificateReplacesTheOldOneInOneStep() {
        ParticipantDirectory rotating = TestDirectory.demo(PARTNERS);
        var renewed = pki.signing(PK_FIA, KeySuite.EC_P256).certificate();

        rotating.replaceParticipants(rotating.participants().stream()
                .map(p -> p.id().equals(PK_MOI) ? withSigning(p, List.of(renewed)) : withoutSigning(p, renewed))
                .toList());

        assertThat(rotating.participantSigningWith(renewed)).contains(PK_MOI);
        assertThat(rotating.participantSigningWith(
                        pki.signing(PK_MOI, KeySuite.EC_P256).certificate()))
                .isEmpty();
    }

    @Test
    void aBadReplacementLeavesTheDirectoryAsItWas() {
        ParticipantDirectory rotating = TestDirectory.demo(PARTNERS);
        var shared = pki.signing(PK_FIA, KeySuite.EC_P256).certificate();

        assertThatThrownBy(() -> rotating.replaceParticipants(rotating.participants().stream()
                        .map(p -> p.id().equals(PK_MOI) ? withSigning(p, List.of(shared)) : p)
                        .toList()))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("registered to both");
        assertThat(rotating.participantSigningWith(shared)).contains(PK_FIA);
        assertThat(rotating.participantSigningWith(
                        pki.signing(PK_MOI, KeySuite.EC_P256).certificate()))
                .contains(PK_MOI);
    }

    private static Participant withSigning(Participant p, List<java.security.cert.X509Certificate> signing) {
        return new Participant(
                p.id(),
                p.name(),
                signing,
                p.encryptionCertificate(),
                p.tlsClientCertificates(),
                p.endpoint(),
                p.legacyEncryption());
    }

    private static Participant withoutSigning(Participant p, java.security.cert.X509Certificate removed) {
        return withSigning(
                p,
                p.signingCertificates().stream().filter(c -> !c.equals(removed)).toList());
    }

    @Test
    void policyAllowsOnlyWhatItLists() {
        assertThat(directory.allows(PK_MOI, "pilgrim-list", IQ_MOI)).isTrue();
        assertThat(directory.allows(IQ_MOI, "pilgrim-list", PK_MOI)).isFalse();
        assertThat(directory.allows(PK_MOI, "pilgrim-list", BE_IBZ)).isFalse();
        assertThat(directory.allows(PK_FIA, "watchlist-hit", PK_MOI)).isTrue();
    }

    @Test
    void aPolicyRuleNamingAnUnknownParticipantIsRefusedByName() {
        List<PolicyRule> policy = List.of(new PolicyRule(PK_MOI, "pilgrim-list", ParticipantId.of("SA-MOI")));
        assertThatThrownBy(() -> new ParticipantDirectory(directory.participants(), policy))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("SA-MOI");
    }

    @Test
    void aCertificateRegisteredToTwoParticipantsIsRefused() {
        Participant impostor = new Participant(
                ParticipantId.of("XX-FAKE"),
                "impostor",
                List.of(pki.signing(PK_MOI, KeySuite.EC_P256).certificate()),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                false);
        List<Participant> all = new java.util.ArrayList<>(directory.participants());
        all.add(impostor);
        assertThatThrownBy(() -> new ParticipantDirectory(all, List.of()))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("PK-MOI")
                .hasMessageContaining("XX-FAKE");
    }

    @Test
    void aRuleToAParticipantWithoutEndpointIsRefused() {
        Participant sendOnly = new Participant(
                ParticipantId.of("PK-NADRA"),
                "send only",
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                false);
        List<Participant> all = new java.util.ArrayList<>(directory.participants());
        all.add(sendOnly);
        assertThatThrownBy(() -> new ParticipantDirectory(
                        all, List.of(new PolicyRule(PK_MOI, "watchlist-hit", ParticipantId.of("PK-NADRA")))))
                .isInstanceOf(ParticipantDirectory.InvalidDirectoryException.class)
                .hasMessageContaining("no endpoint");
    }

    @Test
    void legacyEncryptionIsOffUnlessConfigured() {
        assertThat(directory.allowsLegacyEncryption(PK_MOI)).isFalse();
        assertThat(TestDirectory.demo(PARTNERS, PK_MOI).allowsLegacyEncryption(PK_MOI))
                .isTrue();
    }
}
