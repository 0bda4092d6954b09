package org.pouch.gateway.auditlog;

import java.time.Clock;
import org.pouch.audit.AuditLog;
import org.pouch.audit.AuditLogStore;
import org.pouch.audit.checkpoint.CheckpointSigner;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.certificates.Credential;
import org.pouch.gateway.PouchProperties;
import org.pouch.gateway.pki.PkiFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifiable log over the gateway's store, its checkpoint key and its checkpoint schedule. */
@Configuration(proxyBeanMethods = false)
public class AuditLogConfiguration {

    /**
     * Signs with the key file read once at start-up. The seam for key rotation: a key ring replaces the
     * supplier, nothing else changes.
     */
    @Bean
    CheckpointSigner checkpointSigner(AuditCheckpointKeyProperties key, Clock clock) {
        Credential credential = PkiFiles.credential(key.path(), key.password().toCharArray());
        return new CmsCheckpointSigner(() -> credential, clock);
    }

    @Bean
    AuditLog auditLog(
            AuditLogStore store,
            CheckpointSigner signer,
            AuditLogProperties properties,
            PouchProperties pouch,
            Clock clock) {
        return new AuditLog(
                store, signer, properties.origin().orElse(pouch.participantId().value() + "/audit"), clock);
    }

    @Bean
    CheckpointSchedule checkpointSchedule(AuditLog log, AuditLogProperties properties) {
        return new CheckpointSchedule(log, properties.checkpointInterval());
    }
}
