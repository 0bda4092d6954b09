package org.pouch.exchange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The business content of an exchange document: a JSON object, or XML or CSV text, with its content
 * type. Read it as a stream, so that a later implementation can hold large payloads on disk without
 * changing any caller.
 */
public final class Payload {

    private final PayloadType type;
    private final byte[] utf8;

    private Payload(PayloadType type, byte[] utf8) {
        this.type = Objects.requireNonNull(type);
        this.utf8 = utf8;
    }

    /** A payload of the given type from its UTF-8 bytes; a JSON payload must be one JSON object. */
    public static Payload of(PayloadType type, byte[] utf8) {
        return new Payload(type, utf8.clone());
    }

    public static Payload of(PayloadType type, String text) {
        return new Payload(type, text.getBytes(StandardCharsets.UTF_8));
    }

    public PayloadType type() {
        return type;
    }

    /** The payload's UTF-8 bytes. */
    public InputStream openStream() {
        return new ByteArrayInputStream(utf8);
    }

    /** The payload's size in bytes. */
    public long size() {
        return utf8.length;
    }

    /** The whole payload as text; for payloads known to be small. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && type == that.type && Arrays.equals(utf8, that.utf8);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        // Payloads are personal data: never print them.
        return "Payload[" + type.mediaType() + ", " + utf8.length + " bytes]";
    }
}
