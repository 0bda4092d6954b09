package org.pouch.gateway.archive;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs {@link EnvelopePurge} every {@code pouch.archive.purge-interval}. */
@Component
class PurgeSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);

    private final EnvelopePurge purge;
    private final long intervalMillis;
    private ScheduledExecutorService executor;

    PurgeSchedule(EnvelopePurge purge, ArchiveProperties properties) {
        this.purge = purge;
        this.intervalMillis = properties.purgeInterval().toMillis();
    }

    private void purgeNow() {
        try {
            int purged = purge.purge();
            if (purged > 0) {
                LOG.info("purged {} archived envelopes past retention", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("envelope purge failed, retrying at the next interval: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "archive-purge");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::purgeNow, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
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
