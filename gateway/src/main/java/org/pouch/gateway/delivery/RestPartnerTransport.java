package org.pouch.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.pouch.delivery.PartnerTransport;
import org.pouch.exchange.Content;
import org.pouch.partners.Participant;

/**
 * REST delivery: {@code POST} the envelope as {@code application/pkcs7-mime} over mutual TLS, with the
 * delivery's message id as {@code Idempotency-Key}. A signed receipt in the answer is handed back for
 * verification; any other body is read no further.
 */
final class RestPartnerTransport implements PartnerTransport {

    static final String PKCS7_MIME = "application/pkcs7-mime";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A signed receipt is a few kilobytes; an answer larger than this is not one. */
    private static final int MAX_RECEIPT_BYTES = 64 * 1024;

    private final HttpClient http;
    private final Duration requestTimeout;

    RestPartnerTransport(SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Result send(Participant partner, String idempotencyKey, Content envelope) {
        HttpRequest request = HttpRequest.newBuilder(
                        partner.endpoint().orElseThrow().url())
                .header("Content-Type", PKCS7_MIME)
                .header("Accept", PKCS7_MIME + ", application/problem+json")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .timeout(requestTimeout)
                // Read from the spool or the store as it goes out; the length is known, so the request
                // carries a Content-Length as before rather than being chunked.
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(envelope::openStream), envelope.size()))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return new Answered(response.statusCode(), receipt(response, body));
            }
        } catch (IOException e) {
            // The class says what failed (timeout, refused, reset, TLS); the message might quote a URL
            // with more than an operator needs, so only the class is kept.
            return new NoAnswer(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer(e.getClass().getSimpleName());
        }
    }

    private static Optional<byte[]> receipt(HttpResponse<?> response, InputStream body) throws IOException {
        boolean signed = response.headers()
                .firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(PKCS7_MIME))
                .orElse(false);
        if (!signed) {
            return Optional.empty();
        }
        byte[] bytes = body.readNBytes(MAX_RECEIPT_BYTES + 1);
        return bytes.length == 0 || bytes.length > MAX_RECEIPT_BYTES ? Optional.empty() : Optional.of(bytes);
    }
}
