package org.pouch.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.gateway.testing.GatewayProcess;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.intake.Channel;
import org.pouch.testing.TestDocuments;

/**
 * The whole gateway on PostgreSQL, as production runs it: its own migrations on an empty database, then
 * messages accepted, recorded, delivered to the partner and audited there. The stores each have their
 * PostgreSQL tests; this one shows they work together in one gateway.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class GatewayOnPostgresTest {

    private static final int MESSAGES = 3;

    @AfterEach
    void forgetThePartnersAnswers() {
        PartnerSystems.shared().reset();
    }

    @Test
    void aGatewayOnAnEmptyPostgresDatabaseAcceptsDeliversAndAudits(DataSource server) throws Exception {
        String database = "gateway_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        PGSimpleDataSource shared = (PGSimpleDataSource) server;
        String url = "jdbc:postgresql://localhost:" + shared.getPortNumbers()[0] + "/" + database;
        Map<String, String> onThatDatabase = Map.of(
                "spring.datasource.url",
                url,
                "spring.datasource.username",
                shared.getUser(),
                "spring.datasource.password",
                "");
        try (GatewayProcess gateway = GatewayProcess.prepare(onThatDatabase).start()) {
            acceptDeliverAndAudit(gateway, url, shared.getUser());
        }
    }

    private static void acceptDeliverAndAudit(GatewayProcess gateway, String url, String user) throws Exception {
        PartnerSystems partners = PartnerSystems.shared();
        partners.answer(PartnerSystems.inboxOf(IQ_MOI).willReturn(PartnerSystems.signedReceipt()));

        PartnerClient pkMoi = PartnerClient.of(PK_MOI, gateway.partnerPort());
        List<String> exchangeIds = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
            exchangeIds.add(pkMoi.submit(Channel.REST, PartnerClient.seal(document))
                    .accepted()
                    .exchangeId());
        }

        await().atMost(Duration.ofMinutes(1))
                .until(() -> exchangeIds.stream()
                        .allMatch(id -> partners.answered(IQ_MOI, id).contains(200)));
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            assertThat(count(connection, "select count(*) from exchanges")).isEqualTo(MESSAGES);
            for (String exchangeId : exchangeIds) {
                // The delivered entry is appended after the partner's answer, so it may trail it a little.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> types(connection, exchangeId).contains("DELIVERED"));
                assertThat(types(connection, exchangeId)).contains("ACCEPTED", "DELIVERY_ATTEMPTED", "DELIVERED");
            }
        }
    }

    private static long count(Connection connection, String query) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> types(Connection connection, String exchangeId) throws Exception {
        List<String> types = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select type from audit_events where exchange_id = '" + exchangeId + "' order by seq")) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        return types;
    }
}
