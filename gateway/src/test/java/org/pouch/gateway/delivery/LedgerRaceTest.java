package org.pouch.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEventType;
import org.pouch.exchange.Content;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.MessageHeaders;
import org.pouch.gateway.broker.Queues;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake queues an exchange id before it records the exchange, so delivery may see the id first. It
 * waits for the ledger a bounded time (3 s in the test profile): a late row is delivered, an id the
 * ledger never holds is audited as an orphan and dropped, never delivered.
 */
@GatewayTest
class LedgerRaceTest {

    @Autowired
    ProducerTemplate camel;

    @Autowired
    ExchangeLedger ledger;

    @Autowired
    GatewayRecords records;

    @Test
    void anExchangeRecordedAfterItsIdWasQueuedIsDelivered() {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = PartnerClient.seal(document);
        String exchangeId = UUID.randomUUID().toString();

        queue(exchangeId);
        // Long enough for the route to take the id and find no row; nothing outside marks that moment.
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        ledger.record(new AcceptedExchange(
                exchangeId,
                document.header().messageId(),
                PK_MOI,
                IQ_MOI,
                "pilgrim-list",
                "0".repeat(64),
                Instant.now(),
                Content.inMemory(envelope),
                new byte[] {0}));

        records.assertDelivered(exchangeId, IQ_MOI);
        assertThat(PartnerSystems.shared().received(IQ_MOI, exchangeId)).isNotEmpty();
    }

    @Test
    void anIdTheLedgerNeverHoldsIsDroppedAsAnOrphan() {
        String exchangeId = UUID.randomUUID().toString();

        queue(exchangeId);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(records.auditOf(exchangeId))
                        .singleElement()
                        .satisfies(event -> assertThat(event.type()).isEqualTo(AuditEventType.ORPHAN_DROPPED)));
        assertThat(PartnerSystems.shared().received(IQ_MOI, exchangeId)).isEmpty();
    }

    private void queue(String exchangeId) {
        camel.sendBodyAndHeaders(
                "jms:queue:" + Queues.DELIVERY,
                exchangeId,
                Map.of(
                        MessageHeaders.EXCHANGE_ID,
                        exchangeId,
                        MessageHeaders.RECIPIENT,
                        IQ_MOI.value(),
                        MessageHeaders.MESSAGE_TYPE,
                        "pilgrim-list"));
    }
}
