package org.pouch.gateway.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Cuts a request off once its body passes a limit, before the MIME and XML parsers see the bytes past
 * it. The parsers' own limits bound the shape of the XML; this bounds its size, inline base64 and MTOM
 * alike, and marks the failure so that it is answered as {@code too-large} rather than as a broken
 * request.
 */
final class RequestSizeLimit extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream body = message.getContent(InputStream.class);
        if (body != null) {
            message.setContent(InputStream.class, new LimitedInputStream(body, maxBytes));
        }
    }

    /** Whether the limit is what made this exception, however deep the parsers wrapped it. */
    static boolean exceededIn(Throwable thrown) {
        // Bounded, because nothing stops a library from building a cycle of causes.
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof ExceededException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the body's stream when a read goes past the limit. */
    static final class ExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        ExceededException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long maxBytes;
        private long read;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        // A reset would let the count run backwards.
        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int limit) {}

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark and reset are not supported");
        }

        private void count(long n) throws ExceededException {
            read += n;
            if (read > maxBytes) {
                throw new ExceededException(maxBytes);
            }
        }
    }
}
