package org.pouch.overstay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.formats.RuleViolation;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.formats.movements.Direction;
import org.pouch.testing.InMemoryOverstayRecords;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPilgrims.Crossing;
import org.pouch.testing.TestPilgrims.Listed;

class OverstayFactsTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2026, 3, 1);

    private final InMemoryOverstayRecords records = new InMemoryOverstayRecords();
    private final OverstayFacts facts = new OverstayFacts(records);
    private final String group = TestPilgrims.freshGroupReference();

    private ExchangeDocument acceptList() {
        ExchangeDocument list = TestPilgrims.listDocument(
                PK_MOI,
                IQ_MOI,
                TestPilgrims.list(
                        group,
                        ARRIVAL,
                        14,
                        List.of(
                                new Listed("AB1234567", "Khan", "Ayesha"),
                                new Listed("CK7654321", "Hussain", "Sajjad"))));
        // As the guard hands a JSON list on: checked as a stream, no model; its facts are read as a stream.
        facts.record(
                list.header(), "exchange-1", Instant.parse("2026-02-20T10:00:00Z"), list.payload(), Optional.empty());
        return list;
    }

    private static Object model(ExchangeDocument document) {
        Header header = document.header();
        return MessageTypes.lookup(header.type(), header.schemaVersion()).read(document.payload());
    }

    private static Crossing entry(String passport) {
        return new Crossing(passport, Direction.ENTRY, ARRIVAL.atTime(6, 40).atOffset(ZoneOffset.ofHours(3)));
    }

    private List<RuleViolation> check(ExchangeDocument report) {
        return facts.check(report.header(), model(report));
    }

    @Test
    void aListIsRecordedWithItsPermittedStayAndPassportsOnly() {
        ExchangeDocument list = acceptList();

        assertThat(records.lists()).singleElement().satisfies(recorded -> {
            assertThat(recorded.home()).isEqualTo(PK_MOI);
            assertThat(recorded.host()).isEqualTo(IQ_MOI);
            assertThat(recorded.listMessageId()).isEqualTo(list.header().messageId());
            assertThat(recorded.departure()).isEqualTo(ARRIVAL.plusDays(14));
            assertThat(recorded.permittedUntil()).isEqualTo(ARRIVAL.plusDays(14));
            assertThat(recorded.pilgrims())
                    .containsExactly(
                            new ListedPilgrim("AB1234567", "PAK", "Khan", "Ayesha"),
                            new ListedPilgrim("CK7654321", "PAK", "Hussain", "Sajjad"));
        });
    }

    @Test
    void aListReadAsAStreamIsRecordedAsTheBoundListIs() {
        ExchangeDocument streamed = acceptList();
        InMemoryOverstayRecords bound = new InMemoryOverstayRecords();
        new OverstayFacts(bound)
                .record(
                        streamed.header(),
                        "exchange-1",
                        Instant.parse("2026-02-20T10:00:00Z"),
                        streamed.payload(),
                        Optional.of(model(streamed)));

        assertThat(records.lists()).usingRecursiveComparison().isEqualTo(bound.lists());
    }

    @Test
    void movementsOfListedPassportsKeepTheRule() {
        acceptList();
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI, PK_MOI, TestPilgrims.movements(group, null, List.of(entry("AB1234567"), entry("CK7654321"))));

        assertThat(check(report)).isEmpty();
    }

    @Test
    void anUnlistedPassportIsNamedByItsFieldPath() {
        acceptList();
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI, PK_MOI, TestPilgrims.movements(group, null, List.of(entry("AB1234567"), entry("ZZ0000001"))));

        assertThat(check(report))
                .containsExactly(
                        new RuleViolation("$.movements[1].traveller.passportNumber", "passport-on-answered-list"));
    }

    @Test
    void aGroupNoListWasAcceptedForIsNamed() {
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI, PK_MOI, TestPilgrims.movements(group, null, List.of(entry("AB1234567"))));

        assertThat(check(report))
                .containsExactly(new RuleViolation("$.answers.groupReference", "list-accepted-by-gateway"));
    }

    @Test
    void aListMessageIdThatNamesNoListOfTheGroupIsNamed() {
        acceptList();
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI, PK_MOI, TestPilgrims.movements(group, "another-message", List.of(entry("AB1234567"))));

        assertThat(check(report))
                .containsExactly(new RuleViolation("$.answers.listMessageId", "list-accepted-by-gateway"));
    }

    @Test
    void theListMustHaveGoneFromTheReportsRecipientToItsSender() {
        acceptList();
        // BE-IBZ never received the list; that it went to IQ-MOI says nothing about BE-IBZ's report.
        ExchangeDocument report = TestPilgrims.movementsDocument(
                BE_IBZ, PK_MOI, TestPilgrims.movements(group, null, List.of(entry("AB1234567"))));

        assertThat(check(report)).extracting(RuleViolation::rule).containsExactly("list-accepted-by-gateway");
    }

    @Test
    void movementsAreRecordedOnceHoweverOftenTheyAreReported() {
        ExchangeDocument list = acceptList();
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI, PK_MOI, TestPilgrims.movements(group, list.header().messageId(), List.of(entry("AB1234567"))));

        facts.record(report.header(), "exchange-2", Instant.now(), report.payload(), Optional.of(model(report)));
        facts.record(report.header(), "exchange-2", Instant.now(), report.payload(), Optional.empty());

        assertThat(records.movements()).singleElement().satisfies(m -> {
            assertThat(m.groupReference()).isEqualTo(group);
            assertThat(m.movement().passportNumber()).isEqualTo("AB1234567");
            assertThat(m.movement().localDate()).isEqualTo(ARRIVAL);
            assertThat(m.movement().at()).isEqualTo(Instant.parse("2026-03-01T03:40:00Z"));
        });
    }

    @Test
    void otherMessageTypesAreNeitherCheckedNorRecorded() {
        Object notAboutPilgrims = new Object();
        ExchangeDocument document =
                TestPilgrims.listDocument(PK_MOI, IQ_MOI, TestPilgrims.list(group, ARRIVAL, 1, List.of()));
        Header header = document.header();

        assertThat(facts.check(header, notAboutPilgrims)).isEmpty();
        facts.record(header, "exchange-3", Instant.now(), document.payload(), Optional.of(notAboutPilgrims));
        assertThat(records.lists()).isEmpty();
        assertThat(OverstayFacts.concerns("watchlist-hit")).isFalse();
        assertThat(OverstayFacts.concerns("pilgrim-movements")).isTrue();
    }
}
