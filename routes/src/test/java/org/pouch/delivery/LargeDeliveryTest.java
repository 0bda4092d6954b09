package org.pouch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.Content;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Payload;
import org.pouch.formats.JsonInput;
import org.pouch.intake.AcceptedDocuments;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangesBeingRecorded;
import org.pouch.partners.Endpoint;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.spool.Spool;
import org.pouch.testing.InMemoryAuditTrail;
import org.pouch.testing.InMemoryLedger;
import org.pouch.testing.TestDirectory;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPilgrims.Listed;
import org.pouch.testing.TestPki;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A list of 50,000 pilgrims is prepared and sent without the sealed envelope ever being a byte array:
 * the store is handed a spool file to read, and the partner's transport reads its body from that file.
 * What the partner gets opens, verifies, and holds every pilgrim without the fields it is denied.
 */
class LargeDeliveryTest {

    private static final int PILGRIMS = 50_000;
    private static final TestPki PKI = TestPki.shared();
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void aLargeListIsSealedIntoAFileAndSentFromIt() throws Exception {
        ParticipantDirectory directory = TestDirectory.demo(URI.create("https://localhost:1"));
        DeliverySettings settings = new DeliverySettings(
                GATEWAY,
                new RetryPolicy(3, Duration.ofHours(1), Duration.ofSeconds(1), 2, 0, Duration.ofSeconds(10)),
                Map.of(),
                new BreakerPolicy(50, 4, 4, Duration.ofMinutes(1)),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        InMemoryLedger ledger = new InMemoryLedger();
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        InMemoryAuditTrail audit = new InMemoryAuditTrail();
        AtomicReference<Content> body = new AtomicReference<>();
        AtomicReference<String> sentSha256 = new AtomicReference<>();
        AtomicReference<Counts> atPartner = new AtomicReference<>();
        PartnerTransport transport = (participant, key, envelope) -> {
            body.set(envelope);
            sentSha256.set(sha256(envelope));
            atPartner.set(openAtPartner(envelope));
            return new PartnerTransport.Answered(200, Optional.empty());
        };
        SendStep send = new SendStep(
                settings,
                Map.of(Endpoint.Protocol.REST, transport),
                new PartnerBreakers(settings.breaker()),
                new ReceiptVerifier(directory, PKI.validator(), CLOCK),
                store,
                audit,
                CLOCK);
        Minimisation minimisation =
                new Minimisation(Map.of(IQ_MOI, Map.of("pilgrim-list", Set.of("pilgrims[*].nationalId"))));
        PrepareStep prepare = new PrepareStep(
                settings,
                new EnvelopeOpener(PKI.gatewayDecryptionKeys(), directory, PKI.validator(), CLOCK),
                AcceptedDocuments.none(),
                new EnvelopeSealer(() -> PKI.signing(GATEWAY, KeySuite.EC_P256), CLOCK),
                minimisation,
                CLOCK);
        DeliveryStep step = new DeliveryStep(
                settings, ledger, new ExchangesBeingRecorded(), directory, store, prepare, send, audit, CLOCK);
        AcceptedExchange exchange = accepted(ledger, largeList());

        DeliveryDecision decision =
                step.deliver(new DeliveryRequest(exchange.exchangeId(), CLOCK.instant(), Optional.empty()));

        assertThat(decision).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(store.preparedFrom())
                .singleElement()
                .isInstanceOfSatisfying(
                        Spool.class, spool -> assertThat(spool.onDisk()).isTrue());
        assertThat(body.get()).isSameAs(store.preparedFrom().get(0));
        assertThat(body.get().size()).isGreaterThan(5L * 1024 * 1024);
        Delivery delivery = store.find(exchange.exchangeId()).orElseThrow();
        assertThat(sentSha256.get()).isEqualTo(delivery.envelopeSha256());
        assertThat(atPartner.get()).isEqualTo(new Counts(PILGRIMS, PILGRIMS, 0));
    }

    private record Counts(int pilgrims, int passports, int nationalIds) {}

    /** Opens as IQ-MOI would, reading the envelope as a stream, and counts what the list holds. */
    private static Counts openAtPartner(Content envelope) {
        EnvelopeOpener partner = new EnvelopeOpener(
                DecryptionKeys.of(PKI.encryption(IQ_MOI, KeySuite.EC_P256)), PKI.senders(), PKI.validator(), CLOCK);
        try (OpenedMessage opened = partner.open(envelope)) {
            assertThat(opened.signer()).isEqualTo(GATEWAY);
            return count(opened.document().payload());
        }
    }

    private static Counts count(Payload payload) {
        int pilgrims = 0;
        int passports = 0;
        int nationalIds = 0;
        try (InputStream in = payload.openStream();
                JsonParser parser = JsonInput.mapper().createParser(in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    switch (parser.currentName()) {
                        case "givenNames" -> pilgrims++;
                        case "passport" -> passports++;
                        case "nationalId" -> nationalIds++;
                        default -> {}
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts(pilgrims, passports, nationalIds);
    }

    private static Payload largeList() {
        List<Listed> pilgrims = new ArrayList<>(PILGRIMS);
        for (int i = 0; i < PILGRIMS; i++) {
            pilgrims.add(new Listed(String.format("AB%07d", i), "Khan", "Ayesha"));
        }
        return TestPilgrims.list(
                TestPilgrims.freshGroupReference(), LocalDate.now().plusDays(30), 20, pilgrims);
    }

    private static AcceptedExchange accepted(InMemoryLedger ledger, Payload list) {
        ExchangeDocument document = TestDocuments.document(PK_MOI, IQ_MOI, list);
        byte[] envelope = new EnvelopeSealer(() -> PKI.signing(PK_MOI, KeySuite.EC_P256), CLOCK)
                .seal(document, PKI.encryption(GATEWAY, KeySuite.EC_P256).certificate());
        AcceptedExchange exchange = new AcceptedExchange(
                UUID.randomUUID().toString(),
                document.header().messageId(),
                PK_MOI,
                IQ_MOI,
                "pilgrim-list",
                "0".repeat(64),
                CLOCK.instant(),
                Content.inMemory(envelope),
                new byte[] {0});
        ledger.record(exchange);
        return exchange;
    }

    private static String sha256(Content content) {
        try (DigestInputStream in = new DigestInputStream(content.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
