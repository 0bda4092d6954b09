package org.pouch.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.pouch.audit.merkle.MerkleHashes;

/**
 * What the gateway commits to: its log, named by {@code origin}, had {@code size} entries whose Merkle
 * tree root was {@code rootHash}, at {@code time}. The text form is a C2SP tlog-checkpoint body (origin,
 * size, base64 root hash, one line each) with one extension line for the time, every line ending in a
 * newline:
 *
 * <pre>
 * PK-GW/audit
 * 1234
 * 0MBoLrWbeEtYUGVMt/bKykjQ+QXKpJbJW8LMVxhq3Gk=
 * time 2026-11-27T18:40:00Z
 * </pre>
 *
 * The time is whole seconds, UTC. Parsing is strict: the text must be exactly what {@link #encode()}
 * writes, so one checkpoint has one form.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant time) {

    private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x7e]+(?: [\\x21-\\x7e]+)*");
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final String TIME_PREFIX = "time ";

    public Checkpoint {
        Objects.requireNonNull(origin);
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("an origin is printable ASCII without line breaks: " + origin);
        }
        if (size < 0) {
            throw new IllegalArgumentException("a size is 0 or more");
        }
        if (rootHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a root hash has " + MerkleHashes.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String rootHashHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    /** The text that is signed, UTF-8 (all ASCII). */
    public byte[] encode() {
        return (origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + TIME_PREFIX
                        + DateTimeFormatter.ISO_INSTANT.format(time) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Checkpoint parse(byte[] text) {
        String body = new String(text, StandardCharsets.UTF_8);
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw new IllegalArgumentException("a checkpoint has 4 lines, not " + lines.length);
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("the size line is not a decimal number: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash line is not base64");
        }
        if (!lines[3].startsWith(TIME_PREFIX)) {
            throw new IllegalArgumentException("the fourth line is the time: " + lines[3]);
        }
        Instant time;
        try {
            time = Instant.parse(lines[3].substring(TIME_PREFIX.length()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the time does not parse: " + lines[3]);
        }
        Checkpoint checkpoint = new Checkpoint(lines[0], Long.parseLong(lines[1]), root, time);
        if (!Arrays.equals(checkpoint.encode(), text)) {
            throw new IllegalArgumentException("the checkpoint is not in its one canonical form");
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && Arrays.equals(rootHash, that.rootHash)
                && time.equals(that.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), time);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + rootHashHex() + ", " + time + "]";
    }
}
