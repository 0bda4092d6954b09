package org.pouch.gateway.audittrail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEntryEncoding;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditLogStore;
import org.pouch.audit.AuditTrail;
import org.pouch.audit.RecordedEntry;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.merkle.MerkleFrontier;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log in the {@code audit_events} and {@code audit_checkpoints} tables, which are only ever
 * inserted into and read. Rejection reasons are stored as their wire codes, which are public and stable.
 *
 * <p>Indexes without gaps, with several gateway nodes on one database: appends are stored in group commits
 * ({@link AuditGroupCommit}), each a short transaction of its own that takes the log's append lock, reads
 * the next index ({@code max + 1}) and inserts the batch at consecutive indexes, so an append is never
 * rolled back with, or held up by, the caller's work. On PostgreSQL the lock is a transaction-scoped
 * advisory lock, which needs no privilege beyond connecting (the log's role can only insert and read); on
 * the embedded H2, which one process owns, the one writer thread of this JVM is the lock. The unique
 * constraint on the index stays the last word: a clash is retried.
 */
@Component
class JdbcAuditTrail implements AuditTrail, AuditLogStore, AutoCloseable {

    /** The advisory lock's key: any constant shared by every node; these are the bytes of "pouchlog". */
    static final long APPEND_LOCK = 0x706f7563686c6f67L;

    private static final int APPEND_ATTEMPTS = 5;
    /** Entries one statement of {@link #scan} reads: a few megabytes of rows. */
    private static final int SCAN_BATCH = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    // The two fixed-width hex columns are read as varchar: H2 pads the whole row again for every column
    // read from a result holding a char column, which was a fifth of the time to rebuild the tree.
    private static final String SELECT = """
            select entry_index, at, type, step, actor, exchange_id, message_id, sender, recipient, message_type,
                   cast(envelope_sha256 as varchar(64)) as envelope_sha256, reason, incident_id, details,
                   cast(leaf_hash as varchar(64)) as leaf_hash
              from audit_events
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate appendTransaction;
    private final boolean postgres;
    private final AuditGroupCommit groupCommit;
    private final int scanBatch;

    @Autowired
    JdbcAuditTrail(DataSource dataSource) {
        this(dataSource, SCAN_BATCH);
    }

    /** With {@code scanBatch} entries read per statement of {@link #scan}: small ones let a test cross batches. */
    JdbcAuditTrail(DataSource dataSource, int scanBatch) {
        this.scanBatch = scanBatch;
        this.jdbc = JdbcClient.create(dataSource);
        this.appendTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.appendTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = isPostgres(dataSource);
        this.groupCommit = new AuditGroupCommit(this::store);
    }

    @Override
    public void append(AuditEvent event) {
        add(event);
    }

    @Override
    public AuditEntry add(AuditEvent event) {
        return groupCommit.append(AuditEntry.toMicroseconds(event));
    }

    @Override
    public void appendAll(List<AuditEvent> events) {
        groupCommit.append(events.stream().map(AuditEntry::toMicroseconds).toList());
    }

    /** Stores a batch at the next free indexes, in one transaction of its own. */
    private List<AuditEntry> store(List<AuditEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                return appendTransaction.execute(status -> insert(events));
            } catch (DuplicateKeyException e) {
                // Another process took an index between our read and our insert: only possible
                // without the advisory lock, that is on a shared H2. Read the next index again.
                if (attempt == APPEND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<AuditEntry> insert(List<AuditEvent> events) {
        if (postgres) {
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", APPEND_LOCK)
                    .query()
                    .listOfRows();
        }
        long next = jdbc.sql("select coalesce(max(entry_index) + 1, 0) from audit_events")
                .query(Long.class)
                .single();
        List<AuditEntry> entries = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            AuditEntry entry = new AuditEntry(next++, event);
            insert(entry);
            entries.add(entry);
        }
        return entries;
    }

    private void insert(AuditEntry entry) {
        AuditEvent event = entry.event();
        jdbc.sql("""
                        insert into audit_events (entry_index, at, type, step, actor, exchange_id, message_id, sender,
                                                  recipient, message_type, envelope_sha256, reason, incident_id,
                                                  details, leaf_hash)
                        values (:index, :at, :type, :step, :actor, :exchangeId, :messageId, :sender,
                                :recipient, :messageType, :envelopeSha256, :reason, :incidentId,
                                :details, :leafHash)
                        """)
                .param("index", entry.index())
                .param("at", OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC))
                .param("type", event.type().name())
                .param("step", event.step())
                .param("actor", event.actor())
                .param("exchangeId", event.exchangeId().orElse(null))
                .param("messageId", event.messageId().orElse(null))
                .param("sender", event.sender().map(ParticipantId::value).orElse(null))
                .param("recipient", event.recipient().map(ParticipantId::value).orElse(null))
                .param("messageType", event.messageType().orElse(null))
                .param("envelopeSha256", event.envelopeSha256().orElse(null))
                .param("reason", event.reason().map(RejectionReason::code).orElse(null))
                .param("incidentId", event.incidentId().orElse(null))
                .param("details", JSON.writeValueAsString(new TreeMap<>(event.details())))
                .param("leafHash", HEX.formatHex(AuditEntryEncoding.leafHash(entry)))
                .update();
    }

    /** Stores what is still queued; appends after this are refused. */
    @Override
    public void close() {
        groupCommit.close();
    }

    @Override
    public List<AuditEvent> forExchange(String exchangeId) {
        return jdbc
                .sql(SELECT + " where exchange_id = :exchangeId order by entry_index")
                .param("exchangeId", exchangeId)
                .query(JdbcAuditTrail::recorded)
                .list()
                .stream()
                .map(recorded -> recorded.entry().event())
                .toList();
    }

    @Override
    public List<AuditEvent> forIncident(String incidentId) {
        return jdbc
                .sql(SELECT + " where incident_id = :incidentId order by entry_index")
                .param("incidentId", incidentId)
                .query(JdbcAuditTrail::recorded)
                .list()
                .stream()
                .map(recorded -> recorded.entry().event())
                .toList();
    }

    /** The entries of an exchange with their indexes, oldest first. */
    List<AuditEntry> entriesOfExchange(String exchangeId) {
        return jdbc
                .sql(SELECT + " where exchange_id = :exchangeId order by entry_index")
                .param("exchangeId", exchangeId)
                .query(JdbcAuditTrail::recorded)
                .list()
                .stream()
                .map(RecordedEntry::entry)
                .toList();
    }

    /** Entries matching every criterion given, oldest first, one page of them. */
    List<AuditEntry> search(AuditQuery query, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        query.since().ifPresent(since -> {
            where.append(" and at >= :since");
            params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        });
        query.until().ifPresent(until -> {
            where.append(" and at < :until");
            params.put("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        });
        query.participant().ifPresent(participant -> {
            where.append(" and (sender = :participant or recipient = :participant or actor = :participant)");
            params.put("participant", participant);
        });
        query.type().ifPresent(type -> {
            where.append(" and type = :type");
            params.put("type", type.name());
        });
        query.exchangeId().ifPresent(exchangeId -> {
            where.append(" and exchange_id = :exchangeId");
            params.put("exchangeId", exchangeId);
        });
        query.status().ifPresent(status -> {
            // The exchange's status as the ledger has it now (ACCEPTED, then what delivery made of it).
            where.append(" and exists (select 1 from exchanges x where x.exchange_id = audit_events.exchange_id"
                    + " and x.status = :status)");
            params.put("status", status);
        });
        params.put("limit", pageSize);
        params.put("offset", (long) page * pageSize);
        return jdbc
                .sql(SELECT + where + " order by entry_index limit :limit offset :offset")
                .params(params)
                .query(JdbcAuditTrail::recorded)
                .list()
                .stream()
                .map(RecordedEntry::entry)
                .toList();
    }

    @Override
    public long size() {
        return jdbc.sql("select count(*) from audit_events").query(Long.class).single();
    }

    @Override
    public void scan(long from, long to, Consumer<RecordedEntry> each) {
        // By position, not by index value: a deleted entry then shifts the rest, and the tree over what is
        // stored differs from the one signed, as it should. Only the first batch is found by position (an
        // offset, which the database counts out row by row); each next batch starts after the last index
        // read, through the index's unique constraint, so a pass over the log is linear in its size.
        if (from < to) {
            scanOn(firstBatch(" order by entry_index limit :count offset :from", from, to), from, to, each);
        }
    }

    @Override
    public void scanFromIndex(long fromIndex, long to, Consumer<RecordedEntry> each) {
        if (fromIndex < to) {
            scanOn(
                    firstBatch(" where entry_index >= :from order by entry_index limit :count", fromIndex, to),
                    fromIndex,
                    to,
                    each);
        }
    }

    private List<RecordedEntry> firstBatch(String clauses, long from, long to) {
        return jdbc.sql(SELECT + clauses)
                .param("count", Math.min(scanBatch, to - from))
                .param("from", from)
                .query(JdbcAuditTrail::recorded)
                .list();
    }

    /** Hands over the first batch, then each next one after the last index read, until position {@code to}. */
    private void scanOn(List<RecordedEntry> batch, long position, long to, Consumer<RecordedEntry> each) {
        while (!batch.isEmpty()) {
            batch.forEach(each);
            position += batch.size();
            if (position >= to) {
                return;
            }
            batch = jdbc.sql(SELECT + " where entry_index > :last order by entry_index limit :count")
                    .param("last", batch.get(batch.size() - 1).entry().index())
                    .param("count", Math.min(scanBatch, to - position))
                    .query(JdbcAuditTrail::recorded)
                    .list();
        }
    }

    @Override
    public void addCheckpoint(SignedCheckpoint signed, MerkleFrontier frontier) {
        Checkpoint checkpoint = signed.checkpoint();
        jdbc.sql("""
                        insert into audit_checkpoints (origin, tree_size, root_hash, signed_at, signed, frontier)
                        values (:origin, :size, :root, :time, :signed, :frontier)
                        """)
                .param("origin", checkpoint.origin())
                .param("size", checkpoint.size())
                .param("root", checkpoint.rootHashHex())
                .param("time", OffsetDateTime.ofInstant(checkpoint.time(), ZoneOffset.UTC))
                .param("signed", signed.signed())
                .param("frontier", frontier.encode())
                .update();
    }

    @Override
    public Optional<MerkleFrontier> latestFrontier() {
        return jdbc.sql("select tree_size, frontier from audit_checkpoints order by id desc limit 1")
                .query((row, rowNumber) -> {
                    byte[] encoded = row.getBytes("frontier");
                    return encoded == null
                            ? Optional.<MerkleFrontier>empty()
                            : frontier(row.getLong("tree_size"), encoded);
                })
                .optional()
                .flatMap(Function.identity());
    }

    /** A stored edge that does not decode is no edge: the log then reads the whole log, as without one. */
    private static Optional<MerkleFrontier> frontier(long size, byte[] encoded) {
        try {
            return Optional.of(MerkleFrontier.decode(size, encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return jdbc.sql(CHECKPOINTS + " order by id desc limit 1")
                .query(JdbcAuditTrail::checkpoint)
                .optional();
    }

    @Override
    public Optional<SignedCheckpoint> checkpointOfSize(long size) {
        return jdbc.sql(CHECKPOINTS + " where tree_size = :size order by id desc limit 1")
                .param("size", size)
                .query(JdbcAuditTrail::checkpoint)
                .optional();
    }

    @Override
    public List<SignedCheckpoint> checkpointsBetween(long fromSize, long toSize) {
        Map<Long, SignedCheckpoint> bySize = new LinkedHashMap<>();
        jdbc.sql(CHECKPOINTS + " where tree_size >= :from and tree_size <= :to order by tree_size, id")
                .param("from", fromSize)
                .param("to", toSize)
                .query(JdbcAuditTrail::checkpoint)
                .list()
                .forEach(signed -> bySize.putIfAbsent(signed.checkpoint().size(), signed));
        return List.copyOf(bySize.values());
    }

    private static final String CHECKPOINTS =
            "select origin, tree_size, root_hash, signed_at, signed from audit_checkpoints";

    private static SignedCheckpoint checkpoint(ResultSet row, int rowNumber) throws SQLException {
        return new SignedCheckpoint(
                new Checkpoint(
                        row.getString("origin"),
                        row.getLong("tree_size"),
                        HEX.parseHex(row.getString("root_hash")),
                        row.getObject("signed_at", OffsetDateTime.class).toInstant()),
                row.getBytes("signed"));
    }

    static RecordedEntry recorded(ResultSet row, int rowNumber) throws SQLException {
        AuditEntry entry = new AuditEntry(row.getLong("entry_index"), event(row));
        String leafHash = row.getString("leaf_hash");
        // Entries from before the log was verifiable have no recorded hash; their hash as they read now
        // is all there is, and the first checkpoint commits to it.
        return new RecordedEntry(entry, leafHash == null ? AuditEntryEncoding.leafHash(entry) : HEX.parseHex(leafHash));
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(
                row.getObject("at", OffsetDateTime.class).toInstant(),
                AuditEventType.valueOf(row.getString("type")),
                row.getString("step"),
                row.getString("actor"),
                optional(row, "exchange_id", Function.identity()),
                optional(row, "message_id", Function.identity()),
                optional(row, "sender", ParticipantId::of),
                optional(row, "recipient", ParticipantId::of),
                optional(row, "message_type", Function.identity()),
                optional(row, "envelope_sha256", Function.identity()),
                optional(row, "reason", RejectionReason::fromCode),
                optional(row, "incident_id", Function.identity()),
                details(row.getString("details")));
    }

    private static Map<String, String> details(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    }

    private static <T> Optional<T> optional(ResultSet row, String column, Function<String, T> parse)
            throws SQLException {
        return Optional.ofNullable(row.getString(column)).map(parse);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the audit log is in", e);
        }
    }
}
