package org.pouch.gateway.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;

/** What every audit trail store must do, run against each database the gateway supports. */
abstract class AuditTrailContract {

    abstract AuditTrail trail();

    /** The same database read through a store that scans {@code entries} at a time; the test closes it. */
    abstract JdbcAuditTrail readingInBatchesOf(int entries);

    @Test
    void readsBackTheEventsOfAnExchangeOldestFirst() {
        String exchangeId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditEvent received = event(AuditEventType.RECEIVED, "intake.open", now, exchangeId);
        AuditEvent accepted = event(AuditEventType.ACCEPTED, "intake.accept", now.plusMillis(3), exchangeId);
        AuditEvent other = event(
                AuditEventType.RECEIVED, "intake.open", now, UUID.randomUUID().toString());

        trail().append(received);
        trail().append(other);
        trail().append(accepted);

        assertThat(trail().forExchange(exchangeId)).containsExactly(received, accepted);
    }

    @Test
    void appendsSeveralEventsTogetherInTheirOrder() {
        String exchangeId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditEvent attempted = event(AuditEventType.DELIVERY_ATTEMPTED, "delivery.send", now, exchangeId);
        AuditEvent delivered = event(AuditEventType.DELIVERED, "delivery.send", now, exchangeId);

        trail().appendAll(List.of(attempted, delivered));
        trail().appendAll(List.of());

        assertThat(trail().forExchange(exchangeId)).containsExactly(attempted, delivered);
    }

    @Test
    void readsBackARejectionByItsIncidentIdWithItsReasonCode() {
        String incidentId = UUID.randomUUID().toString();
        AuditEvent rejected = new AuditEvent(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                AuditEventType.REJECTED,
                "intake.open",
                "PK-MOI",
                Optional.empty(),
                Optional.of("msg-" + incidentId),
                Optional.of(ParticipantId.of("PK-MOI")),
                Optional.empty(),
                Optional.empty(),
                Optional.of("b".repeat(64)),
                Optional.of(RejectionReason.CERTIFICATE_REVOKED),
                Optional.of(incidentId));

        trail().append(rejected);

        assertThat(trail().forIncident(incidentId)).containsExactly(rejected);
    }

    @Test
    void anEventWithOnlyItsRequiredFieldsReadsBackWithTheRestEmpty() {
        String incidentId = UUID.randomUUID().toString();
        AuditEvent keyEvent = new AuditEvent(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                AuditEventType.KEY_EVENT,
                "keys.promote",
                "officer",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(incidentId));

        trail().append(keyEvent);

        assertThat(trail().forIncident(incidentId)).containsExactly(keyEvent);
    }

    @Test
    void scansByPositionOrFromAnIndexAcrossBatchesAndStopsWhereTheLogEnds() {
        for (int i = 0; i < 8; i++) {
            trail().append(event(
                    AuditEventType.RECEIVED,
                    "intake.open",
                    Instant.now(),
                    UUID.randomUUID().toString()));
        }
        try (JdbcAuditTrail store = readingInBatchesOf(3)) {
            long size = store.size();

            assertThat(indexesScanned(store, 0, size)).containsExactlyElementsOf(range(0, size));
            assertThat(indexesScanned(store, size - 7, size - 1)).containsExactlyElementsOf(range(size - 7, size - 1));
            assertThat(indexesScanned(store, size - 2, size + 5)).containsExactlyElementsOf(range(size - 2, size));
            assertThat(indexesScanned(store, size, size + 5)).isEmpty();

            List<Long> fromIndex = new ArrayList<>();
            store.scanFromIndex(
                    size - 7, size, recorded -> fromIndex.add(recorded.entry().index()));
            assertThat(fromIndex).containsExactlyElementsOf(range(size - 7, size));
        }
    }

    private static List<Long> indexesScanned(JdbcAuditTrail store, long from, long to) {
        List<Long> indexes = new ArrayList<>();
        store.scan(from, to, recorded -> indexes.add(recorded.entry().index()));
        return indexes;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void findsNothingForAnUnknownExchange() {
        assertThat(trail().forExchange(UUID.randomUUID().toString())).isEmpty();
    }

    private static AuditEvent event(AuditEventType type, String step, Instant at, String exchangeId) {
        return new AuditEvent(
                at,
                type,
                step,
                "PK-MOI",
                Optional.of(exchangeId),
                Optional.of("msg-" + exchangeId),
                Optional.of(ParticipantId.of("PK-MOI")),
                Optional.of(ParticipantId.of("IQ-MOI")),
                Optional.of("pilgrim-list"),
                Optional.of("a".repeat(64)),
                Optional.empty(),
                Optional.empty());
    }
}
