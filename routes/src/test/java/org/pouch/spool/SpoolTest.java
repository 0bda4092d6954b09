package org.pouch.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path directory;

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private Spool spool(byte[] content, int memoryLimit) throws IOException {
        Spool.Writer writer = Spool.writer(directory, memoryLimit);
        // Odd-sized writes, so that writes straddle segment boundaries.
        for (int at = 0; at < content.length; at += 7919) {
            writer.write(content, at, Math.min(7919, content.length - at));
        }
        return writer.finish();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static byte[] read(Spool spool, long offset, long length) throws IOException {
        try (InputStream in = spool.openStream(offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void smallContentStaysInMemory() throws IOException {
        byte[] content = content(1000);
        try (Spool spool = spool(content, 4096)) {
            assertThat(spool.onDisk()).isFalse();
            assertThat(files()).isEmpty();
            assertThat(read(spool, 0, 1000)).isEqualTo(content);
        }
    }

    @Test
    void largeContentReadsBackWholeAndFromAnyOffset() throws IOException {
        byte[] content = content(3 * Spool.SEGMENT_BYTES + 12345);
        try (Spool spool = spool(content, 1024)) {
            assertThat(spool.onDisk()).isTrue();
            assertThat(spool.size()).isEqualTo(content.length);
            assertThat(read(spool, 0, content.length)).isEqualTo(content);
            long offset = Spool.SEGMENT_BYTES - 3;
            assertThat(read(spool, offset, Spool.SEGMENT_BYTES + 10))
                    .isEqualTo(Arrays.copyOfRange(content, (int) offset, (int) offset + Spool.SEGMENT_BYTES + 10));
            assertThat(read(spool, content.length - 5, 5))
                    .isEqualTo(Arrays.copyOfRange(content, content.length - 5, content.length));
        }
    }

    @Test
    void contentOfWholeSegmentsReadsBack() throws IOException {
        byte[] content = content(2 * Spool.SEGMENT_BYTES);
        try (Spool spool = spool(content, 0)) {
            assertThat(read(spool, 0, content.length)).isEqualTo(content);
        }
    }

    @Test
    void theFileHoldsNoPlaintext() throws IOException {
        byte[] marker = "PASSPORT-AB1234567".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[200_000];
        for (int at = 0; at + marker.length < content.length; at += marker.length) {
            System.arraycopy(marker, 0, content, at, marker.length);
        }
        try (Spool spool = spool(content, 1024)) {
            String onDisk = new String(Files.readAllBytes(files().get(0)), StandardCharsets.ISO_8859_1);
            assertThat(onDisk).doesNotContain("PASSPORT");
        }
    }

    @Test
    void closingDeletesTheFileAndTheContent() throws IOException {
        Spool spool = spool(content(100_000), 1024);
        assertThat(files()).hasSize(1);
        spool.close();
        assertThat(files()).isEmpty();
        assertThatThrownBy(() -> spool.openStream()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWriterClosedUnfinishedLeavesNothing() throws IOException {
        try (Spool.Writer writer = Spool.writer(directory, 10)) {
            writer.write(content(100_000));
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void anAlteredFileFailsToRead() throws IOException {
        try (Spool spool = spool(content(150_000), 1024)) {
            try (RandomAccessFile file = new RandomAccessFile(files().get(0).toFile(), "rw")) {
                file.seek(Spool.SEGMENT_BYTES + 100);
                int b = file.read();
                file.seek(Spool.SEGMENT_BYTES + 100);
                file.write(b ^ 1);
            }
            assertThatThrownBy(() -> read(spool, 0, spool.size())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aTruncatedFileFailsToRead() throws IOException {
        try (Spool spool = spool(content(150_000), 1024)) {
            try (RandomAccessFile file = new RandomAccessFile(files().get(0).toFile(), "rw")) {
                file.setLength(2L * (Spool.SEGMENT_BYTES + 16));
            }
            assertThatThrownBy(() -> read(spool, 0, spool.size())).isInstanceOf(IOException.class);
        }
    }
}
