package org.pouch.gateway.keys;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.certificates.Credential;
import org.pouch.certificates.TrustMaterial;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.exchange.ParticipantId;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRing;
import org.pouch.keys.RingEntry;
import org.pouch.keys.RingId;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rings as this node uses them now: the decryption keys the opener tries, the signing key receipts
 * and deliveries are signed with, and the partners' live certificates in the participant directory.
 *
 * <p>Every node polls the rings' change count in the database every {@code refresh-interval} and reloads
 * when it moved, so a change made on one node takes effect on all of them within that interval, without
 * a restart; the node that made a change reloads at once. A reload that fails (a key missing from the key
 * store, a database outage) leaves the previous state in force and is retried at the next poll.
 */
final class LiveKeyRings implements DecryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(LiveKeyRings.class);

    /** One consistent view: the rings at one change count and the credentials of the gateway's live keys. */
    record Snapshot(long changeCount, Map<RingId, KeyRing> rings, Map<String, Credential> credentials) {}

    private final JdbcKeyRingStore store;
    private final KeyCustody custody;
    private final ParticipantId gateway;
    private final ParticipantDirectory directory;
    private final TrustMaterial trust;
    private volatile Snapshot snapshot;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    LiveKeyRings(
            JdbcKeyRingStore store,
            KeyCustody custody,
            ParticipantId gateway,
            ParticipantDirectory directory,
            TrustMaterial trust) {
        this.store = store;
        this.custody = custody;
        this.gateway = gateway;
        this.directory = directory;
        this.trust = trust;
    }

    /** As {@link #refresh}, run on a schedule for changes made on other nodes: a failure keeps the rings. */
    void refreshOrKeep() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Key rings not refreshed, the previous ones stay in force: {}", e.toString());
        }
    }

    /** Reloads the rings if they changed since the last load. */
    synchronized void refresh() {
        long count = store.changeCount();
        Snapshot current = snapshot;
        if (current != null && current.changeCount() == count) {
            return;
        }
        Map<RingId, KeyRing> rings = store.loadAll();
        Map<String, Credential> credentials = new HashMap<>();
        for (KeyRing ring : rings.values()) {
            if (!ring.id().owner().equals(gateway)) {
                continue;
            }
            for (RingEntry entry : ring.published()) {
                Credential previous =
                        current == null ? null : current.credentials().get(entry.id());
                credentials.put(entry.id(), previous != null ? previous : credential(entry));
            }
        }
        applyPartnerRings(rings);
        snapshot = new Snapshot(count, Map.copyOf(rings), Map.copyOf(credentials));
        log.info("Key rings loaded at change {}", count);
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every reload. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            refresh();
            current = snapshot;
        }
        return current;
    }

    ParticipantId gatewayId() {
        return gateway;
    }

    Optional<KeyRing> gatewayRing(KeyPurpose purpose) {
        return Optional.ofNullable(snapshot().rings().get(new RingId(gateway, purpose)));
    }

    /** The credential of the gateway's primary key for {@code purpose}. */
    Optional<Credential> primary(KeyPurpose purpose) {
        Snapshot current = snapshot();
        return gatewayRing(purpose)
                .flatMap(KeyRing::primary)
                .map(entry -> current.credentials().get(entry.id()));
    }

    /** The signing key now: what receipts and deliveries are signed with. Asked for on every signature. */
    Credential signingKey() {
        return primary(KeyPurpose.SIGNING)
                .orElseThrow(() -> new IllegalStateException("the signing ring has no primary key"));
    }

    /** The audit-checkpoint key now: what the log's checkpoints are signed with. */
    Credential auditCheckpointKey() {
        return primary(KeyPurpose.AUDIT_CHECKPOINT)
                .orElseThrow(() -> new IllegalStateException("the audit-checkpoint ring has no primary key"));
    }

    @Override
    public List<Credential> openingKeys() {
        Snapshot current = snapshot();
        return gatewayRing(KeyPurpose.ENCRYPTION).map(KeyRing::published).orElse(List.of()).stream()
                .map(entry -> current.credentials().get(entry.id()))
                .toList();
    }

    @Override
    public List<X509Certificate> retiredCertificates() {
        return gatewayRing(KeyPurpose.ENCRYPTION).map(KeyRing::outOfService).orElse(List.of());
    }

    private Credential credential(RingEntry entry) {
        X509Certificate certificate = entry.certificate().orElseThrow();
        return new Credential(
                entry.id(),
                custody.privateKey(entry.id())
                        .orElseThrow(() -> new IllegalStateException(
                                "the key store holds no private key for live key " + entry.describe())),
                certificate,
                chain(certificate),
                custody.provider());
    }

    /** The certificate and the configured CA certificates above it, as signatures carry them. */
    private List<X509Certificate> chain(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        List<X509Certificate> issuers = new ArrayList<>(trust.intermediates());
        issuers.addAll(trust.anchors());
        X509Certificate current = certificate;
        while (chain.size() < 8) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = issuers.stream()
                    .filter(ca ->
                            !ca.equals(child) && ca.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                    .findFirst();
            if (issuer.isEmpty() || chain.contains(issuer.get())) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return chain;
    }

    /** Puts the partners' live signing certificates and primary encryption certificates into the directory. */
    private void applyPartnerRings(Map<RingId, KeyRing> rings) {
        List<Participant> updated = new ArrayList<>();
        for (Participant participant : directory.participants()) {
            KeyRing signing = rings.get(new RingId(participant.id(), KeyPurpose.SIGNING));
            KeyRing encryption = rings.get(new RingId(participant.id(), KeyPurpose.ENCRYPTION));
            updated.add(new Participant(
                    participant.id(),
                    participant.name(),
                    signing == null || signing.live().isEmpty()
                            ? participant.signingCertificates()
                            : signing.live().stream()
                                    .map(entry -> entry.certificate().orElseThrow())
                                    .toList(),
                    encryption == null || encryption.primary().isEmpty()
                            ? participant.encryptionCertificate()
                            : encryption.primary().flatMap(RingEntry::certificate),
                    participant.tlsClientCertificates(),
                    participant.endpoint(),
                    participant.legacyEncryption()));
        }
        directory.replaceParticipants(updated);
    }
}
