package org.pouch.gateway.broker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the embedded broker can take messages, in the health endpoint (component {@code brokerDisk}):
 * {@code DOWN} while its journal's disk is fuller than {@code pouch.broker.max-disk-usage}, when every
 * submission is refused as {@code unavailable}. Gives operators the cause before partners call.
 */
final class BrokerDisk implements HealthIndicator {

    private final EmbeddedBroker broker;
    private final int maxDiskUsage;

    BrokerDisk(EmbeddedBroker broker, int maxDiskUsage) {
        this.broker = broker;
        this.maxDiskUsage = maxDiskUsage;
    }

    @Override
    public Health health() {
        Health.Builder health = broker.diskFull() ? Health.down() : Health.up();
        return health.withDetail("maxDiskUsagePercent", maxDiskUsage).build();
    }
}
