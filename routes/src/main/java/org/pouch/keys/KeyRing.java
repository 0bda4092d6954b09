package org.pouch.keys;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.pouch.keys.KeyRingRefusal.Reason;

/**
 * The keys of one purpose and owner, each in a {@link KeyState}. Immutable: every change returns a new
 * ring, and every ring is checked against the invariants when it is built, so no code path can make a
 * ring with two primaries, a primary without a certificate, or a key that skipped a state.
 *
 * <p>Invariants: ids and key fingerprints are unique; a ring whose keys are all pending (one being set
 * up) has no primary, every other ring has exactly one; every key past pending has a certificate that
 * matches its fingerprint; a secondary knows when its grace ends.
 */
public final class KeyRing {

    private final RingId id;
    private final long version;
    private final List<RingEntry> entries;

    /**
     * @param version how many changes the stored ring has seen; a store refuses a change made to an older
     *     version
     */
    public KeyRing(RingId id, long version, List<RingEntry> entries) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
        this.entries = List.copyOf(entries);
        checkInvariants();
    }

    public static KeyRing empty(RingId id) {
        return new KeyRing(id, 0, List.of());
    }

    public RingId id() {
        return id;
    }

    public long version() {
        return version;
    }

    /** Every key, oldest first, whatever its state. */
    public List<RingEntry> entries() {
        return entries;
    }

    public Optional<RingEntry> primary() {
        return entries.stream().filter(e -> e.state() == KeyState.PRIMARY).findFirst();
    }

    /** The primary and the secondaries, primary first. */
    public List<RingEntry> live() {
        List<RingEntry> live = new ArrayList<>();
        primary().ifPresent(live::add);
        entries.stream().filter(e -> e.state() == KeyState.SECONDARY).forEach(live::add);
        return live;
    }

    /**
     * The keys whose certificates are published: the live ones, then pending keys that have their
     * certificate. Partners fetch a new encryption certificate before it becomes primary and may seal to
     * it at once, so the gateway opens envelopes sealed to any of these.
     */
    public List<RingEntry> published() {
        List<RingEntry> published = new ArrayList<>(live());
        entries.stream()
                .filter(e -> e.state() == KeyState.PENDING && e.certificate().isPresent())
                .forEach(published::add);
        return published;
    }

    /** Certificates of keys out of service, retired or destroyed. */
    public List<X509Certificate> outOfService() {
        return entries.stream()
                .filter(e -> e.state() == KeyState.RETIRED || e.state() == KeyState.DESTROYED)
                .map(e -> e.certificate().orElseThrow())
                .toList();
    }

    public RingEntry find(String entryId) {
        return entries.stream()
                .filter(e -> e.id().equals(entryId))
                .findFirst()
                .orElseThrow(() -> new KeyRingRefusal(Reason.UNKNOWN_KEY, "ring " + id + " holds no key " + entryId));
    }

    /** Adds a newly generated (or, for a partner, newly registered) key as pending. */
    public KeyRing add(RingEntry pending) {
        if (pending.state() != KeyState.PENDING) {
            throw new KeyRingRefusal(
                    Reason.FORBIDDEN_TRANSITION,
                    "a key enters ring " + id + " as pending, not "
                            + pending.state().wireName());
        }
        for (RingEntry entry : entries) {
            if (entry.id().equals(pending.id()) || entry.publicKeySha256().equals(pending.publicKeySha256())) {
                throw new KeyRingRefusal(
                        Reason.DUPLICATE_KEY, "ring " + id + " already holds this key: " + entry.describe());
            }
        }
        List<RingEntry> next = new ArrayList<>(entries);
        next.add(pending);
        return new KeyRing(id, version, next);
    }

    /** Attaches the issued certificate to a pending key; the certificate's key must be the pending key. */
    public KeyRing attachCertificate(String entryId, X509Certificate certificate) {
        RingEntry entry = find(entryId);
        if (entry.state() != KeyState.PENDING) {
            throw new KeyRingRefusal(
                    Reason.FORBIDDEN_TRANSITION,
                    "a certificate is imported for a pending key only; " + entry.describe() + " is "
                            + entry.state().wireName());
        }
        if (!Fingerprints.publicKeySha256(certificate.getPublicKey()).equals(entry.publicKeySha256())) {
            throw new KeyRingRefusal(
                    Reason.CERTIFICATE_MISMATCH,
                    "the certificate " + certificate.getSubjectX500Principal().getName() + " is for another key than "
                            + entry.describe());
        }
        return replace(entryId, e -> e.withCertificate(certificate));
    }

    /**
     * Makes a pending key (with its certificate) or a secondary (a roll-back during grace) the primary; the
     * old primary becomes a secondary until {@code at + grace}. With {@code secondOfficer} set, the first
     * call only records the request and a different officer's call completes it.
     *
     * @return the new ring; its {@link #primary()} is the promoted key unless the promotion awaits approval
     */
    public KeyRing promote(String entryId, String officer, Instant at, Duration grace, boolean secondOfficer) {
        RingEntry entry = find(entryId);
        requireMove(entry, KeyState.PRIMARY);
        if (entry.certificate().isEmpty()) {
            throw new KeyRingRefusal(
                    Reason.NO_CERTIFICATE,
                    entry.describe() + " has no certificate yet: import the issued certificate first");
        }
        if (secondOfficer) {
            Optional<String> requestedBy = entry.promotionRequestedBy();
            if (requestedBy.isEmpty()) {
                return replace(entryId, e -> e.withPromotionRequestedBy(officer));
            }
            if (requestedBy.get().equals(officer)) {
                throw new KeyRingRefusal(
                        Reason.SAME_OFFICER,
                        officer + " asked for this promotion; a different officer must approve it");
            }
        }
        Optional<Instant> graceUntil = Optional.of(at.plus(grace));
        List<RingEntry> next = new ArrayList<>();
        for (RingEntry e : entries) {
            if (e.id().equals(entryId)) {
                next.add(e.moveTo(KeyState.PRIMARY, at, Optional.empty()));
            } else if (e.state() == KeyState.PRIMARY) {
                next.add(e.moveTo(KeyState.SECONDARY, at, graceUntil));
            } else {
                next.add(e);
            }
        }
        return new KeyRing(id, version, next);
    }

    /**
     * Takes a secondary out of service. Before its grace ends only with {@code early} (a compromised key),
     * which the caller audits as such.
     */
    public KeyRing retire(String entryId, Instant at, boolean early) {
        RingEntry entry = find(entryId);
        if (entry.state() == KeyState.PRIMARY) {
            throw new KeyRingRefusal(
                    Reason.PRIMARY_NOT_RETIRABLE,
                    "the primary is never retired: promote another key first, then retire " + entry.describe());
        }
        requireMove(entry, KeyState.RETIRED);
        Instant graceEnd = entry.graceUntil().orElse(at);
        if (!early && at.isBefore(graceEnd)) {
            throw new KeyRingRefusal(
                    Reason.GRACE_NOT_OVER,
                    entry.describe() + " is in its grace period until " + graceEnd
                            + "; retire it then, or early if it is compromised");
        }
        return replace(entryId, e -> e.moveTo(KeyState.RETIRED, at, Optional.empty()));
    }

    /** Records that a retired key's private key was erased. */
    public KeyRing destroy(String entryId, Instant at) {
        RingEntry entry = find(entryId);
        if (entry.state() == KeyState.PRIMARY) {
            throw new KeyRingRefusal(
                    Reason.PRIMARY_NOT_RETIRABLE,
                    "the primary is never destroyed: promote another key, retire " + entry.describe()
                            + ", then destroy it");
        }
        requireMove(entry, KeyState.DESTROYED);
        return replace(entryId, e -> e.moveTo(KeyState.DESTROYED, at, Optional.empty()));
    }

    /** The same ring as stored at {@code storedVersion}. */
    public KeyRing atVersion(long storedVersion) {
        return new KeyRing(id, storedVersion, entries);
    }

    private void requireMove(RingEntry entry, KeyState next) {
        if (!entry.state().mayBecome(next)) {
            throw new KeyRingRefusal(
                    Reason.FORBIDDEN_TRANSITION,
                    entry.describe() + " cannot become " + next.wireName() + ": from "
                            + entry.state().wireName() + " a key may only become " + allowedFrom(entry.state()));
        }
    }

    private static String allowedFrom(KeyState state) {
        List<String> allowed = new ArrayList<>();
        for (KeyState next : KeyState.values()) {
            if (state.mayBecome(next)) {
                allowed.add(next.wireName());
            }
        }
        return allowed.isEmpty() ? "nothing (its life is over)" : String.join(" or ", allowed);
    }

    private KeyRing replace(String entryId, UnaryOperator<RingEntry> change) {
        return new KeyRing(
                id,
                version,
                entries.stream()
                        .map(e -> e.id().equals(entryId) ? change.apply(e) : e)
                        .toList());
    }

    private void checkInvariants() {
        Set<String> ids = new HashSet<>();
        Set<String> fingerprints = new HashSet<>();
        long primaries = 0;
        boolean inService = false;
        for (RingEntry entry : entries) {
            if (!ids.add(entry.id()) || !fingerprints.add(entry.publicKeySha256())) {
                throw invariant("holds " + entry.describe() + " twice");
            }
            if (entry.state() == KeyState.PRIMARY) {
                primaries++;
            }
            if (entry.state() != KeyState.PENDING) {
                inService = true;
                X509Certificate certificate = entry.certificate()
                        .orElseThrow(() -> invariant(entry.describe() + " is past pending without a certificate"));
                if (!Fingerprints.publicKeySha256(certificate.getPublicKey()).equals(entry.publicKeySha256())) {
                    throw invariant(entry.describe() + " has a certificate for another key");
                }
            }
            if (entry.state() == KeyState.SECONDARY && entry.graceUntil().isEmpty()) {
                throw invariant(entry.describe() + " is secondary without a grace period");
            }
        }
        if (primaries > 1 || (inService && primaries == 0)) {
            throw invariant("has " + primaries + " primaries; a ring in service has exactly one");
        }
    }

    private IllegalStateException invariant(String problem) {
        return new IllegalStateException("key ring " + id + " " + problem);
    }

    @Override
    public String toString() {
        return "KeyRing[" + id + " v" + version + ", "
                + entries.stream().map(RingEntry::describe).toList() + "]";
    }
}
