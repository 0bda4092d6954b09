package org.pouch.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The business content of an exchange document: a JSON object, or XML or CSV text, with its content
 * type. Read it as a stream: a large payload is held on disk (see {@link Content}), not in memory.
 */
public final class Payload {

    private final PayloadType type;
    private final Content utf8;

    private Payload(PayloadType type, Content utf8) {
        this.type = Objects.requireNonNull(type);
        this.utf8 = Objects.requireNonNull(utf8);
    }

    /** A payload of the given type from its UTF-8 bytes; a JSON payload must be one JSON object. */
    public static Payload of(PayloadType type, byte[] utf8) {
        return new Payload(type, Content.inMemory(utf8.clone()));
    }

    public static Payload of(PayloadType type, String text) {
        return new Payload(type, Content.inMemory(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A payload read from {@code utf8} whenever it is read; it stays readable as long as the content does
     * (a spool is deleted when its exchange is done).
     */
    public static Payload of(PayloadType type, Content utf8) {
        return new Payload(type, utf8);
    }

    public PayloadType type() {
        return type;
    }

    /** The payload's UTF-8 bytes. */
    public InputStream openStream() {
        return utf8.openStream();
    }

    /** The payload's size in bytes. */
    public long size() {
        return utf8.size();
    }

    /**
     * This payload with its bytes read into memory, readable after the content it reads from is gone (a
     * spool deleted); for payloads known to be small.
     */
    public Payload inMemory() {
        return new Payload(type, Content.inMemory(bytes()));
    }

    /** The whole payload as text; for payloads known to be small. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private byte[] bytes() {
        try (InputStream in = utf8.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Equal type and bytes; reads both payloads, so meant for tests and small payloads. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that
                && type == that.type
                && utf8.size() == that.utf8.size()
                && Arrays.equals(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Long.hashCode(utf8.size());
    }

    @Override
    public String toString() {
        // Payloads are personal data: never print them.
        return "Payload[" + type.mediaType() + ", " + utf8.size() + " bytes]";
    }
}
