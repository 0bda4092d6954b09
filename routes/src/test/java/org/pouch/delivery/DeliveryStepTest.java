package org.pouch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.OpenedMessage;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.Content;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.Receipt;
import org.pouch.formats.MessageType;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.intake.AcceptedDocuments;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangesBeingRecorded;
import org.pouch.partners.Endpoint;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.testing.InMemoryAuditTrail;
import org.pouch.testing.InMemoryLedger;
import org.pouch.testing.TestDirectory;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;

/**
 * The delivery step's decisions, with real crypto and a scripted partner: what is kept, what is audited,
 * when it retries, when it gives up, what an open circuit does, and how orphans and replays are treated.
 */
class DeliveryStepTest {

    private static final TestPki PKI = TestPki.shared();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Set<String> STRIPPED_FOR_IQ = Set.of("pilgrims[*].nationalId", "group.leader.phone");

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final ExchangesBeingRecorded beingRecorded = new ExchangesBeingRecorded();
    private final AcceptedDocuments documents = new AcceptedDocuments(1024 * 1024, Duration.ofMinutes(1));
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final ParticipantDirectory directory = TestDirectory.demo(URI.create("https://localhost:1"));
    private final Deque<BiFunction<String, byte[], PartnerTransport.Result>> partner = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final DeliverySettings settings = new DeliverySettings(
            GATEWAY,
            new RetryPolicy(3, Duration.ofHours(1), Duration.ofSeconds(1), 2, 0, Duration.ofSeconds(10)),
            Map.of(),
            new BreakerPolicy(50, 4, 4, Duration.ofMinutes(1)),
            Duration.ofSeconds(30),
            Duration.ofSeconds(3));
    private final DeliveryStep step;

    DeliveryStepTest() {
        EnvelopeOpener opener = new EnvelopeOpener(PKI.gatewayDecryptionKeys(), directory, PKI.validator(), CLOCK);
        EnvelopeSealer sealer = new EnvelopeSealer(() -> PKI.signing(GATEWAY, KeySuite.EC_P256), CLOCK);
        PartnerTransport transport = (participant, key, envelope) -> {
            calls.incrementAndGet();
            return partner.isEmpty()
                    ? new PartnerTransport.Answered(200, Optional.empty())
                    : partner.poll().apply(key, InMemoryDeliveryStore.bytes(envelope));
        };
        SendStep send = new SendStep(
                settings,
                Map.of(Endpoint.Protocol.REST, transport),
                new PartnerBreakers(settings.breaker()),
                new ReceiptVerifier(directory, PKI.validator(), CLOCK),
                store,
                audit,
                CLOCK);
        Minimisation minimisation = new Minimisation(Map.of(
                BE_IBZ,
                Map.of("watchlist-hit", Set.of("subject.documents")),
                IQ_MOI,
                Map.of("pilgrim-list", STRIPPED_FOR_IQ)));
        PrepareStep prepare = new PrepareStep(settings, opener, documents, sealer, minimisation, CLOCK);
        this.step = new DeliveryStep(settings, ledger, beingRecorded, directory, store, prepare, send, audit, CLOCK);
    }

    @Test
    void aVerifiedReceiptIsKeptAndEveryStepIsAuditedWithItsDetails() {
        AcceptedExchange exchange = accepted(TestDocuments.watchlistHit(PK_MOI, BE_IBZ));
        partner.add((key, envelope) -> new PartnerTransport.Answered(200, Optional.of(receipt(BE_IBZ, key, envelope))));

        DeliveryDecision decision = deliver(exchange);

        assertThat(decision).isInstanceOf(DeliveryDecision.Done.class);
        Delivery delivery = store.find(exchange.exchangeId()).orElseThrow();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.partnerReceipt()).isPresent();
        assertThat(only(AuditEventType.TRANSFORMED, exchange).details())
                .containsEntry("format", "json")
                .containsEntry("stripped", "subject.documents")
                .containsEntry("originalSender", "PK-MOI");
        assertThat(only(AuditEventType.DELIVERY_ATTEMPTED, exchange).details())
                .containsEntry("attempt", "1")
                .containsEntry("outcome", "delivered")
                .containsEntry("httpStatus", "200")
                .containsEntry("idempotencyKey", exchange.exchangeId());
        assertThat(only(AuditEventType.DELIVERED, exchange).details()).containsEntry("receipt", "verified");
    }

    @Test
    void aPilgrimListSealedAsAStreamOpensAtThePartnerMinimisedAsTheModelWouldHaveIt() {
        ExchangeDocument original = TestDocuments.json(PK_MOI, IQ_MOI);
        AcceptedExchange exchange = accepted(original);
        byte[][] sent = new byte[1][];
        partner.add((key, envelope) -> {
            sent[0] = envelope;
            return new PartnerTransport.Answered(200, Optional.empty());
        });

        deliver(exchange);

        EnvelopeOpener partnerSide = new EnvelopeOpener(
                DecryptionKeys.of(PKI.encryption(IQ_MOI, KeySuite.EC_P256)), PKI.senders(), PKI.validator(), CLOCK);
        try (OpenedMessage opened = partnerSide.open(sent[0])) {
            assertThat(opened.signer()).isEqualTo(GATEWAY);
            MessageType<?> type = MessageTypes.lookup("pilgrim-list", "1.0");
            assertThat(opened.document().payload()).isEqualTo(modelTransform(type, original, STRIPPED_FOR_IQ));
            assertThat(opened.envelopeSha256Hex())
                    .isEqualTo(store.find(exchange.exchangeId()).orElseThrow().envelopeSha256())
                    .isEqualTo(only(AuditEventType.TRANSFORMED, exchange)
                            .envelopeSha256()
                            .orElseThrow());
        }
    }

    @Test
    void aDocumentTheIntakeHoldsIsDeliveredWithoutOpeningTheArchivedEnvelopeAgain() {
        ExchangeDocument original = TestDocuments.json(PK_MOI, IQ_MOI);
        // An archive that would not open: only the held document can have made the delivery.
        AcceptedExchange exchange = acceptedWithUnopenableArchive(original);
        documents.hold(exchange.exchangeId(), exchange.envelopeSha256(), original);
        byte[][] sent = new byte[1][];
        partner.add((key, envelope) -> {
            sent[0] = envelope;
            return new PartnerTransport.Answered(200, Optional.empty());
        });

        assertThat(deliver(exchange)).isInstanceOf(DeliveryDecision.Done.class);

        assertThat(documents.taken()).isEqualTo(1);
        EnvelopeOpener partnerSide = new EnvelopeOpener(
                DecryptionKeys.of(PKI.encryption(IQ_MOI, KeySuite.EC_P256)), PKI.senders(), PKI.validator(), CLOCK);
        try (OpenedMessage opened = partnerSide.open(sent[0])) {
            assertThat(opened.document().payload())
                    .isEqualTo(modelTransform(MessageTypes.lookup("pilgrim-list", "1.0"), original, STRIPPED_FOR_IQ));
        }
    }

    @Test
    void withoutAHeldDocumentAnArchiveThatNoLongerOpensDeadLetters() {
        AcceptedExchange exchange = acceptedWithUnopenableArchive(TestDocuments.json(PK_MOI, IQ_MOI));

        assertThat(deliver(exchange))
                .isInstanceOfSatisfying(
                        DeliveryDecision.DeadLettered.class,
                        dead -> assertThat(dead.reason()).startsWith("cannot-open-"));

        assertThat(calls).hasValue(0);
        assertThat(documents.missed()).isEqualTo(1);
    }

    @Test
    void anExchangeWhoseRecipientIsNotTheOneTheSenderSignedForIsDeadLetteredUnsent() {
        // As if the ledger's row had been changed after acceptance to send Pakistan's list to Belgium.
        AcceptedExchange signedForIraq = queuedNotYetRecorded(TestDocuments.json(PK_MOI, IQ_MOI));
        AcceptedExchange readdressed = new AcceptedExchange(
                signedForIraq.exchangeId(),
                signedForIraq.messageId(),
                signedForIraq.sender(),
                BE_IBZ,
                signedForIraq.messageType(),
                signedForIraq.envelopeSha256(),
                signedForIraq.acceptedAt(),
                signedForIraq.envelope(),
                signedForIraq.receipt());
        ledger.record(readdressed);

        assertThat(deliver(readdressed))
                .isInstanceOfSatisfying(
                        DeliveryDecision.DeadLettered.class,
                        dead -> assertThat(dead.reason()).isEqualTo("recipient-mismatch"));
        assertThat(calls).hasValue(0);
    }

    private AcceptedExchange acceptedWithUnopenableArchive(ExchangeDocument document) {
        AcceptedExchange exchange =
                queuedNotYetRecorded(document, Content.inMemory("not an envelope".getBytes(StandardCharsets.US_ASCII)));
        ledger.record(exchange);
        return exchange;
    }

    /** What delivery made of a payload before it streamed: through the model, then re-encoded compact. */
    private static <T> Payload modelTransform(MessageType<T> type, ExchangeDocument original, Set<String> stripped) {
        Payload written = type.write(type.minimise(type.read(original.payload()), stripped), PayloadType.JSON);
        return ExchangeDocumentCodec.decode(
                        ExchangeDocumentCodec.encode(new ExchangeDocument(original.header(), written)))
                .payload();
    }

    @Test
    void aReceiptSignedBySomeoneElseIsNotKeptButTheDeliveryStands() {
        AcceptedExchange exchange = accepted(TestDocuments.watchlistHit(PK_MOI, BE_IBZ));
        partner.add((key, envelope) -> new PartnerTransport.Answered(200, Optional.of(receipt(IQ_MOI, key, envelope))));

        deliver(exchange);

        assertThat(store.find(exchange.exchangeId()).orElseThrow().partnerReceipt())
                .isEmpty();
        assertThat(only(AuditEventType.DELIVERED, exchange).details().get("receipt"))
                .isEqualTo("invalid: signed-by-IQ-MOI");
    }

    @Test
    void aServerErrorIsRetriedLaterAndTheLimitDeadLetters() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        for (int i = 0; i < 3; i++) {
            partner.add((key, envelope) -> new PartnerTransport.Answered(503, Optional.empty()));
        }
        Instant before = CLOCK.instant();

        DeliveryDecision first = deliver(exchange);
        DeliveryDecision second = deliver(exchange);
        DeliveryDecision third = deliver(exchange);

        assertThat(first).isInstanceOfSatisfying(DeliveryDecision.Retry.class, retry -> {
            assertThat(retry.attempts()).isEqualTo(1);
            assertThat(retry.at()).isAfterOrEqualTo(before.plusSeconds(1));
        });
        assertThat(second).isInstanceOf(DeliveryDecision.Retry.class);
        assertThat(third).isEqualTo(new DeliveryDecision.DeadLettered("attempts-exhausted"));
        assertThat(store.find(exchange.exchangeId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD_LETTERED);
        assertThat(only(AuditEventType.DEAD_LETTERED, exchange).details()).containsEntry("attempts", "3");
        // The transform goes into the log with the first attempt only; each attempt with what came of it.
        assertThat(appendsOf(exchange))
                .containsExactly(
                        List.of(AuditEventType.TRANSFORMED, AuditEventType.DELIVERY_ATTEMPTED),
                        List.of(AuditEventType.DELIVERY_ATTEMPTED),
                        List.of(AuditEventType.DELIVERY_ATTEMPTED, AuditEventType.DEAD_LETTERED));
    }

    @Test
    void aDeliveredFirstAttemptIsOneAppendOfTheTransformTheAttemptAndTheDelivery() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));

        assertThat(deliver(exchange)).isInstanceOf(DeliveryDecision.Done.class);

        assertThat(appendsOf(exchange))
                .containsExactly(List.of(
                        AuditEventType.TRANSFORMED, AuditEventType.DELIVERY_ATTEMPTED, AuditEventType.DELIVERED));
        assertThat(only(AuditEventType.TRANSFORMED, exchange)).satisfies(transformed -> {
            assertThat(transformed.step()).isEqualTo(DeliveryRoutes.PREPARE);
            assertThat(transformed.envelopeSha256())
                    .isEqualTo(Optional.of(
                            store.find(exchange.exchangeId()).orElseThrow().envelopeSha256()));
            assertThat(transformed.details())
                    .containsEntry("originalMessageId", exchange.messageId())
                    .containsEntry("stripped", String.join(",", new TreeSet<>(STRIPPED_FOR_IQ)));
        });
    }

    @Test
    void anAttemptWhoseAuditFailsIsNotRecordedAndIsMadeAgainWithTheSameBytes() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            partner.add((key, envelope) -> {
                sent.add(envelope);
                return new PartnerTransport.Answered(200, Optional.empty());
            });
        }
        audit.failAppends(true);

        // The route rolls the queue message back; the broker hands it over again.
        assertThatThrownBy(() -> deliver(exchange)).hasMessageContaining("audit table is gone");
        assertThat(store.attempts(exchange.exchangeId())).isEmpty();
        audit.failAppends(false);
        DeliveryDecision again = deliver(exchange);

        assertThat(again).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        assertThat(store.attempts(exchange.exchangeId())).hasSize(1);
        assertThat(appendsOf(exchange))
                .containsExactly(List.of(
                        AuditEventType.TRANSFORMED, AuditEventType.DELIVERY_ATTEMPTED, AuditEventType.DELIVERED));
    }

    @Test
    void anAttemptAuditedButNotRecordedShowsTwiceInTheLogNeverNotAtAll() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        store.failAttempts(true);

        assertThatThrownBy(() -> deliver(exchange)).hasMessageContaining("delivery store is gone");
        store.failAttempts(false);
        DeliveryDecision again = deliver(exchange);

        assertThat(again).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(calls).hasValue(2);
        List<AuditEventType> whole =
                List.of(AuditEventType.TRANSFORMED, AuditEventType.DELIVERY_ATTEMPTED, AuditEventType.DELIVERED);
        assertThat(appendsOf(exchange)).containsExactly(whole, whole);
    }

    @Test
    void anOpenCircuitReschedulesWithoutCallingOrCountingAnAttempt() {
        // Four failures in a window of four open the circuit in this test's settings.
        AcceptedExchange first = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        deliverFailing(first);
        for (int i = 0; i < 3; i++) {
            deliverFailing(accepted(TestDocuments.json(PK_MOI, IQ_MOI)));
        }

        DeliveryDecision third = deliver(first);

        assertThat(calls).hasValue(4);
        assertThat(third)
                .isInstanceOfSatisfying(
                        DeliveryDecision.Retry.class,
                        retry -> assertThat(retry.attempts()).isEqualTo(1));
        assertThat(store.attempts(first.exchangeId())).hasSize(1);
    }

    @Test
    void aRefusalDeadLettersAtOnce() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        partner.add((key, envelope) -> new PartnerTransport.Answered(422, Optional.empty()));

        assertThat(deliver(exchange)).isEqualTo(new DeliveryDecision.DeadLettered("refused-http-422"));
    }

    @Test
    void anIdMissingFromTheLedgerIsWaitedForThenDroppedAsAnOrphan() {
        String exchangeId = UUID.randomUUID().toString();

        DeliveryDecision early = step.deliver(new DeliveryRequest(exchangeId, CLOCK.instant(), Optional.empty()));
        DeliveryDecision late =
                step.deliver(new DeliveryRequest(exchangeId, CLOCK.instant().minusSeconds(31), Optional.empty()));

        assertThat(early).isInstanceOf(DeliveryDecision.Retry.class);
        assertThat(late).isInstanceOf(DeliveryDecision.Dropped.class);
        assertThat(audit.forExchange(exchangeId))
                .singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo(AuditEventType.ORPHAN_DROPPED));
        assertThat(calls).hasValue(0);
    }

    @Test
    void anIdTheIntakeIsStillRecordingIsWaitedForPastTheGraceThenDelivered() {
        AcceptedExchange exchange = queuedNotYetRecorded(TestDocuments.json(PK_MOI, IQ_MOI));
        beingRecorded.started(exchange.exchangeId());
        Instant queuedLongAgo = CLOCK.instant().minusSeconds(31);

        DeliveryDecision whileRecording =
                step.deliver(new DeliveryRequest(exchange.exchangeId(), queuedLongAgo, Optional.empty()));
        ledger.record(exchange);
        beingRecorded.finished(exchange.exchangeId());
        DeliveryDecision recorded =
                step.deliver(new DeliveryRequest(exchange.exchangeId(), queuedLongAgo, Optional.empty()));

        assertThat(whileRecording).isInstanceOf(DeliveryDecision.Retry.class);
        assertThat(recorded).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(audit.forExchange(exchange.exchangeId()))
                .extracting(AuditEvent::type)
                .doesNotContain(AuditEventType.ORPHAN_DROPPED)
                .contains(AuditEventType.DELIVERED);
    }

    @Test
    void anIdTheIntakeFinishesRecordingMeanwhileIsDeliveredInTheSamePass() throws Exception {
        AcceptedExchange exchange = queuedNotYetRecorded(TestDocuments.json(PK_MOI, IQ_MOI));
        beingRecorded.started(exchange.exchangeId());
        CompletableFuture<DeliveryDecision> delivering = CompletableFuture.supplyAsync(
                () -> step.deliver(new DeliveryRequest(exchange.exchangeId(), CLOCK.instant(), Optional.empty())));
        assertThatThrownBy(() -> delivering.get(300, TimeUnit.MILLISECONDS))
                .as("waiting for the intake, not put back on the queue")
                .isInstanceOf(TimeoutException.class);

        ledger.record(exchange);
        beingRecorded.finished(exchange.exchangeId());

        assertThat(delivering.get(30, TimeUnit.SECONDS)).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDuplicateMessageOrReplayOfASettledDeliveryChangesNothing() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        deliver(exchange);

        DeliveryDecision again = deliver(exchange);
        DeliveryDecision replay =
                step.deliver(new DeliveryRequest(exchange.exchangeId(), CLOCK.instant(), Optional.of("operator")));

        assertThat(again).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(replay).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aReplayedDeadLetterGetsAFreshBudgetAndTheSameBytes() {
        AcceptedExchange exchange = accepted(TestDocuments.json(PK_MOI, IQ_MOI));
        byte[][] sent = new byte[2][];
        partner.add((key, envelope) -> {
            sent[0] = envelope;
            return new PartnerTransport.Answered(400, Optional.empty());
        });
        partner.add((key, envelope) -> {
            sent[1] = envelope;
            return new PartnerTransport.Answered(200, Optional.empty());
        });
        deliver(exchange);

        DeliveryDecision replay =
                step.deliver(new DeliveryRequest(exchange.exchangeId(), CLOCK.instant(), Optional.of("operator")));

        assertThat(replay).isInstanceOf(DeliveryDecision.Done.class);
        assertThat(store.find(exchange.exchangeId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(sent[1]).isEqualTo(sent[0]);
    }

    private AcceptedExchange accepted(ExchangeDocument document) {
        AcceptedExchange exchange = queuedNotYetRecorded(document);
        ledger.record(exchange);
        return exchange;
    }

    private static AcceptedExchange queuedNotYetRecorded(ExchangeDocument document) {
        byte[] envelope = new EnvelopeSealer(() -> PKI.signing(document.header().from(), KeySuite.EC_P256), CLOCK)
                .seal(document, PKI.encryption(GATEWAY, KeySuite.EC_P256).certificate());
        return queuedNotYetRecorded(document, Content.inMemory(envelope));
    }

    private static AcceptedExchange queuedNotYetRecorded(ExchangeDocument document, Content envelope) {
        return new AcceptedExchange(
                UUID.randomUUID().toString(),
                document.header().messageId(),
                document.header().from(),
                document.header().to(),
                document.header().type(),
                "0".repeat(64),
                CLOCK.instant(),
                envelope,
                new byte[] {0});
    }

    private void deliverFailing(AcceptedExchange exchange) {
        partner.add((key, envelope) -> new PartnerTransport.NoAnswer("ConnectException"));
        assertThat(deliver(exchange)).isInstanceOf(DeliveryDecision.Retry.class);
    }

    private DeliveryDecision deliver(AcceptedExchange exchange) {
        return step.deliver(new DeliveryRequest(exchange.exchangeId(), CLOCK.instant(), Optional.empty()));
    }

    private static byte[] receipt(ParticipantId signer, String messageId, byte[] envelope) {
        return new ReceiptSigner(() -> PKI.signing(signer, KeySuite.EC_P256), CLOCK)
                .sign(new Receipt(
                        signer,
                        "x-1",
                        messageId,
                        GATEWAY,
                        BE_IBZ,
                        sha256Hex(envelope),
                        CLOCK.instant(),
                        Receipt.Status.ACCEPTED));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The types of each append that concerned the exchange, in the order they were made. */
    private List<List<AuditEventType>> appendsOf(AcceptedExchange exchange) {
        return audit.appends().stream()
                .filter(events -> events.stream()
                        .anyMatch(e -> e.exchangeId()
                                .filter(exchange.exchangeId()::equals)
                                .isPresent()))
                .map(events -> events.stream().map(AuditEvent::type).toList())
                .toList();
    }

    private AuditEvent only(AuditEventType type, AcceptedExchange exchange) {
        return audit.forExchange(exchange.exchangeId()).stream()
                .filter(event -> event.type() == type)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + type);
                })
                .orElseThrow(() -> new AssertionError("no " + type));
    }
}
