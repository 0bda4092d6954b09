package org.pouch.envelope;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decrypted content as it is decrypted, remembering whether decryption itself failed: a wrong GCM
 * tag shows only at the end of the content, by which time a parser above it may have turned the failure
 * into a complaint about structure. The opener asks this stream, not the parser, whether decryption held.
 */
final class DecryptedStream extends FilterInputStream {

    private boolean failed;
    private boolean truncated;

    DecryptedStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (IOException | RuntimeException e) {
            fail(e);
            throw e;
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return in.read(bytes, offset, length);
        } catch (IOException | RuntimeException e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Reads what is left, so that the tag is checked; whether decryption failed.
     *
     * @return whether any byte was left
     */
    boolean drain() {
        boolean anyLeft = false;
        byte[] buffer = new byte[8192];
        try {
            while (read(buffer, 0, buffer.length) >= 0) {
                anyLeft = true;
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        return anyLeft;
    }

    private void fail(Throwable e) {
        failed = true;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            truncated |= cause instanceof EOFException;
        }
    }

    /** Whether decryption failed because the ciphertext ended before its encoding said. */
    boolean truncated() {
        return truncated;
    }

    boolean failed() {
        return failed;
    }
}
