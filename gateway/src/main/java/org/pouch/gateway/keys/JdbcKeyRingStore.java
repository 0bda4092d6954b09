package org.pouch.gateway.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ParticipantId;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRing;
import org.pouch.keys.KeyRingRefusal;
import org.pouch.keys.KeyState;
import org.pouch.keys.Pem;
import org.pouch.keys.RingEntry;
import org.pouch.keys.RingId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key rings in the {@code key_rings} and {@code key_ring_entries} tables (V5). A change is written
 * whole, in one transaction, and only over the version it was made from.
 */
@Component
class JdbcKeyRingStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcKeyRingStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Moves whenever any ring changes, on any node; cheap enough to poll. */
    long changeCount() {
        return jdbc.sql("select coalesce(sum(version), 0) from key_rings")
                .query(Long.class)
                .single();
    }

    Map<RingId, KeyRing> loadAll() {
        Map<RingId, Long> versions = new LinkedHashMap<>();
        jdbc.sql("select owner, purpose, version from key_rings order by owner, purpose")
                .query((row, n) -> versions.put(ringId(row), row.getLong("version")))
                .list();
        Map<RingId, List<RingEntry>> entries = new LinkedHashMap<>();
        jdbc.sql("select * from key_ring_entries order by owner, purpose, position")
                .query((row, n) -> entries.computeIfAbsent(ringId(row), id -> new ArrayList<>())
                        .add(entry(row)))
                .list();
        Map<RingId, KeyRing> rings = new LinkedHashMap<>();
        versions.forEach((id, version) -> rings.put(id, new KeyRing(id, version, entries.getOrDefault(id, List.of()))));
        return rings;
    }

    /** The ring as stored now, or an empty one at version 0. */
    KeyRing load(RingId id) {
        return loadAll().getOrDefault(id, KeyRing.empty(id));
    }

    /** The ring that holds the key with this id. */
    Optional<KeyRing> ringHolding(String entryId) {
        return jdbc.sql("select owner, purpose from key_ring_entries where id = :id")
                .param("id", entryId)
                .query((row, n) -> ringId(row))
                .optional()
                .map(this::load);
    }

    Optional<String> csr(String entryId) {
        return jdbc.sql("select csr from key_ring_entries where id = :id")
                .param("id", entryId)
                .query(String.class)
                .optional();
    }

    /**
     * Writes {@code changed} over the stored ring if that is still at {@code changed.version()}.
     *
     * @param csr a new key's certification request, stored with it; empty for other changes
     * @throws KeyRingRefusal with {@code CONCURRENT_CHANGE} when another change got there first
     */
    void save(KeyRing changed, Map<String, String> csr) {
        transactions.executeWithoutResult(status -> {
            RingId id = changed.id();
            if (changed.version() == 0) {
                try {
                    jdbc.sql("insert into key_rings (owner, purpose, version) values (:owner, :purpose, 1)")
                            .param("owner", id.owner().value())
                            .param("purpose", id.purpose().name())
                            .update();
                } catch (DuplicateKeyException e) {
                    throw concurrent(id);
                }
            } else {
                int updated = jdbc.sql("""
                                update key_rings set version = version + 1
                                 where owner = :owner and purpose = :purpose and version = :version
                                """)
                        .param("owner", id.owner().value())
                        .param("purpose", id.purpose().name())
                        .param("version", changed.version())
                        .update();
                if (updated != 1) {
                    throw concurrent(id);
                }
            }
            List<RingEntry> entries = changed.entries();
            for (int position = 0; position < entries.size(); position++) {
                write(
                        id,
                        position,
                        entries.get(position),
                        csr.get(entries.get(position).id()));
            }
        });
    }

    private void write(RingId ring, int position, RingEntry entry, String csr) {
        int updated = jdbc.sql("""
                        update key_ring_entries
                           set state = :state, certificate = :certificate, since = :since,
                               grace_until = :graceUntil, promotion_requested_by = :requestedBy
                         where id = :id
                        """)
                .param("id", entry.id())
                .param("state", entry.state().name())
                .param("certificate", entry.certificate().map(Pem::certificate).orElse(null))
                .param("since", utc(entry.since()))
                .param(
                        "graceUntil",
                        entry.graceUntil().map(JdbcKeyRingStore::utc).orElse(null))
                .param("requestedBy", entry.promotionRequestedBy().orElse(null))
                .update();
        if (updated == 1) {
            return;
        }
        jdbc.sql("""
                        insert into key_ring_entries (id, owner, purpose, position, suite, state, public_key_sha256,
                                                      certificate, csr, since, grace_until, promotion_requested_by)
                        values (:id, :owner, :purpose, :position, :suite, :state, :sha256,
                                :certificate, :csr, :since, :graceUntil, :requestedBy)
                        """)
                .param("id", entry.id())
                .param("owner", ring.owner().value())
                .param("purpose", ring.purpose().name())
                .param("position", position)
                .param("suite", entry.suite().name())
                .param("state", entry.state().name())
                .param("sha256", entry.publicKeySha256())
                .param("certificate", entry.certificate().map(Pem::certificate).orElse(null))
                .param("csr", csr)
                .param("since", utc(entry.since()))
                .param(
                        "graceUntil",
                        entry.graceUntil().map(JdbcKeyRingStore::utc).orElse(null))
                .param("requestedBy", entry.promotionRequestedBy().orElse(null))
                .update();
    }

    private static KeyRingRefusal concurrent(RingId id) {
        return new KeyRingRefusal(
                KeyRingRefusal.Reason.CONCURRENT_CHANGE,
                "ring " + id + " changed while this change was being made; list it again and retry");
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static RingId ringId(ResultSet row) throws SQLException {
        return new RingId(ParticipantId.of(row.getString("owner")), KeyPurpose.valueOf(row.getString("purpose")));
    }

    private static RingEntry entry(ResultSet row) throws SQLException {
        String certificate = row.getString("certificate");
        OffsetDateTime graceUntil = row.getObject("grace_until", OffsetDateTime.class);
        return new RingEntry(
                row.getString("id"),
                KeySuite.valueOf(row.getString("suite")),
                KeyState.valueOf(row.getString("state")),
                row.getString("public_key_sha256"),
                Optional.ofNullable(certificate)
                        .map(pem -> Pem.certificates(pem).get(0)),
                row.getObject("since", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(graceUntil).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.getString("promotion_requested_by")));
    }
}
