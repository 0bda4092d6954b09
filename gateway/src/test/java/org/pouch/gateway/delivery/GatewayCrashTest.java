package org.pouch.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.Origin;
import org.pouch.gateway.testing.GatewayProcess;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.intake.Channel;
import org.pouch.testing.TestDocuments;

/**
 * A gateway killed (SIGKILL) while accepted messages wait in its queue and some are on their way to the
 * partner, then started again on the same database and journal: every accepted message reaches the
 * partner, and whatever reached it twice came under the same idempotency key.
 */
class GatewayCrashTest {

    private static final int MESSAGES = 12;

    private GatewayProcess gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        PartnerSystems.shared().reset();
    }

    @Test
    void everyAcceptedMessageIsDeliveredAfterAHardStopAndARestart() throws Exception {
        // One delivery at a time, so that at the kill most messages are still queued and one is in flight.
        gateway =
                GatewayProcess.prepare(Map.of("pouch.delivery.consumers", "1")).start();
        PartnerSystems partners = PartnerSystems.shared();
        // The partners' log is checked as a whole at the end, so it starts empty of earlier tests' requests.
        partners.reset();
        partners.answer(PartnerSystems.inboxOf(IQ_MOI)
                .willReturn(PartnerSystems.signedReceipt().withFixedDelay(1_500)));

        PartnerClient pkMoi = PartnerClient.of(PK_MOI, gateway.partnerPort());
        Map<String, String> messageIdByExchange = new LinkedHashMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
            String exchangeId = pkMoi.submit(Channel.REST, PartnerClient.seal(document))
                    .accepted()
                    .exchangeId();
            messageIdByExchange.put(exchangeId, document.header().messageId());
        }
        await().atMost(Duration.ofMinutes(1))
                .until(() -> messageIdByExchange.keySet().stream()
                        .anyMatch(id -> !partners.received(IQ_MOI, id).isEmpty()));

        gateway.kill();
        // What the partner had answered and received before the kill: the reset below (back to prompt
        // answers) forgets it, and a message delivered then is not delivered again.
        Set<String> deliveredBeforeTheKill = messageIdByExchange.keySet().stream()
                .filter(id -> partners.answered(IQ_MOI, id).contains(200))
                .collect(Collectors.toSet());
        List<ServeEvent> servedBeforeTheKill = partners.server().getAllServeEvents();
        assertThat(deliveredBeforeTheKill)
                .as("messages were still waiting when the gateway was killed")
                .hasSizeLessThan(MESSAGES);

        partners.reset();
        gateway.start();

        await().atMost(Duration.ofMinutes(5))
                .until(() -> messageIdByExchange.keySet().stream()
                        .allMatch(id -> deliveredBeforeTheKill.contains(id)
                                || partners.answered(IQ_MOI, id).contains(200)));
        List<ServeEvent> served = new ArrayList<>(servedBeforeTheKill);
        served.addAll(partners.server().getAllServeEvents());
        messageIdByExchange.forEach((exchangeId, messageId) -> {
            List<LoggedRequest> received = served.stream()
                    .map(ServeEvent::getRequest)
                    .filter(request -> request.getUrl().equals(PartnerSystems.inbox(IQ_MOI)))
                    .filter(request -> exchangeId.equals(request.getHeader(PartnerSystems.IDEMPOTENCY_KEY)))
                    .toList();
            assertThat(received).as("deliveries of %s", exchangeId).isNotEmpty();
            for (LoggedRequest request : received) {
                Header header = PartnerSystems.open(IQ_MOI, request.getBody())
                        .document()
                        .header();
                assertThat(header.messageId()).isEqualTo(exchangeId);
                assertThat(header.origin()).contains(new Origin(PK_MOI, messageId));
            }
        });
        assertThat(served)
                .as("nothing reached the partner under an idempotency key of no accepted exchange")
                .filteredOn(event -> event.getRequest().getUrl().equals(PartnerSystems.inbox(IQ_MOI)))
                .filteredOn(event ->
                        !messageIdByExchange.containsKey(event.getRequest().getHeader(PartnerSystems.IDEMPOTENCY_KEY)))
                .isEmpty();
    }
}
