package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.MessageHeaders;
import org.pouch.gateway.testing.BrokerQueue;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What delivery relies on when it takes from its queue, on the gateway's broker and connection factory:
 * a route that throws has its message back, and what it sent meanwhile is undone with it; a route that
 * returns has sent exactly once. Queues of their own, so the delivery route takes none of it.
 */
@GatewayTest
class TransactedConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ConnectionFactory connectionFactory;

    private final String routeId = "transacted-consumer-test-" + UUID.randomUUID();

    @AfterEach
    void removeRoute() throws Exception {
        camel.getRouteController().stopRoute(routeId);
        camel.removeRoute(routeId);
    }

    @Test
    void aRouteThatThrowsGetsItsMessageAgainAndWhatItSentIsUndone() throws Exception {
        String in = "pouch.test.in-" + UUID.randomUUID();
        String out = "pouch.test.out-" + UUID.randomUUID();
        String exchangeId = UUID.randomUUID().toString();
        AtomicInteger deliveries = new AtomicInteger();
        sendThenWork(in, out, e -> {
            if (deliveries.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is gone, this once");
            }
        });

        producer.sendBodyAndHeaders(
                "jms:queue:" + in, "exchange " + exchangeId, Map.of(MessageHeaders.EXCHANGE_ID, exchangeId));

        await().atMost(WAIT).until(() -> deliveries.get() == 2);
        BrokerQueue sent = new BrokerQueue(connectionFactory, out);
        Message first = sent.take(exchangeId, WAIT);
        assertThat(first).isNotNull();
        assertThat(first.getBody(String.class)).isEqualTo("exchange " + exchangeId);
        // The send of the failed delivery was rolled back with it: one message, not two.
        assertThat(sent.take(exchangeId, Duration.ofSeconds(2))).isNull();
        assertThat(new BrokerQueue(connectionFactory, in).take(exchangeId, Duration.ofSeconds(2)))
                .as("taken off its queue once the route returned")
                .isNull();
        assertThat(deliveries).hasValue(2);
    }

    @Test
    void consecutiveMessagesAreTakenInTheirOwnTransactions() throws Exception {
        String in = "pouch.test.in-" + UUID.randomUUID();
        String out = "pouch.test.out-" + UUID.randomUUID();
        List<String> seen = new CopyOnWriteArrayList<>();
        sendThenWork(in, out, e -> {
            String id = e.getMessage().getHeader(MessageHeaders.EXCHANGE_ID, String.class);
            // The second of the three fails once, after its send: the others must not be undone with it.
            boolean first = !seen.contains(id);
            seen.add(id);
            if (id.endsWith("-1") && first) {
                throw new IllegalStateException("this one fails once");
            }
        });
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            producer.sendBodyAndHeaders("jms:queue:" + in, "m" + i, Map.of(MessageHeaders.EXCHANGE_ID, run + "-" + i));
        }

        BrokerQueue sent = new BrokerQueue(connectionFactory, out);
        for (int i = 0; i < 3; i++) {
            assertThat(sent.take(run + "-" + i, WAIT))
                    .as("message %d sent on", i)
                    .isNotNull();
            assertThat(sent.take(run + "-" + i, Duration.ofMillis(500)))
                    .as("message %d sent once", i)
                    .isNull();
        }
    }

    /** A route on the gateway's jms component as delivery's: take in a transaction, send to {@code out}, work. */
    private void sendThenWork(String in, String out, Processor work) throws Exception {
        camel.addRoutes(new EndpointRouteBuilder() {
            @Override
            public void configure() {
                from(Queues.transactedConsumer(in, 1))
                        .routeId(routeId)
                        .errorHandler(noErrorHandler())
                        .to(ExchangePattern.InOnly, Queues.inTransaction(out))
                        .process(work);
            }
        });
    }
}
