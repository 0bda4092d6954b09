package org.pouch.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A stream over content held in blocks that are fetched one at a time (decrypted spool segments, envelope
 * chunks in a table), so that reading content of any size costs one block of memory. It skips the first
 * {@code skip} bytes and ends after {@code length} more.
 */
public abstract class BlockReader extends InputStream {

    private byte[] block = new byte[0];
    private int position;
    private long toSkip;
    private long remaining;

    protected BlockReader(long skip, long length) {
        if (skip < 0 || length < 0) {
            throw new IllegalArgumentException("skip and length must not be negative");
        }
        this.toSkip = skip;
        this.remaining = length;
    }

    /**
     * The next block, in order; blocks may differ in size.
     *
     * @throws IOException if there is none: the content ends before the length read
     */
    protected abstract byte[] nextBlock() throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (remaining == 0) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        while (position == block.length || toSkip > 0) {
            if (position == block.length) {
                block = nextBlock();
                position = 0;
            }
            int skipped = (int) Math.min(toSkip, block.length - position);
            position += skipped;
            toSkip -= skipped;
        }
        int take = (int) Math.min(Math.min(length, block.length - position), remaining);
        System.arraycopy(block, position, bytes, offset, take);
        position += take;
        remaining -= take;
        return take;
    }
}
