package org.pouch.gateway.auditlog;

import java.time.Duration;
import org.pouch.audit.AuditLog;
import org.pouch.audit.LogDamagedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Signs a checkpoint every interval, when the log grew, on the gateway's scheduler. Each node of a cluster runs one; two nodes
 * signing at once each sign a true statement, so no coordination is needed.
 */
final class CheckpointSchedule implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final AuditLog log;
    private final Duration interval;

    CheckpointSchedule(AuditLog log, Duration interval) {
        this.log = log;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::checkpointNow, interval, interval));
    }

    void checkpointNow() {
        try {
            log.checkpoint();
        } catch (LogDamagedException e) {
            // Loud, and no signature: an operator must look before the gateway commits to this log again.
            LOG.error(
                    "AUDIT LOG DAMAGED, no checkpoint signed: {} (first damaged index {})", e.getMessage(), e.index());
        } catch (RuntimeException e) {
            LOG.warn("checkpoint failed, retrying at the next interval: {}", e.toString());
        }
    }
}
