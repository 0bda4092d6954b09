package org.pouch.gateway.overstay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.movements.Direction;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.Channel;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPilgrims.Crossing;
import org.pouch.testing.TestPilgrims.Listed;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overstay API through the running gateway over mutual TLS, fed the way it is in production: PK-MOI
 * sends IQ-MOI two lists, IQ-MOI reports the movements, PK-MOI asks. Dates are relative to today, so
 * the movements are in the past and the lists within their retention. The pilgrims travel once for
 * the whole class; every test only asks.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverstayApiEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Arrived 40 days ago, permitted 10 days: the stay ended 30 days ago. */
    private static final LocalDate DUE_ARRIVAL = TODAY.minusDays(40);
    /** Arrived 5 days ago, permitted 20 days: the stay ends in 15 days. */
    private static final LocalDate NOT_DUE_ARRIVAL = TODAY.minusDays(5);

    @LocalServerPort
    int partnerPort;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private String due;
    private String notDue;

    @BeforeAll
    void pilgrimsTravelled() throws Exception {
        due = TestPilgrims.freshGroupReference();
        notDue = TestPilgrims.freshGroupReference();
        String dueList = sendList(
                due,
                DUE_ARRIVAL,
                10,
                new Listed("NE0000001", "Stayed", "Nadia"),
                new Listed("LE0000002", "Late", "Latif"),
                new Listed("TE0000003", "Timely", "Tariq"),
                new Listed("UE0000004", "Unseen", "Umar"));
        String notDueList = sendList(notDue, NOT_DUE_ARRIVAL, 20, new Listed("YE0000005", "Young", "Yusuf"));
        report(
                due,
                dueList,
                entry("NE0000001", DUE_ARRIVAL),
                entry("LE0000002", DUE_ARRIVAL),
                entry("TE0000003", DUE_ARRIVAL),
                // Five days after the stay ended.
                exit("LE0000002", DUE_ARRIVAL.plusDays(15)),
                // On the last permitted day, late in the evening at the post.
                exit("TE0000003", DUE_ARRIVAL.plusDays(10)));
        report(notDue, notDueList, entry("YE0000005", NOT_DUE_ARRIVAL));
    }

    private String sendList(String group, LocalDate arrival, int days, Listed... pilgrims) throws Exception {
        ExchangeDocument list =
                TestPilgrims.listDocument(PK_MOI, IQ_MOI, TestPilgrims.list(group, arrival, days, List.of(pilgrims)));
        PartnerClient.of(PK_MOI, partnerPort)
                .submit(Channel.REST, PartnerClient.seal(list))
                .accepted();
        return list.header().messageId();
    }

    private void report(String group, String listMessageId, Crossing... crossings) throws Exception {
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI, PK_MOI, TestPilgrims.movements(group, listMessageId, List.of(crossings)));
        PartnerClient.of(IQ_MOI, partnerPort)
                .submit(Channel.REST, PartnerClient.seal(report))
                .accepted();
    }

    private static Crossing entry(String passport, LocalDate date) {
        return new Crossing(passport, Direction.ENTRY, date.atTime(6, 40).atOffset(ZoneOffset.ofHours(3)));
    }

    private static Crossing exit(String passport, LocalDate date) {
        return new Crossing(passport, Direction.EXIT, date.atTime(23, 30).atOffset(ZoneOffset.ofHours(3)));
    }

    private HttpResponse<String> ask(ParticipantId caller, String query) throws Exception {
        return PartnerClient.of(caller, partnerPort).get("/api/v1/overstays" + query);
    }

    private JsonNode answer(ParticipantId caller, String query) throws Exception {
        HttpResponse<String> response = ask(caller, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<String> passports(JsonNode answer) {
        List<String> passports = new ArrayList<>();
        answer.path("overstays")
                .forEach(item -> passports.add(item.path("passportNumber").asString()));
        return passports;
    }

    private static String group(String reference) {
        return "group=" + URLEncoder.encode(reference, StandardCharsets.UTF_8);
    }

    @Test
    void theHomeMinistryLearnsWhoStayedWithoutAnExitAndWhoLeftLate() throws Exception {
        JsonNode answer = answer(PK_MOI, "?" + group(due));

        assertThat(answer.path("asOf").asString()).isEqualTo(TODAY.toString());
        assertThat(answer.path("total").asInt()).isEqualTo(2);
        assertThat(passports(answer))
                .as("timely exit and never seen entering are no overstays")
                .containsExactlyInAnyOrder("NE0000001", "LE0000002");
        JsonNode stayed = item(answer, "NE0000001");
        assertThat(stayed.path("status").asString()).isEqualTo("NO_EXIT");
        assertThat(stayed.path("daysOver").asLong()).isEqualTo(30);
        assertThat(stayed.path("permittedUntil").asString())
                .isEqualTo(DUE_ARRIVAL.plusDays(10).toString());
        assertThat(stayed.path("surname").asString()).isEqualTo("Stayed");
        assertThat(stayed.path("host").asString()).isEqualTo("IQ-MOI");
        assertThat(OffsetDateTime.parse(stayed.path("entered").asString()).toInstant())
                .isEqualTo(DUE_ARRIVAL
                        .atTime(6, 40)
                        .atOffset(ZoneOffset.ofHours(3))
                        .toInstant());
        assertThat(stayed.path("exited").isNull()).isTrue();
        JsonNode late = item(answer, "LE0000002");
        assertThat(late.path("status").asString()).isEqualTo("LATE_EXIT");
        assertThat(late.path("daysOver").asLong()).isEqualTo(5);
    }

    @Test
    void aListWhoseStayHasNotEndedHasNoOverstayUntilTheDateAskedAboutIsPastIt() throws Exception {
        assertThat(passports(answer(PK_MOI, "?" + group(notDue)))).isEmpty();

        JsonNode later = answer(PK_MOI, "?" + group(notDue) + "&asOf=" + TODAY.plusDays(16));

        assertThat(passports(later)).containsExactly("YE0000005");
        assertThat(item(later, "YE0000005").path("daysOver").asLong()).isEqualTo(1);
    }

    @Test
    void anAnswerAboutAPastDateIgnoresWhatCameLater() throws Exception {
        // Ten days ago Latif had not left yet: he was overstaying then without an exit.
        JsonNode then = answer(PK_MOI, "?" + group(due) + "&asOf=" + DUE_ARRIVAL.plusDays(12));

        assertThat(item(then, "LE0000002").path("status").asString()).isEqualTo("NO_EXIT");
    }

    @Test
    void answersComeAPageAtATime() throws Exception {
        JsonNode first = answer(PK_MOI, "?" + group(due) + "&size=1");
        JsonNode second = answer(PK_MOI, "?" + group(due) + "&size=1&page=1");
        JsonNode beyond = answer(PK_MOI, "?" + group(due) + "&size=1&page=2");

        assertThat(first.path("total").asInt()).isEqualTo(2);
        assertThat(first.path("size").asInt()).isEqualTo(1);
        List<String> both = new ArrayList<>(passports(first));
        both.addAll(passports(second));
        assertThat(both).containsExactlyInAnyOrder("NE0000001", "LE0000002");
        assertThat(passports(beyond)).isEmpty();
    }

    @Test
    void anotherParticipantCannotReadTheHomeMinistrysAnswer() throws Exception {
        for (ParticipantId other : List.of(IQ_MOI, BE_IBZ)) {
            JsonNode answer = answer(other, "?" + group(due));

            assertThat(answer.path("total").asInt()).as(other.value()).isZero();
            assertThat(answer.path("overstays")).as(other.value()).isEmpty();
        }
    }

    @Test
    void aCertificateOfNoParticipantIsRefusedAndAudited() throws Exception {
        HttpResponse<String> response = PartnerClient.presenting(
                        TestPki.shared().pki().staff("operator"), partnerPort)
                .get("/api/v1/overstays?" + group(due));

        JsonNode problem = problem(response, 403, "not-a-participant");
        assertThat(audit.forIncident(problem.path("incidentId").asString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo(AuditEventType.ADMIN_ACTION);
                    assertThat(event.step()).isEqualTo(OverstayAnswers.QUERY_STEP);
                    assertThat(event.actor()).startsWith("unregistered client");
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"asOf, 2026-13-01", "asOf, yesterday", "page, -1", "size, 0", "size, 501", "size, many"})
    void badInputIsAProblemNamingTheParameterAndIsAudited(String parameter, String value) throws Exception {
        HttpResponse<String> response =
                ask(PK_MOI, "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));

        JsonNode problem = problem(response, 400, "bad-query");
        assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
        if (!value.matches("-?[0-9]+")) {
            assertThat(response.body()).as("the value is not echoed").doesNotContain(value);
        }
        assertThat(audit.forIncident(problem.path("incidentId").asString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo(AuditEventType.ADMIN_ACTION);
                    assertThat(event.actor()).isEqualTo(PK_MOI.value());
                });
    }

    @Test
    void everyQuestionIsAuditedWithTheCallerAsActor() throws Exception {
        int before = queriesAuditedFor(PK_MOI);

        answer(PK_MOI, "?" + group(due));

        assertThat(queriesAuditedFor(PK_MOI)).isEqualTo(before + 1);
    }

    private int queriesAuditedFor(ParticipantId actor) {
        return jdbc.sql("select count(*) from audit_events where type = :type and step = :step and actor = :actor")
                .param("type", AuditEventType.ADMIN_ACTION.name())
                .param("step", OverstayAnswers.QUERY_STEP)
                .param("actor", actor.value())
                .query(Integer.class)
                .single();
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("type").asString()).isEqualTo("urn:pouch:overstay:" + code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("incidentId").asString()).isNotBlank();
        GatewayAnswer.assertNothingInternal(response.body());
        return problem;
    }

    private static JsonNode item(JsonNode answer, String passport) {
        for (JsonNode item : answer.path("overstays")) {
            if (item.path("passportNumber").asString().equals(passport)) {
                return item;
            }
        }
        throw new AssertionError(passport + " is not in " + answer);
    }
}
