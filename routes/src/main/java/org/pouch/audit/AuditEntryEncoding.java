package org.pouch.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.merkle.MerkleHashes;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;

/**
 * The bytes of an entry, version 1: what the Merkle tree hashes, so they never depend on a JSON mapper,
 * a database driver or a locale. {@code docs/audit-log.md} specifies them for independent verifiers;
 * golden-bytes tests pin them. Every field is written, absent ones as absent, in this order:
 *
 * <pre>
 * u8      version         0x01
 * u64     index           position in the log, from 0
 * i64     time            microseconds since 1970-01-01T00:00:00Z
 * string  type            AuditEventType name, e.g. ACCEPTED
 * string  step            e.g. intake.accept
 * string  actor
 * opt     exchangeId, messageId, sender, recipient, messageType, envelopeSha256,
 *         reason (its wire code), incidentId
 * u32     count of details, then per detail: string key, string value, keys ascending by their UTF-8 bytes
 *
 * string = u32 length in bytes, then UTF-8;  opt = 0x00 (absent) or 0x01 then a string;  big-endian
 * </pre>
 */
public final class AuditEntryEncoding {

    public static final byte VERSION = 1;

    /** Orders detail keys by their UTF-8 bytes, unsigned: the same order in every language. */
    private static final Comparator<byte[]> UTF8_ORDER = Arrays::compareUnsigned;

    private AuditEntryEncoding() {}

    public static byte[] encode(AuditEntry entry) {
        AuditEvent event = entry.event();
        Out out = new Out();
        out.bytes.write(VERSION);
        out.u64(entry.index());
        out.i64(microseconds(event.at()));
        out.string(event.type().name());
        out.string(event.step());
        out.string(event.actor());
        out.optional(event.exchangeId());
        out.optional(event.messageId());
        out.optional(event.sender().map(ParticipantId::value));
        out.optional(event.recipient().map(ParticipantId::value));
        out.optional(event.messageType());
        out.optional(event.envelopeSha256());
        out.optional(event.reason().map(RejectionReason::code));
        out.optional(event.incidentId());
        List<Map.Entry<byte[], String>> details = event.details().entrySet().stream()
                .map(detail -> Map.entry(utf8(detail.getKey()), detail.getValue()))
                .sorted(Map.Entry.comparingByKey(UTF8_ORDER))
                .toList();
        out.u32(details.size());
        for (Map.Entry<byte[], String> detail : details) {
            out.raw(detail.getKey());
            out.string(detail.getValue());
        }
        return out.bytes.toByteArray();
    }

    /** The entry's leaf hash in the log's Merkle tree: {@code SHA-256(0x00 || encode(entry))}. */
    public static byte[] leafHash(AuditEntry entry) {
        return MerkleHashes.leafHash(encode(entry));
    }

    static long microseconds(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

        void u64(long value) {
            u32((int) (value >>> 32));
            u32((int) value);
        }

        void i64(long value) {
            u64(value);
        }

        void u32(int value) {
            // Big-endian, as ByteBuffer writes it; byte by byte because this runs for every field of every
            // entry each time the tree is rebuilt.
            bytes.write(value >>> 24);
            bytes.write(value >>> 16);
            bytes.write(value >>> 8);
            bytes.write(value);
        }

        void string(String value) {
            raw(utf8(value));
        }

        void raw(byte[] utf8) {
            u32(utf8.length);
            bytes.writeBytes(utf8);
        }

        void optional(Optional<String> value) {
            if (value.isPresent()) {
                bytes.write(1);
                string(value.get());
            } else {
                bytes.write(0);
            }
        }
    }
}
