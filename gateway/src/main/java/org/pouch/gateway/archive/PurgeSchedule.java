package org.pouch.gateway.archive;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Runs {@link EnvelopePurge} every {@code pouch.archive.purge-interval}, on the gateway's scheduler. */
@Component
class PurgeSchedule implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);

    private final EnvelopePurge purge;
    private final Duration interval;

    PurgeSchedule(EnvelopePurge purge, ArchiveProperties properties) {
        this.purge = purge;
        this.interval = properties.purgeInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::purgeNow, interval, interval));
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
}
