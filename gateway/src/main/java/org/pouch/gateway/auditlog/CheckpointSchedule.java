package org.pouch.gateway.auditlog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pouch.audit.AuditLog;
import org.pouch.audit.LogDamagedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Signs a checkpoint every interval, when the log grew. Each node of a cluster runs one; two nodes
 * signing at once each sign a true statement, so no coordination is needed.
 */
final class CheckpointSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final AuditLog log;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointSchedule(AuditLog log, Duration interval) {
        this.log = log;
        this.interval = interval;
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

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::checkpointNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
