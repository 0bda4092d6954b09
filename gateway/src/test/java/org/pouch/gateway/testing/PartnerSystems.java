package org.pouch.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.ExamplePkiLayout;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.envelope.SenderDirectory;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Receipt;
import org.pouch.testing.TestPki;

/**
 * The partner ministries' systems, as WireMock on one HTTPS port: a test-PKI server certificate for
 * {@code localhost}, client certificates required, each partner at {@code /<id in lower case>/inbox}.
 * By default each answers as a Pouch gateway would: it opens the envelope with its own test key and
 * returns a receipt it signs. Started once per JVM, before the first gateway context, by
 * {@link GatewayTestFiles}; tests change its answers and put the defaults back with {@link #reset()}.
 */
public final class PartnerSystems {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String RECEIPT = "pouch-partner-receipt";
    private static PartnerSystems shared;
    private static final Set<X509Certificate> FETCHED_GATEWAY_SIGNING = ConcurrentHashMap.newKeySet();

    private final WireMockServer server;

    private PartnerSystems(Path pki) {
        ExamplePkiLayout layout = new ExamplePkiLayout(pki);
        this.server = new WireMockServer(WireMockConfiguration.options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(ExamplePkiLayout.with(layout.tlsServer(), "p12").toString())
                .keystorePassword(ExamplePkiFiles.EXAMPLE_PASSWORD)
                .keyManagerPassword(ExamplePkiFiles.EXAMPLE_PASSWORD)
                .keystoreType("PKCS12")
                .needClientAuth(true)
                .trustStorePath(layout.trustStore().toString())
                .trustStorePassword(ExamplePkiFiles.EXAMPLE_PASSWORD)
                .trustStoreType("PKCS12")
                .extensions(new SignedReceipts()));
        server.start();
        reset();
    }

    /** Starts the partners on first use, with the TLS files of a test PKI written under {@code pki}. */
    static synchronized PartnerSystems start(Path pki) {
        if (shared == null) {
            shared = new PartnerSystems(pki);
        }
        return shared;
    }

    /** The running partners; the gateway context must have started them. */
    public static synchronized PartnerSystems shared() {
        if (shared == null) {
            throw new IllegalStateException("no gateway context has started the partner systems");
        }
        return shared;
    }

    public String baseUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    public WireMockServer server() {
        return server;
    }

    public static String inbox(ParticipantId partner) {
        return "/" + partner.value().toLowerCase(Locale.ROOT) + "/inbox";
    }

    /** Every partner answers 200 with a signed receipt again, and forgets what it received. */
    public void reset() {
        server.resetAll();
        server.stubFor(post(urlPathMatching("/[a-z]{2}-[a-z0-9]+/inbox"))
                .atPriority(10)
                .willReturn(signedReceipt()));
    }

    /** Answers as {@code answer} says, ahead of the default; see {@link #inboxOf}. */
    public void answer(MappingBuilder answer) {
        server.stubFor(answer.atPriority(1));
    }

    /** A stub for the partner's inbox, to be given an answer. */
    public static MappingBuilder inboxOf(ParticipantId partner) {
        return post(urlEqualTo(inbox(partner)));
    }

    /** The partners' usual answer: 200 with a receipt the partner signs for the envelope it opened. */
    public static ResponseDefinitionBuilder signedReceipt() {
        return aResponse().withTransformers(RECEIPT);
    }

    /** The status codes the partner answered this idempotency key with, oldest first; 0 for no answer. */
    public List<Integer> answered(ParticipantId partner, String idempotencyKey) {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(inbox(partner)))
                .filter(event -> idempotencyKey.equals(event.getRequest().getHeader(IDEMPOTENCY_KEY)))
                .sorted(java.util.Comparator.comparing(
                        event -> event.getRequest().getLoggedDate()))
                .map(event ->
                        event.getResponse() == null ? 0 : event.getResponse().getStatus())
                .toList();
    }

    /** What the partner received under this idempotency key, oldest first. */
    public List<LoggedRequest> received(ParticipantId partner, String idempotencyKey) {
        return server.findAll(
                postRequestedFor(urlEqualTo(inbox(partner))).withHeader(IDEMPOTENCY_KEY, equalTo(idempotencyKey)));
    }

    /**
     * The partners now also accept the gateway's signatures by these certificates, as partners do once they
     * fetched a rotated key's certificate from the gateway's published certificates. Kept for the JVM: a
     * gateway whose signing key was rotated keeps signing with the new key.
     */
    public static void fetchedGatewaySigningCertificates(Collection<X509Certificate> certificates) {
        FETCHED_GATEWAY_SIGNING.addAll(certificates);
    }

    /** Opens a received envelope as the partner would: its own key, the gateway's signature verified. */
    public static OpenedMessage open(ParticipantId partner, byte[] envelope) {
        TestPki pki = TestPki.shared();
        return new EnvelopeOpener(
                        DecryptionKeys.of(pki.encryption(partner, KeySuite.EC_P256)),
                        senders(),
                        pki.validator(),
                        Clock.systemUTC())
                .open(envelope);
    }

    /** The test PKI's participants, and the gateway also by the signing certificates fetched from it. */
    private static SenderDirectory senders() {
        SenderDirectory pki = TestPki.shared().senders();
        return new SenderDirectory() {
            @Override
            public Optional<ParticipantId> participantSigningWith(X509Certificate certificate) {
                return FETCHED_GATEWAY_SIGNING.contains(certificate)
                        ? Optional.of(TestPki.GATEWAY)
                        : pki.participantSigningWith(certificate);
            }

            @Override
            public boolean allowsLegacyEncryption(ParticipantId participant) {
                return pki.allowsLegacyEncryption(participant);
            }
        };
    }

    /** Answers as a Pouch gateway: opens the envelope with the partner's key and signs a receipt for it. */
    private static final class SignedReceipts implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String path = serveEvent.getRequest().getUrl();
            ParticipantId partner = ParticipantId.of(path.split("/")[1].toUpperCase(Locale.ROOT));
            byte[] envelope = envelopeOf(serveEvent.getRequest());
            Header header;
            // A large document is spooled to a temporary file while open.
            try (OpenedMessage opened = open(partner, envelope)) {
                header = opened.document().header();
            }
            TestPki pki = TestPki.shared();
            byte[] receipt = new ReceiptSigner(() -> pki.signing(partner, KeySuite.EC_P256), Clock.systemUTC())
                    .sign(new Receipt(
                            partner,
                            UUID.randomUUID().toString(),
                            header.messageId(),
                            header.from(),
                            header.to(),
                            sha256Hex(envelope),
                            Clock.systemUTC().instant(),
                            Receipt.Status.ACCEPTED));
            // Like the stub's own answer, so that a delay the stub asks for is kept.
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                    .but()
                    .withStatus(200);
            if (isSoap(serveEvent.getRequest())) {
                return answer.withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(SOAP_RESPONSE.formatted(
                                UUID.randomUUID(), Base64.getEncoder().encodeToString(receipt)))
                        .build();
            }
            return answer.withHeader("Content-Type", "application/pkcs7-mime")
                    .withBody(receipt)
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return RECEIPT;
        }
    }

    private static final String SOAP_RESPONSE =
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><submitResponse xmlns=\"urn:pouch:exchange:v1\"><exchangeId>%s</exchangeId>"
                    + "<receipt>%s</receipt><repeated>false</repeated></submitResponse></soap:Body></soap:Envelope>";

    private static boolean isSoap(Request request) {
        String type = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
        return type.contains("multipart/related") || type.contains("xml");
    }

    /**
     * The envelope a request carried: the body of a REST request; of a SOAP request, the MTOM attachment
     * (or the inline base64 {@code envelope} element, for a client that did not use MTOM).
     */
    public static byte[] envelopeOf(Request request) {
        if (!isSoap(request)) {
            return request.getBody();
        }
        String type = request.getHeader("Content-Type");
        byte[] body = request.getBody();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!type.contains("multipart/related")) {
            Matcher inline = INLINE_ENVELOPE.matcher(text);
            if (!inline.find()) {
                throw new IllegalStateException("no envelope in the SOAP request");
            }
            return Base64.getMimeDecoder().decode(inline.group(1));
        }
        Matcher boundary = BOUNDARY.matcher(type);
        if (!boundary.find()) {
            throw new IllegalStateException("a multipart request without a boundary");
        }
        String delimiter = "--" + boundary.group(1);
        for (String part : text.split(Pattern.quote(delimiter))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd).toLowerCase(Locale.ROOT);
            if (headers.contains("application/pkcs7-mime") || headers.contains("application/octet-stream")) {
                String content = part.substring(headersEnd + 4);
                if (content.endsWith("\r\n")) {
                    content = content.substring(0, content.length() - 2);
                }
                return content.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        throw new IllegalStateException("no envelope attachment in the MTOM request");
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern INLINE_ENVELOPE = Pattern.compile("<(?:\\w+:)?envelope[^>]*>([^<]+)</");

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
