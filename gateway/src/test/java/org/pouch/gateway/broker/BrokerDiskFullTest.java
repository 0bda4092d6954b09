package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTestFiles;
import org.pouch.gateway.testing.ManagementClient;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.Channel;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.IntakeRoutes;
import org.pouch.testing.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway whose broker finds its disk full, for real: {@code max-disk-usage} at 0 per cent, which any
 * disk in use exceeds. Its own gateway, since every submission is refused. Before ADR 0026 the send to the
 * delivery queue waited for room with no end, holding the partner's request open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pouch.broker.max-disk-usage=0")
@ActiveProfiles("test")
@ContextConfiguration(initializers = GatewayTestFiles.class)
@Import(GatewayRecords.class)
class BrokerDiskFullTest {

    @LocalServerPort
    int partnerPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    GatewayRecords records;

    @Autowired
    ExchangeLedger ledger;

    /** The broker looks at its disk every few seconds, the first time a few seconds after it starts. */
    @BeforeEach
    void brokerHasFoundItsDiskFull() {
        await().atMost(Duration.ofSeconds(30)).until(() -> brokerDisk().equals("DOWN"));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void aGoodSubmissionIsRefusedAsUnavailableAtOnceAuditedAndNotRecorded(Channel channel) {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        PartnerClient pkMoi = PartnerClient.of(PK_MOI, partnerPort);

        GatewayAnswer answer = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> pkMoi.submit(channel, PartnerClient.seal(document)));

        assertThat(answer).isInstanceOf(GatewayAnswer.Rejected.class);
        GatewayAnswer.Rejected rejected = (GatewayAnswer.Rejected) answer;
        assertThat(rejected.reason()).isEqualTo(RejectionReason.UNAVAILABLE);
        records.assertRejectionAudited(rejected, IntakeRoutes.ACCEPT, PK_MOI.value());
        assertThat(ledger.findByMessageId(PK_MOI, document.header().messageId()))
                .isEmpty();
    }

    private String brokerDisk() throws Exception {
        String health = ManagementClient.as("operator", managementPort)
                .get("/actuator/health")
                .body();
        return JsonMapper.shared()
                .readTree(health)
                .path("components")
                .path("brokerDisk")
                .path("status")
                .asString();
    }
}
