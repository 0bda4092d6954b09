package org.pouch.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pouch.certificates.KeySuite;

/**
 * One key (or, in a partner's ring, one certificate) and where it is in its life.
 *
 * @param id stable identifier, unique across rings
 * @param suite EC P-256 or RSA-3072
 * @param publicKeySha256 hex SHA-256 of the SubjectPublicKeyInfo: the key's fingerprint, in every audit event
 * @param certificate the issued certificate, absent while a generated key awaits it
 * @param since when the key entered its state
 * @param graceUntil for a secondary, when its grace period ends and it may be retired
 * @param promotionRequestedBy the officer who asked for a promotion still awaiting a second officer
 */
public record RingEntry(
        String id,
        KeySuite suite,
        KeyState state,
        String publicKeySha256,
        Optional<X509Certificate> certificate,
        Instant since,
        Optional<Instant> graceUntil,
        Optional<String> promotionRequestedBy) {

    public RingEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publicKeySha256, "publicKeySha256");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(graceUntil, "graceUntil");
        Objects.requireNonNull(promotionRequestedBy, "promotionRequestedBy");
    }

    /** A key just generated, awaiting its certificate. */
    public static RingEntry pending(String id, KeySuite suite, String publicKeySha256, Instant at) {
        return new RingEntry(
                id, suite, KeyState.PENDING, publicKeySha256, Optional.empty(), at, Optional.empty(), Optional.empty());
    }

    RingEntry moveTo(KeyState next, Instant at, Optional<Instant> grace) {
        return new RingEntry(id, suite, next, publicKeySha256, certificate, at, grace, Optional.empty());
    }

    RingEntry withCertificate(X509Certificate issued) {
        return new RingEntry(
                id, suite, state, publicKeySha256, Optional.of(issued), since, graceUntil, promotionRequestedBy);
    }

    RingEntry withPromotionRequestedBy(String officer) {
        return new RingEntry(id, suite, state, publicKeySha256, certificate, since, graceUntil, Optional.of(officer));
    }

    /** A short form for messages and logs: id, state and fingerprint prefix. */
    public String describe() {
        return id + " (" + state.wireName() + ", sha-256 " + publicKeySha256.substring(0, 16) + "…)";
    }
}
