package org.pouch.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;
import org.pouch.spool.Spool;

/**
 * A sealed envelope as an edge received it, with the TLS client certificate the partner system
 * authenticated with. The intake binds that certificate's participant to the envelope's signer.
 *
 * <p>The envelope is held in a {@link Spool}: in memory up to {@value #MEMORY_BYTES} bytes, in a temporary
 * file beyond, so that a large body is never a byte array on the heap. The edge that made the submission
 * closes it once the intake has answered, which deletes that file.
 *
 * @param envelope the bytes exactly as received
 * @param envelopeSha256 lower-case hex SHA-256 of those bytes, taken while they were received
 */
public record Submission(Spool envelope, String envelopeSha256, Channel channel, X509Certificate tlsClientCertificate)
        implements AutoCloseable {

    /** Bodies up to this size stay in memory, as the opener's spool keeps contents of up to this size. */
    public static final int MEMORY_BYTES = 1024 * 1024;

    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    public Submission {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(envelopeSha256, "envelopeSha256");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tlsClientCertificate, "tlsClientCertificate");
    }

    /**
     * Reads a body into a new submission, hashing it on the way. Reads at most one byte past {@code
     * maxBytes}: enough for the intake to refuse an oversized envelope as {@code too-large} (and audit it)
     * without taking an arbitrarily large body. The stream is read but not closed.
     *
     * @throws IOException when the body cannot be read; nothing is left behind then
     */
    public static Submission read(InputStream body, long maxBytes, Channel channel, X509Certificate client)
            throws IOException {
        MessageDigest sha256 = sha256();
        DigestInputStream in = new DigestInputStream(body, sha256);
        try (Spool.Writer writer = Spool.writer(MEMORY_BYTES)) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            long left = maxBytes + 1;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                writer.write(buffer, 0, read);
                left -= read;
            }
            Spool spool = writer.finish();
            return new Submission(spool, HexFormat.of().formatHex(sha256.digest()), channel, client);
        }
    }

    /** A submission of an envelope already in memory. */
    public static Submission of(byte[] envelope, Channel channel, X509Certificate client) {
        try {
            return read(new ByteArrayInputStream(envelope), Long.MAX_VALUE - 1, channel, client);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool an envelope held in memory", e);
        }
    }

    /** Deletes the envelope's temporary file, if it has one. */
    @Override
    public void close() {
        envelope.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
