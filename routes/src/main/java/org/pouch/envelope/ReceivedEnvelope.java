package org.pouch.envelope;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The envelope's bytes as they arrive: counted against the size limit, and hashed, so that the receipt
 * names the SHA-256 of exactly what was received without the envelope being held anywhere.
 */
final class ReceivedEnvelope extends FilterInputStream {

    private final long maxBytes;
    private final MessageDigest sha256;
    private long count;
    private boolean tooLarge;

    ReceivedEnvelope(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = in.read(bytes, offset, length);
        if (read > 0) {
            count += read;
            if (count > maxBytes) {
                tooLarge = true;
                throw new IOException("envelope larger than " + maxBytes + " bytes");
            }
            sha256.update(bytes, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must pass through the digest.
        return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 0), 8192)]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Whether more than the limit arrived: whatever else failed, the envelope is too large. */
    boolean tooLarge() {
        return tooLarge;
    }

    /** How many bytes were read. */
    long count() {
        return count;
    }

    /** SHA-256 of every byte read so far; the envelope's hash once it was read to its end. */
    byte[] sha256() {
        return sha256.digest();
    }
}
