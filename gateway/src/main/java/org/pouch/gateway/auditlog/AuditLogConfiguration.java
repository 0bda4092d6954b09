package org.pouch.gateway.auditlog;

import java.time.Clock;
import org.pouch.audit.AuditLog;
import org.pouch.audit.AuditLogStore;
import org.pouch.audit.checkpoint.CheckpointSigner;
import org.pouch.gateway.PouchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifiable log over the gateway's store and its checkpoint schedule. Checkpoints are signed by the
 * audit-checkpoint key ring's primary key ({@code org.pouch.gateway.keys}).
 */
@Configuration(proxyBeanMethods = false)
public class AuditLogConfiguration {

    @Bean
    AuditLog auditLog(
            AuditLogStore store,
            CheckpointSigner signer,
            AuditLogProperties properties,
            PouchProperties pouch,
            Clock clock) {
        return new AuditLog(
                store,
                signer,
                properties.origin().orElse(pouch.participantId().value() + "/audit"),
                clock,
                properties.wholeLogCheckInterval());
    }

    @Bean
    CheckpointSchedule checkpointSchedule(AuditLog log, AuditLogProperties properties) {
        return new CheckpointSchedule(log, properties.checkpointInterval());
    }
}
