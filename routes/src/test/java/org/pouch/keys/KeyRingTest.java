package org.pouch.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.KeySuite;
import org.pouch.keys.KeyRingRefusal.Reason;
import org.pouch.testing.TestPki;

class KeyRingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration GRACE = Duration.ofDays(7);
    private static final RingId RING = new RingId(TestPki.GATEWAY, KeyPurpose.ENCRYPTION);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A ring with a key in every state: old (destroyed), retired, secondary, primary, pending with and without a certificate. */
    private static final Map<KeyState, String> KEY_IN = Map.of(
            KeyState.DESTROYED, "k1",
            KeyState.RETIRED, "k2",
            KeyState.SECONDARY, "k3",
            KeyState.PRIMARY, "k4",
            KeyState.PENDING, "k5");

    private static KeyRing everyState() {
        KeyRing ring = KeyRing.empty(RING);
        for (String id : new String[] {"k1", "k2", "k3", "k4"}) {
            ring = withIssued(ring, id);
            ring = ring.promote(id, "officer", NOW, Duration.ZERO, false);
        }
        ring = ring.retire("k1", NOW, false).destroy("k1", NOW).retire("k2", NOW, false);
        ring = withIssued(ring, "k5");
        ring = ring.add(pending("k6", KeySuite.EC_P256.generateKeyPair(RANDOM)));
        return ring;
    }

    private static RingEntry pending(String id, KeyPair keys) {
        return RingEntry.pending(id, KeySuite.EC_P256, Fingerprints.publicKeySha256(keys.getPublic()), NOW);
    }

    private static KeyRing withIssued(KeyRing ring, String id) {
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(RANDOM);
        return ring.add(pending(id, keys)).attachCertificate(id, issue(keys));
    }

    private static X509Certificate issue(KeyPair keys) {
        return TestPki.shared()
                .pki()
                .issuingAuthority()
                .issue(
                        "C=PK, O=Pouch, CN=PK-GW encryption",
                        keys.getPublic(),
                        CertificateProfile.ENCRYPTION,
                        NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void theRingTracksEveryState() {
        KeyRing ring = everyState();

        assertThat(ring.primary()).get().extracting(RingEntry::id).isEqualTo("k4");
        assertThat(ring.live()).extracting(RingEntry::id).containsExactly("k4", "k3");
        assertThat(ring.outOfService()).hasSize(2);
        assertThat(ring.find("k1").state()).isEqualTo(KeyState.DESTROYED);
    }

    @Test
    void promotingMakesTheOldPrimarySecondaryForTheGrace() {
        KeyRing ring = everyState().promote("k5", "officer", NOW, GRACE, false);

        assertThat(ring.primary()).get().extracting(RingEntry::id).isEqualTo("k5");
        assertThat(ring.find("k4").state()).isEqualTo(KeyState.SECONDARY);
        assertThat(ring.find("k4").graceUntil()).contains(NOW.plus(GRACE));
    }

    @Test
    void aSecondaryCanBePromotedBackToRollARotationBack() {
        KeyRing ring =
                everyState().promote("k5", "officer", NOW, GRACE, false).promote("k4", "officer", NOW, GRACE, false);

        assertThat(ring.primary()).get().extracting(RingEntry::id).isEqualTo("k4");
        assertThat(ring.find("k5").state()).isEqualTo(KeyState.SECONDARY);
    }

    static Stream<Arguments> forbiddenTransitions() {
        return Stream.of(
                Arguments.of("promote a key without its certificate", "promote", "k6", Reason.NO_CERTIFICATE),
                Arguments.of(
                        "promote the primary", "promote", KEY_IN.get(KeyState.PRIMARY), Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "promote a retired key", "promote", KEY_IN.get(KeyState.RETIRED), Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "promote a destroyed key",
                        "promote",
                        KEY_IN.get(KeyState.DESTROYED),
                        Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "retire the primary", "retire", KEY_IN.get(KeyState.PRIMARY), Reason.PRIMARY_NOT_RETIRABLE),
                Arguments.of(
                        "retire a pending key (skips primary)",
                        "retire",
                        KEY_IN.get(KeyState.PENDING),
                        Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "retire a retired key", "retire", KEY_IN.get(KeyState.RETIRED), Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "retire a destroyed key",
                        "retire",
                        KEY_IN.get(KeyState.DESTROYED),
                        Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "destroy the primary", "destroy", KEY_IN.get(KeyState.PRIMARY), Reason.PRIMARY_NOT_RETIRABLE),
                Arguments.of(
                        "destroy a secondary (skips retired)",
                        "destroy",
                        KEY_IN.get(KeyState.SECONDARY),
                        Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "destroy a pending key (skips three states)",
                        "destroy",
                        KEY_IN.get(KeyState.PENDING),
                        Reason.FORBIDDEN_TRANSITION),
                Arguments.of(
                        "destroy a destroyed key",
                        "destroy",
                        KEY_IN.get(KeyState.DESTROYED),
                        Reason.FORBIDDEN_TRANSITION),
                Arguments.of("a key the ring does not hold", "retire", "k99", Reason.UNKNOWN_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenTransitions")
    void everyForbiddenTransitionIsRefusedWithItsReason(String name, String action, String key, Reason reason) {
        KeyRing ring = everyState();

        assertThatThrownBy(() -> apply(ring, action, key))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(reason))
                .hasMessageContaining(key);
    }

    private static KeyRing apply(KeyRing ring, String action, String key) {
        return switch (action) {
            case "promote" -> ring.promote(key, "officer", NOW, GRACE, false);
            case "retire" -> ring.retire(key, NOW, false);
            case "destroy" -> ring.destroy(key, NOW);
            default -> throw new IllegalArgumentException(action);
        };
    }

    @Test
    void aSecondaryInItsGraceIsRetiredOnlyEarlyOnPurpose() {
        KeyRing ring = everyState().promote("k5", "officer", NOW, GRACE, false);

        assertThatThrownBy(() -> ring.retire("k4", NOW.plus(Duration.ofDays(1)), false))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.GRACE_NOT_OVER));
        assertThat(ring.retire("k4", NOW.plus(Duration.ofDays(1)), true)
                        .find("k4")
                        .state())
                .isEqualTo(KeyState.RETIRED);
        assertThat(ring.retire("k4", NOW.plus(GRACE), false).find("k4").state()).isEqualTo(KeyState.RETIRED);
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() {
        KeyRing ring = everyState();
        X509Certificate other = issue(KeySuite.EC_P256.generateKeyPair(RANDOM));

        assertThatThrownBy(() -> ring.attachCertificate("k6", other))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.CERTIFICATE_MISMATCH));
    }

    @Test
    void aCertificateIsImportedForAPendingKeyOnly() {
        KeyRing ring = everyState();
        X509Certificate own = ring.find("k4").certificate().orElseThrow();

        assertThatThrownBy(() -> ring.attachCertificate("k4", own))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION));
    }

    @Test
    void theSameKeyCannotJoinTwice() {
        KeyRing ring = everyState();
        RingEntry again = ring.find("k6");

        assertThatThrownBy(() -> ring.add(RingEntry.pending("k7", KeySuite.EC_P256, again.publicKeySha256(), NOW)))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.DUPLICATE_KEY));
    }

    @Test
    void aSecondOfficerCompletesAPromotionTheFirstAskedFor() {
        KeyRing asked = everyState().promote("k5", "officer", NOW, GRACE, true);

        assertThat(asked.primary()).get().extracting(RingEntry::id).isEqualTo("k4");
        assertThat(asked.find("k5").promotionRequestedBy()).contains("officer");
        assertThatThrownBy(() -> asked.promote("k5", "officer", NOW, GRACE, true))
                .isInstanceOfSatisfying(
                        KeyRingRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.SAME_OFFICER));
        assertThat(asked.promote("k5", "officer-2", NOW, GRACE, true).primary())
                .get()
                .extracting(RingEntry::id)
                .isEqualTo("k5");
    }

    @ParameterizedTest
    @EnumSource(KeyState.class)
    void noStateSkipsAheadOrReachesPendingAgain(KeyState from) {
        for (KeyState to : KeyState.values()) {
            boolean forward = to.ordinal() == from.ordinal() + 1;
            boolean rollBack = from == KeyState.SECONDARY && to == KeyState.PRIMARY;
            assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(forward || rollBack);
        }
    }

    @Test
    void aRingCannotBeBuiltWithTwoPrimaries() {
        KeyRing ring = everyState();
        RingEntry primary = ring.find("k4");
        RingEntry secondAsPrimary = ring.find("k3");
        var broken = java.util.List.of(
                primary,
                new RingEntry(
                        secondAsPrimary.id(),
                        secondAsPrimary.suite(),
                        KeyState.PRIMARY,
                        secondAsPrimary.publicKeySha256(),
                        secondAsPrimary.certificate(),
                        NOW,
                        java.util.Optional.empty(),
                        java.util.Optional.empty()));

        assertThatThrownBy(() -> new KeyRing(RING, 1, broken)).hasMessageContaining("2 primaries");
    }
}
