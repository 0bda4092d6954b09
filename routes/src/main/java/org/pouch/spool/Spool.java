package org.pouch.spool;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.pouch.exchange.BlockReader;
import org.pouch.exchange.Content;

/**
 * Content too large for the heap, held in a temporary file encrypted under a fresh AES-256-GCM key that
 * exists only in this object: plaintext that is personal data, or not yet verified, never lies readable
 * on disk, and a spool left behind by a crash cannot be read by anyone. Contents up to the memory limit
 * stay in memory and never touch the disk.
 *
 * <p>The file is a sequence of segments, each {@value #SEGMENT_BYTES} bytes of plaintext (the last one
 * fewer) sealed with AES-GCM under the nonce {@code segment number (8 bytes) || last flag (1 byte) || 0 0 0}:
 * the construction of Tink's streaming AEAD. The JDK's AES-GCM releases plaintext only once it has the
 * whole message, so sealing segments keeps memory at one segment; numbering them and marking the last
 * makes a reordered, truncated or extended file fail to read.
 *
 * <p>Write once through {@link #writer}, read any number of times, {@link #close} to delete.
 */
public final class Spool implements Content, AutoCloseable {

    static final int SEGMENT_BYTES = 64 * 1024;
    private static final int TAG_BYTES = 16;
    private static final int STORED_SEGMENT_BYTES = SEGMENT_BYTES + TAG_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] inMemory;
    private final Path file;
    private final long size;
    private final long segments;
    private volatile SecretKey key;

    private Spool(byte[] inMemory, Path file, SecretKey key, long size, long segments) {
        this.inMemory = inMemory;
        this.file = file;
        this.key = key;
        this.size = size;
        this.segments = segments;
    }

    /**
     * A writer for a new spool.
     *
     * @param directory where the file goes, once the content outgrows {@code memoryLimit}
     * @param memoryLimit the most bytes kept in memory rather than in a file
     */
    public static Writer writer(Path directory, int memoryLimit) {
        return new Writer(Objects.requireNonNull(directory), memoryLimit);
    }

    /** A writer for a new spool in the JVM's temporary directory. */
    public static Writer writer(int memoryLimit) {
        return writer(Path.of(System.getProperty("java.io.tmpdir")), memoryLimit);
    }

    @Override
    public long size() {
        return size;
    }

    /** Whether the content is in a file rather than in memory. */
    public boolean onDisk() {
        return file != null;
    }

    @Override
    public InputStream openStream(long offset, long length) {
        Objects.checkFromIndexSize(offset, length, size);
        if (inMemory != null) {
            return Content.inMemory(inMemory).openStream(offset, length);
        }
        SecretKey current = key;
        if (current == null) {
            throw new IllegalStateException("the spool was closed");
        }
        try {
            return new SegmentReader(FileChannel.open(file, StandardOpenOption.READ), current, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool", e);
        }
    }

    /** Deletes the file and forgets the key. */
    @Override
    public void close() {
        key = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Unreadable without the key, which is gone: a file left behind leaks nothing.
                file.toFile().deleteOnExit();
            }
        }
    }

    private static byte[] nonce(long segment, boolean last) {
        return ByteBuffer.allocate(12)
                .putLong(segment)
                .put((byte) (last ? 1 : 0))
                .array();
    }

    private static Cipher cipher(int mode, SecretKey key, long segment, boolean last) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(segment, last)));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Writes a spool: in memory up to the limit, then to an encrypted file. */
    public static final class Writer extends OutputStream {

        private final Path directory;
        private final int memoryLimit;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private FileChannel channel;
        private SecretKey key;
        // Allocated when the content spills to a file: most spools (one or two per message) never do.
        private byte[] segment;
        private int filled;
        private long segmentsWritten;
        private long size;
        private boolean done;

        private Writer(Path directory, int memoryLimit) {
            this.directory = directory;
            this.memoryLimit = memoryLimit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (done) {
                throw new IOException("the spool is finished");
            }
            size += length;
            if (memory != null) {
                if (memory.size() + (long) length <= memoryLimit) {
                    memory.write(bytes, offset, length);
                    return;
                }
                spill();
            }
            toSegments(bytes, offset, length);
        }

        /** The spool holding what was written. */
        public Spool finish() throws IOException {
            if (done) {
                throw new IOException("the spool is finished");
            }
            done = true;
            if (memory != null) {
                return new Spool(memory.toByteArray(), null, null, size, 0);
            }
            try (FileChannel out = channel) {
                seal(true);
                out.force(false);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Spool(null, file, key, size, segmentsWritten);
        }

        /** Without {@link #finish}, discards what was written. */
        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            memory = null;
            if (channel != null) {
                try (FileChannel out = channel) {
                    // closed by try-with-resources
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }

        private void spill() throws IOException {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, RANDOM);
                key = generator.generateKey();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is not available", e);
            }
            file = Files.createTempFile(directory, "pouch-", ".spool");
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            segment = new byte[SEGMENT_BYTES];
            byte[] held = memory.toByteArray();
            memory = null;
            toSegments(held, 0, held.length);
        }

        private void toSegments(byte[] bytes, int offset, int length) throws IOException {
            int at = offset;
            int left = length;
            while (left > 0) {
                if (filled == SEGMENT_BYTES) {
                    // Sealed only once more data follows: the last segment must carry the last flag.
                    seal(false);
                }
                int take = Math.min(left, SEGMENT_BYTES - filled);
                System.arraycopy(bytes, at, segment, filled, take);
                filled += take;
                at += take;
                left -= take;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] sealed =
                        cipher(Cipher.ENCRYPT_MODE, key, segmentsWritten, last).doFinal(segment, 0, filled);
                ByteBuffer buffer = ByteBuffer.wrap(sealed);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot seal a spool segment", e);
            }
            segmentsWritten++;
            filled = 0;
        }
    }

    /** Reads plaintext from the file a segment at a time, from any offset. */
    private final class SegmentReader extends BlockReader {

        private final FileChannel channel;
        private final SecretKey key;
        private long segment;

        SegmentReader(FileChannel channel, SecretKey key, long offset, long length) {
            super(offset % SEGMENT_BYTES, length);
            this.channel = channel;
            this.key = key;
            this.segment = offset / SEGMENT_BYTES;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        @Override
        protected byte[] nextBlock() throws IOException {
            if (segment >= segments) {
                throw new EOFException("the spool ends early");
            }
            boolean last = segment == segments - 1;
            ByteBuffer stored = ByteBuffer.allocate(STORED_SEGMENT_BYTES);
            long at = segment * STORED_SEGMENT_BYTES;
            while (stored.hasRemaining()) {
                int read = channel.read(stored, at + stored.position());
                if (read < 0) {
                    break;
                }
            }
            if (stored.position() < TAG_BYTES || (!last && stored.hasRemaining())) {
                throw new EOFException("the spool file was cut short");
            }
            try {
                byte[] plain =
                        cipher(Cipher.DECRYPT_MODE, key, segment, last).doFinal(stored.array(), 0, stored.position());
                segment++;
                return plain;
            } catch (GeneralSecurityException e) {
                throw new IOException("the spool file was altered", e);
            }
        }
    }
}
