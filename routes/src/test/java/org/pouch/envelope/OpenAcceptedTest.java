package org.pouch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.KeySuite;
import org.pouch.certificates.TrustMaterial;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectedException;
import org.pouch.testing.TestDocuments;

/**
 * Delivery re-opens what the gateway accepted earlier: the sender's certificate counts as it stood then.
 * The PKI here was issued 826 days ago, so its certificates (825 days) expired yesterday and its CRLs the
 * day before; five days ago all of it was current.
 */
class OpenAcceptedTest {

    private static final Instant NOW = Instant.now();
    private static final Instant ACCEPTED_AT = NOW.minus(Duration.ofDays(5));
    private static final ExamplePki OLD =
            ExamplePki.generate(Clock.fixed(NOW.minus(Duration.ofDays(826)), ZoneOffset.UTC));

    private final EnvelopeOpener gateway = new EnvelopeOpener(
            DecryptionKeys.of(OLD.encryption(GATEWAY, KeySuite.EC_P256)),
            new SenderDirectory() {
                @Override
                public Optional<ParticipantId> participantSigningWith(X509Certificate certificate) {
                    return certificate.equals(
                                    OLD.signing(PK_MOI, KeySuite.EC_P256).certificate())
                            ? Optional.of(PK_MOI)
                            : Optional.empty();
                }

                @Override
                public boolean allowsLegacyEncryption(ParticipantId participant) {
                    return false;
                }
            },
            new CertificateValidator(new TrustMaterial(
                    OLD.trustAnchors(), List.of(OLD.issuingAuthority().certificate()), OLD.crls())),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** Signed and accepted five days ago, while PK-MOI's certificate was valid. */
    private static byte[] acceptedFiveDaysAgo() {
        return new EnvelopeSealer(() -> OLD.signing(PK_MOI, KeySuite.EC_P256), Clock.fixed(ACCEPTED_AT, ZoneOffset.UTC))
                .seal(
                        TestDocuments.json(PK_MOI, IQ_MOI),
                        OLD.encryption(GATEWAY, KeySuite.EC_P256).certificate());
    }

    @Test
    void anEnvelopeAcceptedWhileItsSignerWasValidStillOpensForDelivery() {
        OpenedMessage opened = gateway.openAccepted(acceptedFiveDaysAgo(), ACCEPTED_AT);

        assertThat(opened.signer()).isEqualTo(PK_MOI);
    }

    @Test
    void theSameEnvelopeSubmittedTodayIsRefused() {
        byte[] envelope = acceptedFiveDaysAgo();

        assertThatThrownBy(() -> gateway.open(envelope)).isInstanceOf(RejectedException.class);
    }

    @Test
    void anAcceptanceTimeAfterTheCertificateExpiredIsRefused() {
        byte[] envelope = acceptedFiveDaysAgo();

        assertThatThrownBy(() -> gateway.openAccepted(envelope, NOW)).isInstanceOf(RejectedException.class);
    }
}
