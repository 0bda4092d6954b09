package org.pouch.gateway.broker;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.DiskFullMessagePolicy;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;

/**
 * An ActiveMQ Artemis broker inside the gateway's JVM, reachable only through its in-VM acceptor: no
 * port is opened, so there is no one to authenticate and security is off. Messages are persisted in a
 * journal under the data directory before a send returns, so an accepted exchange survives a crash.
 *
 * <p>When the disk holding the journal is used beyond {@code max-disk-usage} per cent, the broker refuses
 * sends to the delivery queue at once (ADR 0026) instead of holding the sender until space is freed: a
 * send that waits holds a partner's request and a request thread with it, with no end and no answer.
 */
final class EmbeddedBroker {

    /**
     * In-VM ids are global to the JVM. Two brokers on one id do not fail: the second one's acceptor does
     * not start and its clients reach the first broker, whose consumers then take the other's messages.
     * Tests start a gateway per Spring context in one JVM, so each broker takes an id of its own.
     */
    private static final AtomicInteger NEXT_IN_VM_ID = new AtomicInteger();

    private static final String ACCEPTOR = "in-vm";

    private final EmbeddedActiveMQ server;
    private final int inVmId;

    /** A broker on the next in-VM id no other broker of this JVM has had. */
    EmbeddedBroker(Path dataDirectory, int maxDiskUsage) {
        this(dataDirectory, maxDiskUsage, NEXT_IN_VM_ID.getAndIncrement());
    }

    /**
     * @param maxDiskUsage how full, in per cent, the journal's disk may be before sends are refused
     * @param inVmId the in-VM server id, unique within the JVM; connections reach it as {@code vm://ID}
     */
    EmbeddedBroker(Path dataDirectory, int maxDiskUsage, int inVmId) {
        this.inVmId = inVmId;
        this.server = new EmbeddedActiveMQ().setConfiguration(configuration(dataDirectory, maxDiskUsage, inVmId));
    }

    private static Configuration configuration(Path dataDirectory, int maxDiskUsage, int inVmId) {
        Path data = dataDirectory.toAbsolutePath();
        try {
            return new ConfigurationImpl()
                    .setName("pouch-" + inVmId)
                    .setPersistenceEnabled(true)
                    // NIO, not libaio: the same journal on every machine, with no native library to install.
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(data.resolve("journal").toString())
                    .setBindingsDirectory(data.resolve("bindings").toString())
                    .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                    .setPagingDirectory(data.resolve("paging").toString())
                    .setMaxDiskUsage(maxDiskUsage)
                    .setSecurityEnabled(false)
                    // Metrics go through the gateway's own endpoints; MBeans would also clash between
                    // two brokers in one JVM.
                    .setJMXManagementEnabled(false)
                    .addAcceptorConfiguration(ACCEPTOR, "vm://" + inVmId)
                    .addQueueConfiguration(durableQueue(Queues.DELIVERY))
                    .addQueueConfiguration(durableQueue(Queues.DEAD_LETTER))
                    .addAddressSetting(
                            Queues.DELIVERY,
                            new AddressSettings()
                                    // Redelivery after a rollback (the database down, say) backs off
                                    // for about half an hour in all before the dead-letter address.
                                    .setRedeliveryDelay(1_000)
                                    .setRedeliveryMultiplier(2.0)
                                    .setMaxRedeliveryDelay(60_000)
                                    .setMaxDeliveryAttempts(30)
                                    // Refuse, not block, while the disk is full: the intake answers 503
                                    // at once. A queue beyond the broker's memory still pages to disk.
                                    .setDiskFullMessagePolicy(DiskFullMessagePolicy.FAIL)
                                    .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER))
                                    .setExpiryAddress(SimpleString.of(Queues.DEAD_LETTER)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the embedded broker", e);
        }
    }

    private static QueueConfiguration durableQueue(String name) {
        return QueueConfiguration.of(name)
                .setAddress(name)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(true);
    }

    /**
     * @throws IllegalStateException if its acceptor did not start (another broker of this JVM holds the
     *     id): Artemis only logs that, and clients would reach the other broker
     */
    void start() throws Exception {
        server.start();
        Acceptor acceptor = server.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR);
        if (acceptor == null || !acceptor.isStarted()) {
            server.stop();
            throw new IllegalStateException(
                    "the embedded broker cannot take in-VM id " + inVmId + ": another broker of this JVM holds it");
        }
    }

    void stop() throws Exception {
        server.stop();
    }

    /**
     * Whether the broker refuses sends for want of disk: its last look at the journal's disk (every few
     * seconds) found it fuller than {@code max-disk-usage}.
     */
    boolean diskFull() {
        return server.getActiveMQServer().getPagingManager().isDiskFull();
    }

    /** Where JMS connections to this broker go. */
    String connectorUrl() {
        return "vm://" + inVmId;
    }
}
