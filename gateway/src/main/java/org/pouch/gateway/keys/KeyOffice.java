package org.pouch.gateway.keys;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ParticipantId;
import org.pouch.keys.CertificationRequests;
import org.pouch.keys.Fingerprints;
import org.pouch.keys.IssuedCertificates;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRing;
import org.pouch.keys.KeyRingRefusal;
import org.pouch.keys.KeyState;
import org.pouch.keys.Pem;
import org.pouch.keys.RingEntry;
import org.pouch.keys.RingId;

/**
 * What security officers do to the key rings: generate a key and its CSR, import the issued certificate,
 * promote, retire, destroy; register, promote and retire partner certificates. Each step is checked by the
 * ring, written over the version it was made from, takes effect on this node at once (on the others at
 * their next poll), and is audited with the officer's name and the key's fingerprint, refusals included.
 */
public final class KeyOffice {

    /** What a promotion did: the key is primary now, or it awaits a second officer. */
    public record Promotion(String outcome, KeyView key) {}

    /** A generated key and its PKCS#10 certification request, for the CA. */
    public record GeneratedKey(KeyView key, String csr) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcKeyRingStore store;
    private final KeyCustody custody;
    private final LiveKeyRings live;
    private final CertificateValidator validator;
    private final AuditTrail audit;
    private final Clock clock;
    private final KeyRingProperties properties;
    private final ParticipantId gateway;

    KeyOffice(
            JdbcKeyRingStore store,
            KeyCustody custody,
            LiveKeyRings live,
            CertificateValidator validator,
            AuditTrail audit,
            Clock clock,
            KeyRingProperties properties,
            ParticipantId gateway) {
        this.store = store;
        this.custody = custody;
        this.live = live;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.gateway = gateway;
    }

    /** Every key of every ring, or of one owner's rings. */
    public List<KeyView> list(Optional<ParticipantId> owner) {
        return store.loadAll().values().stream()
                .filter(ring -> owner.map(ring.id().owner()::equals).orElse(true))
                .flatMap(ring -> ring.entries().stream().map(entry -> KeyView.of(ring.id(), entry)))
                .toList();
    }

    public KeyView find(String keyId) {
        KeyRing ring = ringHolding(keyId);
        return KeyView.of(ring.id(), ring.find(keyId));
    }

    /**
     * Generates a pending key for one of the gateway's rings and its CSR.
     *
     * @param subject the distinguished name to ask for; by default the current primary's
     */
    public GeneratedKey generate(String officer, KeyPurpose purpose, KeySuite suite, Optional<String> subject) {
        RingId ringId = new RingId(gateway, purpose);
        return attempt(officer, "keys.generate", Map.of("ring", ringId.toString()), () -> {
            requireServable(ringId);
            KeyRing ring = store.load(ringId);
            String dn = subject.filter(s -> !s.isBlank())
                    .or(() -> ring.primary()
                            .flatMap(RingEntry::certificate)
                            .map(c -> c.getSubjectX500Principal().getName()))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "ring " + ringId + " has no primary to copy a subject from: give --subject"));
            String id = newId(purpose);
            KeyCustody.GeneratedKey keys = custody.generate(id, suite, purpose, dn);
            String sha256 = Fingerprints.publicKeySha256(keys.publicKey());
            KeyRing changed = ring.add(RingEntry.pending(id, suite, sha256, clock.instant()));
            String csr = CertificationRequests.create(dn, keys.publicKey(), keys.privateKey(), custody.provider());
            store.save(changed, Map.of(id, csr));
            live.refresh();
            RingEntry entry = changed.find(id);
            audited(officer, "keys.generate", ringId, entry, Map.of("subject", dn));
            return new GeneratedKey(KeyView.of(ringId, entry), csr);
        });
    }

    /** The CSR of a generated key, again. */
    public String csr(String keyId) {
        return store.csr(keyId)
                .filter(csr -> csr != null)
                .orElseThrow(() -> new KeyRingRefusal(KeyRingRefusal.Reason.UNKNOWN_KEY, "no CSR for key " + keyId));
    }

    /** Attaches the CA's certificate to a pending key, once it chains to a trust anchor and is for this key. */
    public KeyView importCertificate(String officer, String keyId, String pemChain) {
        return change(officer, "keys.import", keyId, ring -> {
            List<X509Certificate> chain = Pem.certificates(pemChain);
            IssuedCertificates.check(chain, ring.id().purpose(), validator, clock.instant());
            return ring.attachCertificate(keyId, chain.get(0));
        });
    }

    /** Makes a key primary, or records the request when a second officer must approve it. */
    public Promotion promote(String officer, String keyId) {
        KeyView after = change(officer, "keys.promote", keyId, ring -> {
            requireServable(ring.id());
            return ring.promote(keyId, officer, clock.instant(), properties.grace(), properties.secondOfficer());
        });
        return new Promotion(
                after.state().equals(KeyState.PRIMARY.wireName()) ? "promoted" : "awaiting-second-officer", after);
    }

    /** Takes a secondary out of service; before its grace ends only with {@code early}. */
    public KeyView retire(String officer, String keyId, boolean early) {
        return change(
                officer,
                early ? "keys.retire-early" : "keys.retire",
                keyId,
                ring -> ring.retire(keyId, clock.instant(), early));
    }

    /** Erases a retired key's private key; its certificate stays on record. */
    public KeyView destroy(String officer, String keyId) {
        return change(officer, "keys.destroy", keyId, ring -> {
            if (!ring.id().owner().equals(gateway)) {
                throw new KeyRingRefusal(
                        KeyRingRefusal.Reason.UNSUPPORTED,
                        "key " + keyId + " is a partner's certificate: there is no private key here to destroy");
            }
            KeyRing destroyed = ring.destroy(keyId, clock.instant());
            custody.erase(keyId);
            return destroyed;
        });
    }

    /** Registers a partner's new certificate as pending in its signing or encryption ring. */
    public KeyView registerPartnerCertificate(
            String officer, ParticipantId partner, KeyPurpose purpose, String pemChain) {
        RingId ringId = new RingId(partner, purpose);
        return attempt(officer, "partners.cert.register", Map.of("ring", ringId.toString()), () -> {
            if (partner.equals(gateway) || (purpose != KeyPurpose.SIGNING && purpose != KeyPurpose.ENCRYPTION)) {
                throw new IllegalArgumentException(
                        "a partner registers signing or encryption certificates; the gateway's own keys are generated");
            }
            if (live.snapshot().rings().keySet().stream()
                    .noneMatch(id -> id.owner().equals(partner))) {
                throw new IllegalArgumentException(partner + " is not a participant");
            }
            List<X509Certificate> chain = Pem.certificates(pemChain);
            IssuedCertificates.check(chain, purpose, validator, clock.instant());
            X509Certificate certificate = chain.get(0);
            String sha256 = Fingerprints.publicKeySha256(certificate.getPublicKey());
            String id = partner.value().toLowerCase(java.util.Locale.ROOT) + "-" + newId(purpose);
            KeyRing ring = store.load(ringId);
            KeyRing changed = ring.add(
                            RingEntry.pending(id, KeySuite.of(certificate.getPublicKey()), sha256, clock.instant()))
                    .attachCertificate(id, certificate);
            store.save(changed, Map.of());
            live.refresh();
            RingEntry entry = changed.find(id);
            audited(officer, "partners.cert.register", ringId, entry, Map.of());
            return KeyView.of(ringId, entry);
        });
    }

    private KeyView change(String officer, String step, String keyId, UnaryOperator<KeyRing> action) {
        return attempt(officer, step, Map.of("key", keyId), () -> {
            KeyRing ring = ringHolding(keyId);
            KeyRing changed = action.apply(ring);
            store.save(changed, Map.of());
            live.refresh();
            RingEntry entry = changed.find(keyId);
            audited(officer, step, ring.id(), entry, Map.of());
            return KeyView.of(ring.id(), entry);
        });
    }

    /**
     * A TLS server key must be one the ports can serve: refused when generated, so that no CA issues a
     * certificate for nothing, and when promoted, in case a key store was changed under an existing ring.
     */
    private void requireServable(RingId ring) {
        if (ring.purpose() == KeyPurpose.TLS_SERVER && !custody.servesTls()) {
            throw new KeyRingRefusal(
                    KeyRingRefusal.Reason.UNSUPPORTED,
                    "the ports cannot serve TLS with a key in a PKCS#11 token: keep the TLS server key in the"
                            + " configured PKCS#12 file (pouch.keys.tls-server and the SSL bundles)");
        }
    }

    private KeyRing ringHolding(String keyId) {
        return store.ringHolding(keyId)
                .orElseThrow(() -> new KeyRingRefusal(KeyRingRefusal.Reason.UNKNOWN_KEY, "no key " + keyId));
    }

    private interface Step<T> {
        T run();
    }

    /** Runs a step; a refusal or a bad request is audited as an admin action naming the officer, then rethrown. */
    private <T> T attempt(String officer, String step, Map<String, String> facts, Step<T> action) {
        try {
            return action.run();
        } catch (KeyRingRefusal e) {
            Map<String, String> details = new LinkedHashMap<>(facts);
            details.put("refused", e.reason().code());
            record(AuditEventType.ADMIN_ACTION, step, officer, details);
            throw e;
        } catch (IllegalArgumentException e) {
            Map<String, String> details = new LinkedHashMap<>(facts);
            details.put("refused", "bad-request");
            record(AuditEventType.ADMIN_ACTION, step, officer, details);
            throw e;
        }
    }

    private void audited(String officer, String step, RingId ring, RingEntry entry, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ring", ring.toString());
        details.put("key", entry.id());
        details.put("keySha256", entry.publicKeySha256());
        details.put("state", entry.state().wireName());
        entry.certificate()
                .ifPresent(c -> details.put("serial", c.getSerialNumber().toString(16)));
        entry.graceUntil().ifPresent(g -> details.put("graceUntil", g.toString()));
        entry.promotionRequestedBy().ifPresent(o -> details.put("awaitingSecondOfficer", o));
        details.putAll(extra);
        record(AuditEventType.KEY_EVENT, step, officer, details);
    }

    private void record(AuditEventType type, String step, String officer, Map<String, String> details) {
        Instant at = clock.instant();
        audit.append(AuditEvent.administrative(at, type, step, officer, details));
    }

    private static String newId(KeyPurpose purpose) {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        String prefix = switch (purpose) {
            case SIGNING -> "sig";
            case ENCRYPTION -> "enc";
            case TLS_SERVER -> "tls";
            case AUDIT_CHECKPOINT -> "chk";
        };
        return prefix + "-" + HexFormat.of().formatHex(random);
    }
}
