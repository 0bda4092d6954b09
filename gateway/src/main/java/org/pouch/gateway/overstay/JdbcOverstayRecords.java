package org.pouch.gateway.overstay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.movements.Direction;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.pouch.overstay.OverstayRecords;
import org.pouch.overstay.RecordedMovement;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overstay records in the {@code overstay_*} tables (migration V2): what the intake records and the
 * guard checks, and what the overstay answers and the retention job read and purge.
 */
@Component
class JdbcOverstayRecords implements OverstayRecords {

    private static final String LIST_COLUMNS = """
            list_id, message_id, home, host, group_reference, arrival, departure, permitted_until, accepted_at
            """;

    /** A list no later list of the same group replaces. */
    private static final String CURRENT = """
            not exists (select 1 from overstay_lists newer
                         where newer.home = l.home and newer.host = l.host
                           and newer.group_reference = l.group_reference
                           and (newer.accepted_at > l.accepted_at
                                or (newer.accepted_at = l.accepted_at and newer.seq > l.seq)))
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcOverstayRecords(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void recordList(ListedGroup group, Stream<ListedPilgrim> pilgrims) {
        try {
            // The list and its pilgrims together, so that a retry never finds a list without them; in the
            // accept step's transaction when there is one, with the exchange's ledger row.
            transactions.executeWithoutResult(status -> {
                if (!recorded(group)) {
                    insert(group, pilgrims);
                }
            });
        } catch (DuplicateKeyException alreadyRecorded) {
            // Recording is idempotent: the same list (home, message id) came through again, concurrently.
        }
    }

    /**
     * Whether the list is recorded already. Asked rather than left to the unique constraint, so that within
     * the accept step's transaction a list seen before does not make PostgreSQL abort the transaction.
     */
    private boolean recorded(ListedGroup group) {
        return jdbc.sql("select count(*) from overstay_lists where home = :home and message_id = :messageId")
                        .param("home", group.home().value())
                        .param("messageId", group.listMessageId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void insert(ListedGroup list, Stream<ListedPilgrim> pilgrims) {
        jdbc.sql("""
                        insert into overstay_lists (list_id, home, host, message_id, group_reference, arrival,
                                                    departure, permitted_until, accepted_at)
                        values (:listId, :home, :host, :messageId, :groupReference, :arrival,
                                :departure, :permittedUntil, :acceptedAt)
                        """)
                .param("listId", list.exchangeId())
                .param("home", list.home().value())
                .param("host", list.host().value())
                .param("messageId", list.listMessageId())
                .param("groupReference", list.groupReference())
                .param("arrival", list.arrival())
                .param("departure", list.departure())
                .param("permittedUntil", list.permittedUntil())
                .param("acceptedAt", utc(list.acceptedAt()))
                .update();
        PilgrimBatches.write(jdbc, list.exchangeId(), pilgrims.iterator());
    }

    @Override
    public Optional<ListedGroup> findList(
            ParticipantId home, ParticipantId host, String groupReference, Optional<String> listMessageId) {
        return jdbc.sql("select " + LIST_COLUMNS + """
                          from overstay_lists
                         where home = :home and host = :host and group_reference = :groupReference
                           and (cast(:messageId as varchar(128)) is null or message_id = :messageId)
                         order by accepted_at desc, seq desc
                         fetch first 1 rows only
                        """)
                .param("home", home.value())
                .param("host", host.value())
                .param("groupReference", groupReference)
                .param("messageId", listMessageId.orElse(null))
                .query(JdbcOverstayRecords::list)
                .optional()
                .map(this::withPilgrims);
    }

    @Override
    public void recordMovements(
            ParticipantId home, ParticipantId host, String groupReference, List<RecordedMovement> movements) {
        for (RecordedMovement movement : movements) {
            // Reports may repeat a movement; it is recorded once. Asked first rather than left to the primary
            // key, so that within the accept step's transaction a repeated movement does not make PostgreSQL
            // abort the transaction.
            boolean recorded = jdbc.sql("""
                                    select count(*) from overstay_movements
                                     where home = :home and host = :host and group_reference = :groupReference
                                       and movement_id = :movementId
                                    """)
                            .param("home", home.value())
                            .param("host", host.value())
                            .param("groupReference", groupReference)
                            .param("movementId", movement.movementId())
                            .query(Long.class)
                            .single()
                    > 0;
            if (recorded) {
                continue;
            }
            jdbc.sql("""
                            insert into overstay_movements (home, host, group_reference, movement_id,
                                                            passport_number, nationality, direction,
                                                            occurred_at, local_date)
                            values (:home, :host, :groupReference, :movementId, :passportNumber,
                                    :nationality, :direction, :occurredAt, :localDate)
                            """)
                    .param("home", home.value())
                    .param("host", host.value())
                    .param("groupReference", groupReference)
                    .param("movementId", movement.movementId())
                    .param("passportNumber", movement.passportNumber())
                    .param("nationality", movement.nationality())
                    .param("direction", movement.direction().name())
                    .param("occurredAt", utc(movement.at()))
                    .param("localDate", movement.localDate())
                    .update();
        }
    }

    /**
     * The current lists {@code home} sent whose permitted stay ended before {@code asOf}, with their
     * pilgrims, in order of that end, then group reference.
     */
    List<ListedGroup> listsDueBefore(ParticipantId home, LocalDate asOf, Optional<String> groupReference) {
        return jdbc
                .sql("select " + LIST_COLUMNS + """
                          from overstay_lists l
                         where home = :home and permitted_until < :asOf
                           and (cast(:groupReference as varchar(200)) is null or group_reference = :groupReference)
                           and\s""" + CURRENT + """
                         order by permitted_until, group_reference, list_id
                        """)
                .param("home", home.value())
                .param("asOf", asOf)
                .param("groupReference", groupReference.orElse(null))
                .query(JdbcOverstayRecords::list)
                .list()
                .stream()
                .map(this::withPilgrims)
                .toList();
    }

    /** The movements recorded for a list's group, at border-post dates up to {@code asOf}. */
    List<RecordedMovement> movementsOf(ListedGroup list, LocalDate asOf) {
        return jdbc.sql("""
                        select movement_id, passport_number, nationality, direction, occurred_at, local_date
                          from overstay_movements
                         where home = :home and host = :host and group_reference = :groupReference
                           and local_date <= :asOf
                         order by occurred_at, movement_id
                        """)
                .param("home", list.home().value())
                .param("host", list.host().value())
                .param("groupReference", list.groupReference())
                .param("asOf", asOf)
                .query((row, n) -> new RecordedMovement(
                        row.getString("movement_id"),
                        row.getString("passport_number"),
                        row.getString("nationality"),
                        Direction.valueOf(row.getString("direction")),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getObject("local_date", LocalDate.class)))
                .list();
    }

    /** What a purge removed. */
    record Purged(int groups, int lists, int pilgrims, int movements) {}

    /** A group of lists: what a movement report answers and what is purged as a whole. */
    private record GroupKey(String home, String host, String groupReference) {}

    private static final String OF_GROUP = " where home = :home and host = :host and group_reference = :groupReference";

    private static final String LISTS_OF_GROUP =
            " where list_id in (select list_id from overstay_lists" + OF_GROUP + ")";

    /**
     * Removes every group whose lists all departed before {@code cutoff}: its lists, their pilgrims and its
     * movements, one group per transaction.
     */
    Purged purgeDepartedBefore(LocalDate cutoff) {
        List<GroupKey> groups = jdbc.sql("""
                        select home, host, group_reference from overstay_lists
                         group by home, host, group_reference
                        having max(departure) < :cutoff
                        """)
                .param("cutoff", cutoff)
                .query((row, n) ->
                        new GroupKey(row.getString("home"), row.getString("host"), row.getString("group_reference")))
                .list();
        int lists = 0;
        int pilgrims = 0;
        int movements = 0;
        for (GroupKey group : groups) {
            int[] removed = transactions.execute(status -> {
                // Counted before the batches go: a row holds up to PilgrimBatches.SIZE of them.
                int listed = ofGroup(
                                "select coalesce(sum(pilgrim_count), 0) from " + PilgrimBatches.TABLE + LISTS_OF_GROUP,
                                group)
                        .query(Integer.class)
                        .single();
                ofGroup("delete from " + PilgrimBatches.TABLE + LISTS_OF_GROUP, group)
                        .update();
                return new int[] {
                    listed,
                    ofGroup("delete from overstay_movements" + OF_GROUP, group).update(),
                    ofGroup("delete from overstay_lists" + OF_GROUP, group).update()
                };
            });
            pilgrims += removed[0];
            movements += removed[1];
            lists += removed[2];
        }
        return new Purged(groups.size(), lists, pilgrims, movements);
    }

    private JdbcClient.StatementSpec ofGroup(String statement, GroupKey group) {
        return jdbc.sql(statement)
                .param("home", group.home())
                .param("host", group.host())
                .param("groupReference", group.groupReference());
    }

    private ListedGroup withPilgrims(ListedGroup list) {
        List<ListedPilgrim> pilgrims = PilgrimBatches.read(jdbc, list.exchangeId());
        return new ListedGroup(
                list.exchangeId(),
                list.listMessageId(),
                list.home(),
                list.host(),
                list.groupReference(),
                list.arrival(),
                list.departure(),
                list.permittedUntil(),
                list.acceptedAt(),
                pilgrims);
    }

    private static ListedGroup list(ResultSet row, int rowNumber) throws SQLException {
        return new ListedGroup(
                row.getString("list_id"),
                row.getString("message_id"),
                ParticipantId.of(row.getString("home")),
                ParticipantId.of(row.getString("host")),
                row.getString("group_reference"),
                row.getObject("arrival", LocalDate.class),
                row.getObject("departure", LocalDate.class),
                row.getObject("permitted_until", LocalDate.class),
                row.getObject("accepted_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    // OffsetDateTime, not Instant: the JDBC 4.2 type both PostgreSQL and H2 map to timestamp with time zone.
    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
