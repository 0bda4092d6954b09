package org.pouch.gateway.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pouch.audit.AuditTrail;
import org.pouch.audit.checkpoint.CheckpointSigner;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.TrustMaterial;
import org.pouch.gateway.PouchProperties;
import org.pouch.gateway.pki.KeysProperties;
import org.pouch.partners.ParticipantDirectory;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * The gateway's keys as rings: the key store, the live rings (which are the opener's decryption keys and
 * the source of the signing key) and the officers' operations. On first start the rings are seeded from
 * {@code pouch.keys.*} and the directory.
 */
@Configuration(proxyBeanMethods = false)
public class KeysConfiguration {

    @Bean
    KeyCustody keyCustody(KeyRingProperties properties, Clock clock) {
        KeyRingProperties.Store store = properties.store();
        char[] secret = store.password().toCharArray();
        return switch (store.type()) {
            case PKCS12 -> {
                if (store.path() == null) {
                    throw new IllegalStateException("pouch.key-rings.store.path is needed for a PKCS12 key store");
                }
                yield new Pkcs12Custody(store.path(), secret, clock);
            }
            case PKCS11 -> {
                if (store.library() == null) {
                    throw new IllegalStateException("pouch.key-rings.store.library is needed for a PKCS11 key store");
                }
                yield new Pkcs11Custody(store.library().toString(), store.slot(), store.slotIndex(), secret, clock);
            }
        };
    }

    /** The live rings; also the opener's {@link org.pouch.envelope.DecryptionKeys}. */
    @Bean
    LiveKeyRings liveKeyRings(
            JdbcKeyRingStore store,
            KeyCustody custody,
            PouchProperties pouch,
            KeysProperties keys,
            ParticipantDirectory directory,
            TrustMaterial trust,
            AuditTrail audit,
            Clock clock) {
        new KeyRingBootstrap(store, custody, audit, clock).run(pouch.participantId(), keys, directory);
        LiveKeyRings live = new LiveKeyRings(store, custody, pouch.participantId(), directory, trust);
        live.refresh();
        return live;
    }

    /** Picks up, every {@code refresh-interval}, what officers changed through another node. */
    @Bean
    SchedulingConfigurer keyRingsRefresh(LiveKeyRings live, KeyRingProperties properties) {
        Duration interval = properties.refreshInterval();
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(live::refreshOrKeep, interval, interval));
    }

    /**
     * Signs the audit log's checkpoints with the audit-checkpoint ring's primary key, asked for on every
     * checkpoint, so that a rotated key signs the next one.
     */
    @Bean
    CheckpointSigner checkpointSigner(LiveKeyRings live, Clock clock) {
        return new CmsCheckpointSigner(live::auditCheckpointKey, clock);
    }

    /** The primary signing key, asked for on every signature so that a promotion takes effect at once. */
    @Bean
    Supplier<Credential> signingKey(LiveKeyRings live) {
        return live::signingKey;
    }

    /**
     * Both ports serve the TLS server ring's primary: their SSL bundles ({@code server.ssl.bundle},
     * {@code management.server.ssl.bundle}) are updated now and after every ring change.
     */
    @Bean
    TlsServerBundles tlsServerBundles(
            LiveKeyRings live,
            KeyCustody custody,
            SslBundles bundles,
            SslBundleRegistry registry,
            Environment environment) {
        List<String> names = Stream.of("server.ssl.bundle", "management.server.ssl.bundle")
                .map(environment::getProperty)
                .filter(name -> name != null && !name.isBlank())
                .distinct()
                .toList();
        TlsServerBundles served = new TlsServerBundles(live, bundles, registry, names, custody.servesTls());
        served.serveRingPrimary();
        live.onChange(served::serveRingPrimary);
        return served;
    }

    /** Certificate expiry in the health endpoint and as a gauge. */
    @Bean
    CertificateExpiry certificateExpiry(LiveKeyRings live, Clock clock, KeyRingProperties properties) {
        CertificateExpiry expiry = new CertificateExpiry(live, clock, properties.expiryWarning());
        live.onChange(expiry::refreshGauges);
        return expiry;
    }

    @Bean
    KeyOffice keyOffice(
            JdbcKeyRingStore store,
            KeyCustody custody,
            LiveKeyRings live,
            CertificateValidator validator,
            AuditTrail audit,
            Clock clock,
            KeyRingProperties properties,
            PouchProperties pouch) {
        return new KeyOffice(store, custody, live, validator, audit, clock, properties, pouch.participantId());
    }
}
