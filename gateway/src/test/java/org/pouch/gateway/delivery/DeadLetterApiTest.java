package org.pouch.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEventType;
import org.pouch.delivery.DeliveryRoutes;
import org.pouch.delivery.DeliveryStatus;
import org.pouch.delivery.DeliveryStore;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators list, inspect and replay dead letters on the management port; nobody else may. */
@GatewayTest
class DeadLetterApiTest {

    private static final String DEAD_LETTERS = "/api/v1/dead-letters";

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

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
    void anOperatorListsInspectsAndReplaysADeadLetterWhichIsThenDelivered() throws Exception {
        String exchangeId = deadLetter();
        ManagementClient operator = ManagementClient.as("operator", managementPort);

        HttpResponse<String> list = operator.get(DEAD_LETTERS + "?page=0&size=100");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"exchangeId\":\"" + exchangeId + "\"", "\"lastError\":\"http-400\"");

        HttpResponse<String> inspected = operator.get(DEAD_LETTERS + "/" + exchangeId);
        assertThat(inspected.statusCode()).isEqualTo(200);
        assertThat(inspected.body())
                .contains("\"recipient\":\"PK-FIA\"", "\"outcome\":\"http-400\"", "\"httpStatus\":400")
                .doesNotContain("Tariq", "AB9876543");

        HttpResponse<String> replayed = operator.post(DEAD_LETTERS + "/" + exchangeId + "/replay", "");
        assertThat(replayed.statusCode()).isEqualTo(202);

        records.assertDelivered(exchangeId, PK_FIA);
        assertThat(records.auditOf(exchangeId))
                .filteredOn(event -> event.type() == AuditEventType.REPLAYED)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("operator");
                    assertThat(event.step()).isEqualTo(DeliveryRoutes.REPLAY);
                });
        assertThat(deliveries.attempts(exchangeId)).hasSize(2);
        assertThat(operator.post(DEAD_LETTERS + "/" + exchangeId + "/replay", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(records.deadLetters().browse(exchangeId)).isEmpty();
    }

    @Test
    void onlyOperatorsMaySeeOrReplayDeadLetters() throws Exception {
        String exchangeId = deadLetter();

        for (String staff : new String[] {"auditor", "officer"}) {
            ManagementClient other = ManagementClient.as(staff, managementPort);
            assertThat(other.get(DEAD_LETTERS).statusCode()).isEqualTo(403);
            assertThat(other.get(DEAD_LETTERS + "/" + exchangeId).statusCode()).isEqualTo(403);
            HttpResponse<String> replay = other.post(DEAD_LETTERS + "/" + exchangeId + "/replay", "");
            assertThat(replay.statusCode()).isEqualTo(403);
            assertThat(replay.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(deliveries.find(exchangeId).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD_LETTERED);
        assertThat(records.auditOf(exchangeId)).noneMatch(event -> event.type() == AuditEventType.REPLAYED);
    }

    @Test
    void anUnknownExchangeIsNotFoundAndABadPageIsABadRequest() throws Exception {
        ManagementClient operator = ManagementClient.as("operator", managementPort);

        assertThat(operator.get(DEAD_LETTERS + "/no-such-exchange").statusCode())
                .isEqualTo(404);
        assertThat(operator.get(DEAD_LETTERS + "?size=1000").statusCode()).isEqualTo(400);
    }

    /** A watchlist hit PK-FIA refuses with a 400, dead-lettered at once; PK-FIA answers normally afterwards. */
    private String deadLetter() throws Exception {
        partners.answer(PartnerSystems.inboxOf(PK_FIA).willReturn(aResponse().withStatus(400)));
        ExchangeDocument document = TestDocuments.watchlistHit(PK_MOI, PK_FIA);
        byte[] envelope = PartnerClient.seal(document);
        var response = PartnerClient.of(PK_MOI, partnerPort).post(envelope);
        assertThat(response.statusCode()).isEqualTo(202);
        String exchangeId =
                records.assertAcceptedOnly(envelope, response.body(), document).exchangeId();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries.find(exchangeId))
                        .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD_LETTERED)));
        partners.reset();
        return exchangeId;
    }
}
