package org.pouch.exchange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes that can be read more than once, from the start or from anywhere in them, wherever they are held:
 * in memory, or in an encrypted spool file for contents too large for the heap.
 */
public interface Content {

    /** The number of bytes. */
    long size();

    /** The {@code length} bytes from {@code offset}, as a new stream. */
    InputStream openStream(long offset, long length);

    /** All the bytes, as a new stream. */
    default InputStream openStream() {
        return openStream(0, size());
    }

    /** The {@code length} bytes from {@code offset}, as a content of its own over the same bytes. */
    default Content slice(long offset, long length) {
        Objects.checkFromIndexSize(offset, length, size());
        Content whole = this;
        return new Content() {
            @Override
            public long size() {
                return length;
            }

            @Override
            public InputStream openStream(long from, long count) {
                Objects.checkFromIndexSize(from, count, length);
                return whole.openStream(offset + from, count);
            }
        };
    }

    /** Bytes held in memory; the array is not copied, so the caller must not change it. */
    static Content inMemory(byte[] bytes) {
        Objects.requireNonNull(bytes);
        return new Content() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream(long offset, long length) {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                return new ByteArrayInputStream(bytes, (int) offset, (int) length);
            }
        };
    }
}
