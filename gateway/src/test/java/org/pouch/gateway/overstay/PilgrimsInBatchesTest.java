package org.pouch.gateway.overstay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.gateway.testing.MigratedAsFarAs;
import org.pouch.overstay.ListedPilgrim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migration 10 on each database: pilgrims recorded a row each with the schema of version 9 read back, in list
 * order and character for character, from their batches afterwards, cut where new lists are cut; the old table
 * is gone.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PilgrimsInBatchesTest {

    private static final ParticipantId HOME = ParticipantId.of("PK-MOI");
    private static final ParticipantId HOST = ParticipantId.of("IQ-MOI");

    @Test
    void onH2PilgrimsRecordedARowEachReadBackFromTheirBatches() throws Exception {
        MigratedAsFarAs.onH2("9", PilgrimsInBatchesTest::recordedBeforeMigration10ReadBackAfterIt);
    }

    @Test
    void onPostgresPilgrimsRecordedARowEachReadBackFromTheirBatches(DataSource postgres) throws Exception {
        MigratedAsFarAs.onPostgres(postgres, "9", PilgrimsInBatchesTest::recordedBeforeMigration10ReadBackAfterIt);
    }

    private static void recordedBeforeMigration10ReadBackAfterIt(DataSource database, FluentConfiguration after) {
        JdbcClient jdbc = JdbcClient.create(database);
        // Two full batches and a part, written in an order that is not the list's.
        List<ListedPilgrim> twoBatchesAndAPart = IntStream.range(0, 2 * PilgrimBatches.SIZE + 17)
                .mapToObj(i -> new ListedPilgrim(
                        String.format("PP%07d", i),
                        "PAK",
                        i == 5 ? "O'Brien \"the elder\" \\" : "Surname" + i,
                        i == 6 ? "\u062e\u0627\u0646" : "Given" + i))
                .toList();
        String longId = recordBeforeMigration10(jdbc, "G-LONG", twoBatchesAndAPart, true);
        List<ListedPilgrim> exactlyOneBatch = IntStream.range(0, PilgrimBatches.SIZE)
                .mapToObj(i -> new ListedPilgrim(String.format("QQ%07d", i), "IND", "S" + i, "G" + i))
                .toList();
        String oneBatchId = recordBeforeMigration10(jdbc, "G-ONE", exactlyOneBatch, false);
        List<ListedPilgrim> three = List.of(
                new ListedPilgrim("AB1234567", "PAK", "Khan", "Ayesha"),
                new ListedPilgrim("CK7654321", "PAK", "Hussain", "Sajjad"),
                new ListedPilgrim("DX0000001", "IND", "Zaidi", "Fatima"));
        String shortId = recordBeforeMigration10(jdbc, "G-SHORT", three, false);

        after.load().migrate();

        JdbcOverstayRecords records =
                new JdbcOverstayRecords(jdbc, new TransactionTemplate(new JdbcTransactionManager(database)));
        assertThat(records.findList(HOME, HOST, "G-LONG", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).isEqualTo(twoBatchesAndAPart));
        assertThat(records.findList(HOME, HOST, "G-ONE", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).isEqualTo(exactlyOneBatch));
        assertThat(records.findList(HOME, HOST, "G-SHORT", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).isEqualTo(three));
        assertThat(batches(jdbc, longId))
                .as("cut like a new list")
                .containsExactly(PilgrimBatches.SIZE, PilgrimBatches.SIZE, 17);
        assertThat(batches(jdbc, oneBatchId)).containsExactly(PilgrimBatches.SIZE);
        assertThat(batches(jdbc, shortId)).containsExactly(3);
        assertThat(jdbc.sql("""
                                select count(*) from information_schema.tables
                                 where table_schema = current_schema and table_name = 'overstay_pilgrims'
                                """).query(Long.class).single())
                .as("the old table is dropped")
                .isZero();
    }

    /** A list recorded with the schema of version 9, its pilgrim rows inserted in reverse when asked. */
    private static String recordBeforeMigration10(
            JdbcClient jdbc, String group, List<ListedPilgrim> pilgrims, boolean reversed) {
        String listId = UUID.randomUUID().toString();
        LocalDate arrival = LocalDate.of(2026, 3, 1);
        jdbc.sql("""
                        insert into overstay_lists (list_id, home, host, message_id, group_reference, arrival,
                                                    departure, permitted_until, accepted_at)
                        values (:listId, :home, :host, :messageId, :group, :arrival, :departure, :permittedUntil,
                                :acceptedAt)
                        """)
                .param("listId", listId)
                .param("home", HOME.value())
                .param("host", HOST.value())
                .param("messageId", UUID.randomUUID().toString())
                .param("group", group)
                .param("arrival", arrival)
                .param("departure", arrival.plusDays(10))
                .param("permittedUntil", arrival.plusDays(14))
                .param("acceptedAt", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        IntStream positions = IntStream.range(0, pilgrims.size());
        (reversed ? positions.map(i -> pilgrims.size() - 1 - i) : positions)
                .forEach(position -> jdbc.sql("""
                        insert into overstay_pilgrims (list_id, list_position, passport_number, nationality,
                                                       surname, given_names)
                        values (:listId, :position, :passport, :nationality, :surname, :givenNames)
                        """)
                        .param("listId", listId)
                        .param("position", position)
                        .param("passport", pilgrims.get(position).passportNumber())
                        .param("nationality", pilgrims.get(position).nationality())
                        .param("surname", pilgrims.get(position).surname())
                        .param("givenNames", pilgrims.get(position).givenNames())
                        .update());
        return listId;
    }

    private static List<Integer> batches(JdbcClient jdbc, String listId) {
        return jdbc.sql("select pilgrim_count from overstay_pilgrim_batches where list_id = :listId order by batch")
                .param("listId", listId)
                .query(Integer.class)
                .list();
    }
}
