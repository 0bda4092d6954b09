package org.pouch.gateway.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.pki.KeysProperties;
import org.pouch.gateway.pki.PkiFiles;
import org.pouch.keys.Fingerprints;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRing;
import org.pouch.keys.KeyRingRefusal;
import org.pouch.keys.RingEntry;
import org.pouch.keys.RingId;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills empty rings from the configuration on start: the gateway's signing, decryption, audit-checkpoint
 * and TLS server keys from the {@code pouch.keys.*} PKCS#12 files (copied into the key store), the
 * partners' certificates from the directory. The first configured key of a ring becomes its primary, any
 * others secondaries. A ring that already holds keys is left alone: from then on the rings, not the
 * configuration, are the truth.
 */
final class KeyRingBootstrap {

    private static final Logger log = LoggerFactory.getLogger(KeyRingBootstrap.class);
    private static final String ACTOR = "bootstrap";

    private record Seed(X509Certificate certificate, Optional<PrivateKey> privateKey) {}

    private final JdbcKeyRingStore store;
    private final KeyCustody custody;
    private final AuditTrail audit;
    private final Clock clock;

    KeyRingBootstrap(JdbcKeyRingStore store, KeyCustody custody, AuditTrail audit, Clock clock) {
        this.store = store;
        this.custody = custody;
        this.audit = audit;
        this.clock = clock;
    }

    void run(ParticipantId gateway, KeysProperties keys, ParticipantDirectory directory) {
        seed(new RingId(gateway, KeyPurpose.SIGNING), List.of(own(keys.signing())));
        seed(new RingId(gateway, KeyPurpose.AUDIT_CHECKPOINT), List.of(own(keys.auditCheckpoint())));
        if (keys.tlsServer() != null) {
            seed(new RingId(gateway, KeyPurpose.TLS_SERVER), List.of(own(keys.tlsServer())));
        }
        seed(
                new RingId(gateway, KeyPurpose.ENCRYPTION),
                keys.decryption().stream().map(KeyRingBootstrap::own).toList());
        for (Participant participant : directory.participants()) {
            seed(
                    new RingId(participant.id(), KeyPurpose.SIGNING),
                    participant.signingCertificates().stream()
                            .map(c -> new Seed(c, Optional.empty()))
                            .toList());
            seed(
                    new RingId(participant.id(), KeyPurpose.ENCRYPTION),
                    participant.encryptionCertificate().stream()
                            .map(c -> new Seed(c, Optional.empty()))
                            .toList());
        }
    }

    private static Seed own(KeysProperties.Keystore keystore) {
        Credential credential =
                PkiFiles.credential(keystore.path(), keystore.password().toCharArray());
        return new Seed(credential.certificate(), Optional.of(credential.privateKey()));
    }

    private void seed(RingId id, List<Seed> seeds) {
        if (seeds.isEmpty() || !store.load(id).entries().isEmpty()) {
            return;
        }
        KeyRing ring = KeyRing.empty(id);
        List<Seed> lastFirst = new ArrayList<>(seeds);
        java.util.Collections.reverse(lastFirst);
        for (Seed seed : lastFirst) {
            String sha256 = Fingerprints.publicKeySha256(seed.certificate().getPublicKey());
            String entryId = (id.owner().value() + "-" + id.purpose().wireName() + "-" + sha256.substring(0, 12))
                    .toLowerCase(java.util.Locale.ROOT);
            if (seed.privateKey().isPresent()) {
                // The alias follows from the key, so two nodes seeding at once write the same entry.
                custody.keep(entryId, seed.privateKey().get(), seed.certificate());
            }
            ring = ring.add(RingEntry.pending(
                            entryId, KeySuite.of(seed.certificate().getPublicKey()), sha256, clock.instant()))
                    .attachCertificate(entryId, seed.certificate())
                    .promote(entryId, ACTOR, clock.instant(), Duration.ZERO, false);
        }
        try {
            store.save(ring, Map.of());
        } catch (KeyRingRefusal e) {
            // Another node seeded this ring first, with the same keys under the same aliases.
            log.info("Ring {} was seeded by another node", id);
            return;
        }
        for (RingEntry entry : ring.entries()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("ring", id.toString());
            details.put("key", entry.id());
            details.put("keySha256", entry.publicKeySha256());
            details.put("state", entry.state().wireName());
            details.put(
                    "serial",
                    entry.certificate().orElseThrow().getSerialNumber().toString(16));
            audit.append(AuditEvent.administrative(
                    clock.instant(), AuditEventType.KEY_EVENT, "keys.bootstrap", ACTOR, details));
        }
        log.info(
                "Ring {} seeded from the configuration with {} keys",
                id,
                ring.entries().size());
    }
}
