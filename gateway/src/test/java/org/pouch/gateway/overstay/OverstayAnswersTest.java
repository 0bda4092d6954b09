package org.pouch.gateway.overstay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.movements.Direction;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.pouch.overstay.RecordedMovement;
import org.pouch.testing.InMemoryAuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit log learns from a question: who asked, the filters and the count, never whom the answer
 * is about. On PostgreSQL with a fixed clock; the audit trail in memory, since what it stores of the
 * details is the audit log's business.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class OverstayAnswersTest {

    private static final ParticipantId IQ_MOI = ParticipantId.of("IQ-MOI");
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

    static JdbcOverstayRecords records;

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final OverstayAnswers answers = new OverstayAnswers(records, audit, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ParticipantId home = ParticipantId.of("ZZ-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());

    @BeforeAll
    static void connect(DataSource postgres) {
        records = new JdbcOverstayRecords(
                JdbcClient.create(postgres), new TransactionTemplate(new JdbcTransactionManager(postgres)));
    }

    @Test
    void theQuestionIsAuditedWithItsFiltersAndCountButNoNameOrPassport() {
        ListedPilgrim ayesha = new ListedPilgrim("AB1234567", "PAK", "Khan", "Ayesha");
        LocalDate arrival = LocalDate.of(2026, 3, 1);
        records.recordList(new ListedGroup(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                home,
                IQ_MOI,
                "KRB-2026-0117",
                arrival,
                arrival.plusDays(10),
                arrival.plusDays(14),
                NOW.minusSeconds(86_400 * 40),
                List.of(ayesha)));
        OffsetDateTime entered = OffsetDateTime.parse("2026-03-01T06:40:00+03:00");
        records.recordMovements(
                home,
                IQ_MOI,
                "KRB-2026-0117",
                List.of(new RecordedMovement(
                        "m-1", "AB1234567", "PAK", Direction.ENTRY, entered.toInstant(), entered.toLocalDate())));

        OverstayPage page = answers.answer(home, answers.today(), Optional.of("KRB-2026-0117"), 0, 100);

        assertThat(page.asOf()).isEqualTo("2026-04-01");
        assertThat(page.overstays()).singleElement().satisfies(item -> {
            assertThat(item.surname()).isEqualTo("Khan");
            assertThat(item.daysOver()).isEqualTo(17);
        });
        AuditEvent event = audit.all().get(audit.all().size() - 1);
        assertThat(event.type()).isEqualTo(AuditEventType.ADMIN_ACTION);
        assertThat(event.step()).isEqualTo(OverstayAnswers.QUERY_STEP);
        assertThat(event.actor()).isEqualTo(home.value());
        assertThat(event.at()).isEqualTo(NOW);
        assertThat(event.details())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "asOf", "2026-04-01", "group", "KRB-2026-0117", "page", "0", "size", "100", "total", "1"));
        assertThat(event.details().values())
                .noneMatch(value -> value.contains("Khan") || value.contains("Ayesha") || value.contains("AB1234567"));
    }
}
