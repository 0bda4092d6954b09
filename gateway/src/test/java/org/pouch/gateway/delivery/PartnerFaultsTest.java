package org.pouch.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEventType;
import org.pouch.delivery.DeliveryAttempt;
import org.pouch.delivery.DeliveryStatus;
import org.pouch.delivery.DeliveryStore;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partners that fail: every accepted message is delivered once the partner answers, or dead-lettered,
 * and every request for one exchange carries the same bytes under the same idempotency key. The test
 * profile's small backoffs keep this quick; PK-FIA has a limit of three attempts there.
 */
@GatewayTest
class PartnerFaultsTest {

    private static final Duration SETTLED = Duration.ofSeconds(30);

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    @Autowired
    DeliveryStore deliveries;

    PartnerSystems partners;

    @BeforeEach
    void partnersOfTheRunningGateway() {
        partners = PartnerSystems.shared();
    }

    @AfterEach
    void partnersAnswerAsUsual() {
        partners.reset();
    }

    @Test
    void serverErrorsAreRetriedUnderTheSameKeyUntilThePartnerAnswers() throws Exception {
        failFirst(IQ_MOI, aResponse().withStatus(500), aResponse().withStatus(503));

        String exchangeId = submit(TestDocuments.json(PK_MOI, IQ_MOI));

        records.assertDelivered(exchangeId, IQ_MOI);
        assertSameBytesUnderOneKey(IQ_MOI, exchangeId);
        assertThat(deliveries.attempts(exchangeId))
                .extracting(DeliveryAttempt::outcome)
                .containsSubsequence("http-500", "http-503", "delivered");
        assertThat(partners.answered(IQ_MOI, exchangeId))
                .filteredOn(status -> status == 200)
                .hasSize(1);
    }

    @Test
    void aConnectionResetIsRetried() throws Exception {
        failFirst(IQ_MOI, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        String exchangeId = submit(TestDocuments.json(PK_MOI, IQ_MOI));

        records.assertDelivered(exchangeId, IQ_MOI);
        assertSameBytesUnderOneKey(IQ_MOI, exchangeId);
        assertThat(deliveries.attempts(exchangeId).get(0).outcome()).isEqualTo("no-answer");
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsAFailedAttemptAndRetried() throws Exception {
        // The test profile's request timeout is 5 s.
        failFirst(IQ_MOI, PartnerSystems.signedReceipt().withFixedDelay(6_000));

        String exchangeId = submit(TestDocuments.json(PK_MOI, IQ_MOI));

        records.assertDelivered(exchangeId, IQ_MOI);
        assertSameBytesUnderOneKey(IQ_MOI, exchangeId);
        assertThat(deliveries.attempts(exchangeId).get(0).error()).contains("HttpTimeoutException");
    }

    @Test
    void aRefusalIsDeadLetteredWithoutRetrying() throws Exception {
        partners.answer(PartnerSystems.inboxOf(PK_FIA).willReturn(aResponse().withStatus(400)));

        String exchangeId = submit(TestDocuments.watchlistHit(PK_MOI, PK_FIA));

        assertDeadLettered(exchangeId);
        assertThat(deliveries.attempts(exchangeId))
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo("http-400"));
    }

    @Test
    void aPartnerDownForTheWholeTestIsDeadLetteredAtItsAttemptLimit() throws Exception {
        partners.answer(PartnerSystems.inboxOf(PK_FIA).willReturn(aResponse().withStatus(503)));

        String exchangeId = submit(TestDocuments.watchlistHit(PK_MOI, PK_FIA));

        assertDeadLettered(exchangeId);
        // PK-FIA's own limit in the test profile; an open circuit reschedules without counting.
        assertThat(deliveries.attempts(exchangeId)).hasSize(3);
        assertSameBytesUnderOneKey(PK_FIA, exchangeId);
        assertThat(records.deadLetters().browse(exchangeId)).hasSize(1);
    }

    @Test
    void everyMessageQueuedWhileAPartnerIsDownIsDeliveredOnceItIsBack() throws Exception {
        partners.answer(PartnerSystems.inboxOf(IQ_MOI).willReturn(aResponse().withStatus(503)));
        List<String> exchangeIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            exchangeIds.add(submit(TestDocuments.json(PK_MOI, IQ_MOI)));
        }
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(exchangeIds)
                        .allSatisfy(
                                id -> assertThat(partners.received(IQ_MOI, id)).isNotEmpty()));

        partners.reset();

        for (String exchangeId : exchangeIds) {
            records.assertDelivered(exchangeId, IQ_MOI);
            assertThat(partners.answered(IQ_MOI, exchangeId))
                    .filteredOn(status -> status == 200)
                    .hasSize(1);
        }
    }

    private void failFirst(ParticipantId partner, ResponseDefinitionBuilder... failures) {
        // A scenario of its own per test: WireMock keeps a scenario's state by its name.
        String scenario = "faults-" + UUID.randomUUID();
        String state = STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "failed-" + (i + 1);
            partners.answer(PartnerSystems.inboxOf(partner)
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(failures[i])
                    .willSetStateTo(next));
            state = next;
        }
        partners.answer(PartnerSystems.inboxOf(partner)
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willReturn(PartnerSystems.signedReceipt()));
    }

    private void assertDeadLettered(String exchangeId) {
        // The state is stored first, then the audit entry, each in its own commit.
        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(deliveries.find(exchangeId))
                    .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD_LETTERED));
            assertThat(records.auditOf(exchangeId))
                    .filteredOn(event -> event.type() == AuditEventType.DEAD_LETTERED)
                    .hasSize(1);
        });
        assertThat(records.auditOf(exchangeId)).noneMatch(event -> event.type() == AuditEventType.DELIVERED);
    }

    private void assertSameBytesUnderOneKey(ParticipantId partner, String exchangeId) {
        // WireMock logs a request once it has answered it, so a slow answer shows up late.
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(partners.received(partner, exchangeId))
                        .as("attempts %s", deliveries.attempts(exchangeId))
                        .hasSize(deliveries.attempts(exchangeId).size())
                        .hasSizeGreaterThan(1));
        List<LoggedRequest> received = partners.received(partner, exchangeId);
        assertThat(received)
                .extracting(LoggedRequest::getBody)
                .allSatisfy(body -> assertThat(body).isEqualTo(received.get(0).getBody()));
    }

    private String submit(ExchangeDocument document) throws Exception {
        byte[] envelope = PartnerClient.seal(document);
        var response = PartnerClient.of(document.header().from(), partnerPort).post(envelope);
        assertThat(response.statusCode()).isEqualTo(202);
        return records.assertAcceptedOnly(envelope, response.body(), document).exchangeId();
    }
}
