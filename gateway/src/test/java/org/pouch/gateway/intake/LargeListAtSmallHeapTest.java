package org.pouch.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.Content;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Origin;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.Receipt;
import org.pouch.formats.movements.Direction;
import org.pouch.formats.pilgrims.Group;
import org.pouch.formats.pilgrims.GroupLeader;
import org.pouch.formats.pilgrims.Organiser;
import org.pouch.formats.pilgrims.Passport;
import org.pouch.formats.pilgrims.Pilgrim;
import org.pouch.formats.pilgrims.Sex;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.gateway.testing.ClientTls;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayProcess;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.gateway.testing.PartnerSystems;
import org.pouch.intake.Channel;
import org.pouch.spool.Spool;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The memory target of issue 8: a gateway in a JVM of its own at {@code -Xmx256m} accepts a 200,000-pilgrim
 * list (a 50 MB envelope) over REST with a verifiable receipt, archives the envelope byte for byte, answers
 * from its overstay facts, and delivers the list to the recipient's system, which opens all of it. Heavy: it seals and sends 50 MB and writes 200,000 rows; a
 * gateway of its own because the heap limit is the point. The list is generated and sealed as streams, so
 * the test's own JVM does not hold it either.
 */
@Tag("heavy")
class LargeListAtSmallHeapTest {

    private static final int PILGRIMS = 200_000;
    private static final LocalDate ARRIVAL = LocalDate.of(2026, 3, 1);
    private static final int PERMITTED_DAYS = 20;
    private static final JsonMapper WRITER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            // The spool is finished, not closed, once the list is written.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** When each phase ended, to read the gateway's GC log by. */
    private static final Logger LOG = LoggerFactory.getLogger(LargeListAtSmallHeapTest.class);

    private GatewayProcess gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
            // Forgets the 50 MB delivery it logged.
            PartnerSystems.shared().reset();
        }
    }

    @Test
    void aListOfTwoHundredThousandPilgrimsIsAcceptedArchivedAnsweredFromAndDeliveredByAGatewayAt256Megabytes()
            throws Exception {
        gateway = GatewayProcess.prepare(Map.of("pouch.max-envelope-size", "256MB"));
        PartnerSystems partners = PartnerSystems.shared();
        partners.reset();
        Path gcLog = gateway.directory().resolve("gc.log");
        gateway.withJvmArguments("-Xmx256m", "-Xlog:gc:file=" + gcLog + ":time,uptime")
                .start();
        String group = TestPilgrims.freshGroupReference();
        ExchangeDocument list;
        Path envelope = gateway.directory().resolve("list.cms");
        try (Spool payload = pilgrimList(group, gateway.directory())) {
            list = TestPilgrims.listDocument(PK_MOI, IQ_MOI, Payload.of(PayloadType.JSON, payload));
            try (OutputStream out = Files.newOutputStream(envelope)) {
                sealer(list).seal(list, gatewayCertificate(), out);
            }
        }
        assertThat(Files.size(envelope)).isGreaterThan(40L * 1024 * 1024);

        LOG.info("posting the list at {}", Instant.now());
        HttpResponse<byte[]> response = post(envelope);
        LOG.info("the gateway answered at {}", Instant.now());

        GatewayAnswer.Accepted accepted = GatewayAnswer.ofRest(response).accepted();
        TestPki pki = TestPki.shared();
        Receipt receipt = new ReceiptVerifier(pki.senders(), pki.validator(), Clock.systemUTC())
                .verify(accepted.receipt())
                .receipt();
        String sha256 = sha256(Files.newInputStream(envelope));
        assertThat(receipt.status()).isEqualTo(Receipt.Status.ACCEPTED);
        assertThat(receipt.messageId()).isEqualTo(list.header().messageId());
        assertThat(receipt.envelopeSha256()).isEqualTo(sha256);

        // The overstay facts: the host reports one pilgrim entering and never leaving.
        String stayed = passport(123_456);
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI,
                PK_MOI,
                TestPilgrims.movements(
                        group,
                        list.header().messageId(),
                        List.of(new TestPilgrims.Crossing(
                                stayed, Direction.ENTRY, ARRIVAL.atTime(6, 40).atOffset(ZoneOffset.ofHours(3))))));
        PartnerClient.of(IQ_MOI, gateway.partnerPort())
                .submit(Channel.REST, PartnerClient.seal(report))
                .accepted();
        LOG.info("the movements were accepted at {}", Instant.now());
        HttpResponse<String> answer = PartnerClient.of(PK_MOI, gateway.partnerPort())
                .get("/api/v1/overstays?asOf=" + ARRIVAL.plusMonths(3) + "&group=" + group);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode overstays = WRITER.readTree(answer.body()).path("overstays");
        assertThat(overstays).singleElement().satisfies(item -> {
            assertThat(item.path("passportNumber").asString()).isEqualTo(stayed);
            assertThat(item.path("surname").asString()).isEqualTo("Khan" + 123_456);
            assertThat(item.path("status").asString()).isEqualTo("NO_EXIT");
            assertThat(item.path("permittedUntil").asString())
                    .isEqualTo(ARRIVAL.plusDays(PERMITTED_DAYS).toString());
        });

        LOG.info("the overstays were answered at {}", Instant.now());

        await().atMost(Duration.ofMinutes(5))
                .until(() -> partners.answered(IQ_MOI, accepted.exchangeId()).contains(200));
        LOG.info("the list was delivered at {}", Instant.now());
        List<LoggedRequest> deliveries = partners.received(IQ_MOI, accepted.exchangeId());
        assertThat(deliveries).isNotEmpty();
        try (OpenedMessage delivered =
                PartnerSystems.open(IQ_MOI, deliveries.get(0).getBody())) {
            assertThat(delivered.document().header().messageId()).isEqualTo(accepted.exchangeId());
            assertThat(delivered.document().header().origin())
                    .contains(new Origin(PK_MOI, list.header().messageId()));
            assertThat(passportNumbers(delivered.document().payload()))
                    .as("every pilgrim delivered, in order")
                    .hasSize(PILGRIMS)
                    .startsWith(passport(0), passport(1))
                    .endsWith(passport(PILGRIMS - 1));
        }
        // The ledger, read once the gateway has stopped and let go of its database.
        gateway.close();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + gateway.directory().resolve("db/pouch")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "sa",
                        "");
                PreparedStatement query = db.prepareStatement(
                        "select envelope_sha256, envelope_size from exchanges where exchange_id = ?")) {
            query.setString(1, accepted.exchangeId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("envelope_sha256")).isEqualTo(sha256);
                // Read as the ledger reads it: a chunk per statement.
                Content archived = new ChunkTable(
                                JdbcClient.create(new SingleConnectionDataSource(db, true)), "exchange_envelope_chunks")
                        .read(accepted.exchangeId(), row.getLong("envelope_size"));
                assertThat(sha256(archived.openStream())).isEqualTo(sha256);
            }
            assertThat(pilgrimsRecorded(db, accepted.exchangeId())).isEqualTo(PILGRIMS);
        }
    }

    /** The list's canonical JSON, written a pilgrim at a time into a spool as the bench's lists are made. */
    private static Spool pilgrimList(String reference, Path directory) throws IOException {
        Group group = new Group(
                reference,
                new Organiser("Al-Zahra Hajj and Ziyarat Services", "MORA-ZO-0412"),
                new GroupLeader("Muhammad Ali Rizvi", "محمد علی رضوی", "+92 300 0000000"),
                "NJF",
                ARRIVAL,
                ARRIVAL.plusDays(15),
                PERMITTED_DAYS);
        Spool.Writer out = Spool.writer(directory, 1024 * 1024);
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.writeStartObject();
            json.writeName("group");
            WRITER.writeValue(json, group);
            json.writeName("pilgrims");
            json.writeStartArray();
            for (int i = 0; i < PILGRIMS; i++) {
                WRITER.writeValue(
                        json,
                        new Pilgrim(
                                "Khan" + i,
                                "Ayesha",
                                "عائشہ خان",
                                i % 2 == 0 ? Sex.F : Sex.M,
                                LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                                "PAK",
                                new Passport(passport(i), LocalDate.of(2031, 6, 30)),
                                String.format("35202-%07d-%d", i, i % 10),
                                null,
                                "IQ-ZV-2026-" + String.format("%06d", i)));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.finish();
    }

    /** The passport numbers of a delivered list, read as a stream. */
    private static List<String> passportNumbers(Payload payload) throws IOException {
        List<String> numbers = new ArrayList<>(PILGRIMS);
        try (InputStream in = payload.openStream();
                JsonParser json = WRITER.createParser(in)) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.PROPERTY_NAME
                        && json.currentName().equals("passport")) {
                    json.nextToken();
                    while (json.nextToken() != JsonToken.END_OBJECT) {
                        String member = json.currentName();
                        json.nextToken();
                        if (member.equals("number")) {
                            numbers.add(json.getString());
                        }
                    }
                }
            }
        }
        return numbers;
    }

    private static String passport(int i) {
        return "AB" + String.format("%07d", i);
    }

    private static EnvelopeSealer sealer(ExchangeDocument document) {
        return new EnvelopeSealer(
                () -> TestPki.shared().signing(document.header().from(), KeySuite.EC_P256), Clock.systemUTC());
    }

    private static java.security.cert.X509Certificate gatewayCertificate() {
        return TestPki.shared().encryption(TestPki.GATEWAY, KeySuite.EC_P256).certificate();
    }

    private HttpResponse<byte[]> post(Path envelope) throws IOException, InterruptedException {
        HttpClient http =
                ClientTls.httpClient(ClientTls.presenting(TestPki.shared().pki().tlsClient(PK_MOI)));
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("https://localhost:" + gateway.partnerPort() + PartnerClient.ENVELOPES_PATH))
                        .header("Content-Type", "application/pkcs7-mime")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofFile(envelope))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int pilgrimsRecorded(Connection db, String listId) throws SQLException {
        try (PreparedStatement count =
                db.prepareStatement("select sum(pilgrim_count) from overstay_pilgrim_batches where list_id = ?")) {
            count.setString(1, listId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
