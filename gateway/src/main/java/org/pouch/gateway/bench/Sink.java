package org.pouch.gateway.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.pouch.certificates.Credential;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.exchange.Header;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectedException;

/**
 * The recipient ministry's endpoint, as the gateway delivers to it: mutual TLS, POST
 * application/pkcs7-mime. It opens what it gets with the recipient's key (the gateway's signature
 * verified), answers 200 with a receipt the recipient signs, and counts each message once, whatever
 * the retries, with its latency from the moment the message was meant to be submitted.
 */
final class Sink implements AutoCloseable {

    static final String PATH = "/iq-moi/inbox";

    /** Where to record a delivery: looked up by message id, set per stage. */
    interface Deliveries {
        void delivered(String messageId, long deliveredNanos);
    }

    private final HttpsServer server;
    private final ExecutorService threads;
    private final EnvelopeOpener opener;
    private final ReceiptSigner receipts;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<Deliveries> deliveries = new AtomicReference<>((id, at) -> {});

    private Sink(HttpsServer server, ExecutorService threads, EnvelopeOpener opener, ReceiptSigner receipts) {
        this.server = server;
        this.threads = threads;
        this.opener = opener;
        this.receipts = receipts;
    }

    static Sink start(BenchPki pki, SSLContext tls, int threads) throws IOException {
        Credential decryption = pki.encryption(BenchPki.RECIPIENT);
        Credential signing = pki.signing(BenchPki.RECIPIENT);
        EnvelopeOpener opener = new EnvelopeOpener(
                DecryptionKeys.of(decryption), pki.signers(BenchPki.GATEWAY), pki.validator(), BenchPki.clock());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
            }
        });
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        Sink sink = new Sink(server, executor, opener, new ReceiptSigner(() -> signing, BenchPki.clock()));
        server.createContext(PATH, sink::handle);
        server.start();
        return sink;
    }

    URI url() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + PATH);
    }

    void recordInto(Deliveries target) {
        deliveries.set(target);
    }

    /** Distinct messages received and opened. */
    long received() {
        return seen.size();
    }

    /** Deliveries that did not open or verify. */
    long refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] envelope;
            try (InputStream in = exchange.getRequestBody()) {
                envelope = in.readAllBytes();
            }
            OpenedMessage opened;
            try {
                opened = opener.open(envelope);
            } catch (RejectedException e) {
                refused.incrementAndGet();
                byte[] problem =
                        ("{\"code\":\"" + e.reason().code() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(400, problem.length);
                exchange.getResponseBody().write(problem);
                return;
            }
            Header header;
            String envelopeSha256;
            // A large document is spooled to a temporary file while open; the header is all the sink needs.
            try (opened) {
                header = opened.document().header();
                envelopeSha256 = opened.envelopeSha256Hex();
            }
            byte[] receipt = receipts.sign(new Receipt(
                    BenchPki.RECIPIENT,
                    UUID.randomUUID().toString(),
                    header.messageId(),
                    header.from(),
                    header.to(),
                    envelopeSha256.toLowerCase(Locale.ROOT),
                    BenchPki.clock().instant(),
                    Receipt.Status.ACCEPTED));
            String submitted = submittedMessageId(header);
            if (seen.add(submitted)) {
                deliveries.get().delivered(submitted, System.nanoTime());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/pkcs7-mime");
            exchange.sendResponseHeaders(200, receipt.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(receipt);
            }
        }
    }

    /**
     * The sender's message id of what was delivered. A gateway that delivers names the exchange as the
     * message id and the sender's message id in the header's {@code origin}; read by record component,
     * so this sink also works with builds whose header has no origin yet (then the message id is the
     * sender's).
     */
    static String submittedMessageId(Header header) {
        for (RecordComponent component : Header.class.getRecordComponents()) {
            if (component.getName().equals("origin")) {
                Object origin = invoke(component, header);
                if (origin instanceof Optional<?> present && present.isPresent()) {
                    for (RecordComponent field : present.get().getClass().getRecordComponents()) {
                        if (field.getName().equals("messageId")) {
                            return String.valueOf(invoke(field, present.get()));
                        }
                    }
                }
            }
        }
        return header.messageId();
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
