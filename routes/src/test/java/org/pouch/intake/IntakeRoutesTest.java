package org.pouch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.builder.endpoint.StaticEndpointBuilders;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.MessageHeaders;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.movements.Direction;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.testing.InMemoryAuditTrail;
import org.pouch.testing.InMemoryLedger;
import org.pouch.testing.InMemoryOverstayRecords;
import org.pouch.testing.TestDirectory;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPki;

/**
 * The intake routes in a real Camel context with real envelopes; the ledger and audit trail are in
 * memory and the delivery queue is a SEDA queue. The gateway's tests run the same routes over TLS with
 * the JDBC stores and the Artemis queue.
 */
class IntakeRoutesTest {

    private static final String QUEUE = "seda:delivery?size=100";

    private final TestPki pki = TestPki.shared();
    private final ParticipantDirectory directory = TestDirectory.demo(URI.create("https://localhost:1/"));
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryOverstayRecords overstay = new InMemoryOverstayRecords();
    private final ExchangesBeingRecorded beingRecorded = new ExchangesBeingRecorded();
    private final AcceptedDocuments documents = new AcceptedDocuments(1024 * 1024, Duration.ofMinutes(1));
    private CamelContext camel;
    private Intake intake;
    private ConsumerTemplate queue;

    @BeforeEach
    void startCamel() throws Exception {
        startCamel(new DeliveryQueue(StaticEndpointBuilders.seda("delivery").size(100), failure -> false));
    }

    private void startCamel(DeliveryQueue deliveryQueue) throws Exception {
        Clock clock = Clock.systemUTC();
        camel = new DefaultCamelContext();
        IntakeRoutes routes = new IntakeRoutes(
                new IntakeSettings(GATEWAY, Duration.ofMinutes(10)),
                new EnvelopeOpener(pki.gatewayDecryptionKeys(), directory, pki.validator(), clock),
                directory,
                ledger,
                audit,
                new ReceiptSigner(() -> pki.signing(GATEWAY, KeySuite.EC_P256), clock),
                deliveryQueue,
                overstay,
                OneTransaction.none(),
                beingRecorded,
                documents,
                clock);
        camel.addRoutes(routes);
        camel.start();
        intake = new CamelIntake(camel.createProducerTemplate(), routes);
        queue = camel.createConsumerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private byte[] seal(ExchangeDocument document) {
        return new EnvelopeSealer(() -> pki.signing(document.header().from(), KeySuite.EC_P256), Clock.systemUTC())
                .seal(document, pki.encryption(GATEWAY, KeySuite.EC_P256).certificate());
    }

    private IntakeOutcome submit(byte[] envelope, X509Certificate client) {
        // As an edge does: the submission's spool is deleted once the intake has answered.
        try (Submission submission = Submission.of(envelope, Channel.REST, client)) {
            return intake.submit(submission);
        }
    }

    private X509Certificate tlsOf(org.pouch.exchange.ParticipantId participant) {
        return pki.pki().tlsClient(participant).certificate();
    }

    private RejectionReason rejectionOf(IntakeOutcome outcome) {
        assertThat(outcome).isInstanceOf(IntakeOutcome.Rejected.class);
        IntakeOutcome.Rejected rejected = (IntakeOutcome.Rejected) outcome;
        assertThat(audit.forIncident(rejected.incidentId())).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.REJECTED);
            assertThat(event.reason()).contains(rejected.reason());
        });
        return rejected.reason();
    }

    @Test
    void acceptedExchangeIsQueuedRecordedAuditedAndReceipted() {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = seal(document);

        IntakeOutcome outcome = submit(envelope, tlsOf(PK_MOI));

        assertThat(outcome).isInstanceOf(IntakeOutcome.Accepted.class);
        IntakeOutcome.Accepted accepted = (IntakeOutcome.Accepted) outcome;
        assertThat(accepted.repeated()).isFalse();
        Receipt receipt = new ReceiptVerifier(directoryWithGateway(), pki.validator(), Clock.systemUTC())
                .verify(accepted.receipt())
                .receipt();
        assertThat(receipt.exchangeId()).isEqualTo(accepted.exchangeId());
        assertThat(receipt.messageId()).isEqualTo(document.header().messageId());
        assertThat(receipt.envelopeSha256())
                .isEqualTo(Submission.of(envelope, Channel.REST, tlsOf(PK_MOI)).envelopeSha256());

        org.apache.camel.Exchange queued = queue.receive(QUEUE, 5_000);
        assertThat(queued.getMessage().getBody(String.class)).isEqualTo(accepted.exchangeId());
        assertThat(queued.getMessage().getHeader(MessageHeaders.RECIPIENT)).isEqualTo("IQ-MOI");
        assertThat(ledger.findByMessageId(PK_MOI, document.header().messageId()))
                .hasValueSatisfying(
                        recorded -> assertThat(recorded.exchangeId()).isEqualTo(accepted.exchangeId()));
        assertThat(audit.all())
                .extracting(AuditEvent::type)
                .containsExactly(AuditEventType.RECEIVED, AuditEventType.ACCEPTED);
        assertThat(audit.forExchange(accepted.exchangeId()))
                .singleElement()
                .satisfies(event -> assertThat(event.step()).isEqualTo(IntakeRoutes.ACCEPT));
        assertThat(beingRecorded.contains(accepted.exchangeId()))
                .as("listed for delivery only while the intake records it")
                .isFalse();
        assertThat(documents.take(accepted.exchangeId(), receipt.envelopeSha256()))
                .as("the verified document is held for delivery")
                .hasValueSatisfying(held -> {
                    assertThat(held.header()).isEqualTo(document.header());
                    assertThat(held.payload()).isEqualTo(document.payload());
                });
    }

    private org.pouch.envelope.SenderDirectory directoryWithGateway() {
        return pki.senders();
    }

    @Test
    void theSameEnvelopeAgainGetsTheOriginalReceiptAndIsNotQueuedTwice() {
        byte[] envelope = seal(TestDocuments.json(PK_MOI, IQ_MOI));
        IntakeOutcome.Accepted first = (IntakeOutcome.Accepted) submit(envelope, tlsOf(PK_MOI));
        queue.receive(QUEUE, 5_000);

        IntakeOutcome.Accepted again = (IntakeOutcome.Accepted) submit(envelope, tlsOf(PK_MOI));

        assertThat(again.repeated()).isTrue();
        assertThat(again.exchangeId()).isEqualTo(first.exchangeId());
        assertThat(again.receipt()).isEqualTo(first.receipt());
        assertThat(queue.receiveNoWait(QUEUE)).isNull();
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(audit.all())
                .extracting(AuditEvent::type, AuditEvent::step)
                .containsExactly(
                        tuple(AuditEventType.RECEIVED, IntakeRoutes.INTAKE),
                        tuple(AuditEventType.ACCEPTED, IntakeRoutes.ACCEPT),
                        tuple(AuditEventType.RECEIVED, IntakeRoutes.INTAKE),
                        tuple(AuditEventType.ACCEPTED, IntakeRoutes.REPEAT));
    }

    @Test
    void aUsedMessageIdWithAnotherEnvelopeIsAReplay() {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        submit(seal(document), tlsOf(PK_MOI));

        IntakeOutcome resealed = submit(seal(document), tlsOf(PK_MOI));

        assertThat(rejectionOf(resealed)).isEqualTo(RejectionReason.REPLAY);
    }

    @Test
    void aMessageCreatedOutsideTheWindowIsRefused() {
        ExchangeDocument stale =
                TestDocuments.createdAt(PK_MOI, IQ_MOI, Instant.now().minus(Duration.ofHours(2)));

        assertThat(rejectionOf(submit(seal(stale), tlsOf(PK_MOI)))).isEqualTo(RejectionReason.CREATED_AT_OUT_OF_WINDOW);
    }

    @Test
    void anExchangeThePolicyDoesNotListIsDenied() {
        // Iraq receives pilgrim lists; it does not send them.
        assertThat(rejectionOf(submit(seal(TestDocuments.json(IQ_MOI, PK_MOI)), tlsOf(IQ_MOI))))
                .isEqualTo(RejectionReason.POLICY_DENIED);
        assertThat(ledger.size()).isZero();
    }

    @Test
    void oneParticipantsSystemCannotSubmitAnothersEnvelope() {
        byte[] envelope = seal(TestDocuments.json(PK_MOI, IQ_MOI));

        assertThat(rejectionOf(submit(envelope, tlsOf(PK_FIA)))).isEqualTo(RejectionReason.CLIENT_NOT_SIGNER);
        assertThat(rejectionOf(submit(envelope, pki.pki().staff("operator").certificate())))
                .isEqualTo(RejectionReason.CLIENT_NOT_SIGNER);
    }

    @Test
    void envelopeRejectionsComeThroughWithTheStepThatFoundThem() {
        IntakeOutcome outcome = submit("garbage".getBytes(StandardCharsets.UTF_8), tlsOf(BE_IBZ));

        assertThat(rejectionOf(outcome)).isEqualTo(RejectionReason.MALFORMED_ENVELOPE);
        AuditEvent rejected = audit.forIncident(((IntakeOutcome.Rejected) outcome).incidentId())
                .get(0);
        assertThat(rejected.step()).isEqualTo(IntakeRoutes.OPEN);
        assertThat(rejected.actor()).isEqualTo("BE-IBZ");
        assertThat(rejected.envelopeSha256()).isPresent();
        // The note of who delivered it is stored with the rejection, right before it.
        assertThat(audit.all())
                .extracting(AuditEvent::type, AuditEvent::actor, AuditEvent::envelopeSha256)
                .containsExactly(
                        tuple(AuditEventType.RECEIVED, "BE-IBZ", rejected.envelopeSha256()),
                        tuple(AuditEventType.REJECTED, "BE-IBZ", rejected.envelopeSha256()));
    }

    private IntakeOutcome.Rejected refuse(Channel channel, Optional<X509Certificate> client, RejectionReason reason) {
        return intake.refuse(channel, client, new RejectedException(reason, "what the edge saw"));
    }

    @Test
    void aRefusalAtTheEdgeIsAuditedAtTheEdgeWithTheTlsClientAsActor() {
        IntakeOutcome.Rejected refused =
                refuse(Channel.SOAP, Optional.of(tlsOf(PK_MOI)), RejectionReason.MALFORMED_ENVELOPE);

        assertThat(refused.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE);
        assertThat(audit.all()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.REJECTED);
            assertThat(event.step()).isEqualTo(IntakeRoutes.EDGE_SOAP);
            assertThat(event.actor()).isEqualTo("PK-MOI");
            assertThat(event.reason()).contains(RejectionReason.MALFORMED_ENVELOPE);
            assertThat(event.incidentId()).contains(refused.incidentId());
            assertThat(event.envelopeSha256()).isEmpty();
        });
    }

    @Test
    void aRefusalWithoutAClientCertificateNamesAnAnonymousClient() {
        IntakeOutcome.Rejected refused = refuse(Channel.REST, Optional.empty(), RejectionReason.CLIENT_NOT_SIGNER);

        assertThat(audit.forIncident(refused.incidentId())).singleElement().satisfies(event -> {
            assertThat(event.step()).isEqualTo(IntakeRoutes.EDGE_REST);
            assertThat(event.actor()).isEqualTo(RejectionStep.ANONYMOUS);
        });
    }

    @Test
    void aRefusalWithACertificateOfNoParticipantNamesItsSubject() {
        X509Certificate operator = pki.pki().staff("operator").certificate();

        IntakeOutcome.Rejected refused = refuse(Channel.SOAP, Optional.of(operator), RejectionReason.TOO_LARGE);

        assertThat(audit.forIncident(refused.incidentId()))
                .singleElement()
                .satisfies(event -> assertThat(event.actor())
                        .isEqualTo("unregistered client "
                                + operator.getSubjectX500Principal().getName()));
    }

    @Test
    void anEdgeFailureIsRecordedAsAnInternalError() {
        IntakeOutcome.Rejected refused = intake.refuse(
                Channel.SOAP,
                Optional.of(tlsOf(BE_IBZ)),
                new RejectedException(
                        RejectionReason.INTERNAL_ERROR, "the edge failed", new IllegalStateException("boom")));

        assertThat(refused.reason().retryable()).isTrue();
        assertThat(audit.forIncident(refused.incidentId()))
                .singleElement()
                .satisfies(event -> assertThat(event.reason()).contains(RejectionReason.INTERNAL_ERROR));
    }

    @Test
    void aRefusalIsAnsweredEvenWhenTheAuditTrailFails() {
        AuditTrail broken = new AuditTrail() {
            @Override
            public void append(AuditEvent event) {
                throw new IllegalStateException("the audit table is gone");
            }

            @Override
            public void appendAll(List<AuditEvent> events) {
                throw new IllegalStateException("the audit table is gone");
            }

            @Override
            public List<AuditEvent> forExchange(String exchangeId) {
                return List.of();
            }

            @Override
            public List<AuditEvent> forIncident(String incidentId) {
                return List.of();
            }
        };

        IntakeOutcome.Rejected refused = new RejectionStep(directory, broken, Clock.systemUTC())
                .refuseAtEdge(
                        Channel.REST,
                        Optional.empty(),
                        new RejectedException(RejectionReason.CLIENT_NOT_SIGNER, "no TLS client certificate"));

        assertThat(refused.reason()).isEqualTo(RejectionReason.CLIENT_NOT_SIGNER);
        assertThat(refused.incidentId()).isNotBlank();
    }

    @Test
    void aLedgerFailureIsAnInternalErrorAndNothingIsAcknowledged() {
        ledger.failFromNowOn();
        byte[] envelope = seal(TestDocuments.json(PK_MOI, IQ_MOI));

        IntakeOutcome outcome = submit(envelope, tlsOf(PK_MOI));

        assertThat(rejectionOf(outcome)).isEqualTo(RejectionReason.INTERNAL_ERROR);
        assertThat(((IntakeOutcome.Rejected) outcome).reason().retryable()).isTrue();
        assertThat(heldFor(queuedId(), envelope))
                .as("the document of an exchange the ledger did not take is not held")
                .isEmpty();
    }

    /** A broker whose disk is full refuses the send; here a SEDA queue of one, already holding one. */
    @Test
    void aQueueRefusingForWantOfRoomIsUnavailableAndNothingIsRecordedOrHeld() throws Exception {
        camel.stop();
        startCamel(new DeliveryQueue(
                StaticEndpointBuilders.seda("full").size(1), failure -> failure instanceof IllegalStateException));
        assertThat(submit(seal(TestDocuments.json(PK_MOI, IQ_MOI)), tlsOf(PK_MOI)))
                .isInstanceOf(IntakeOutcome.Accepted.class);
        ExchangeDocument refused = TestDocuments.json(PK_MOI, IQ_MOI);
        byte[] envelope = seal(refused);

        IntakeOutcome outcome = submit(envelope, tlsOf(PK_MOI));

        assertThat(rejectionOf(outcome)).isEqualTo(RejectionReason.UNAVAILABLE);
        assertThat(RejectionReason.UNAVAILABLE.retryable()).isTrue();
        assertThat(ledger.findByMessageId(PK_MOI, refused.header().messageId())).isEmpty();
        assertThat(audit.all())
                .filteredOn(event ->
                        event.messageId().equals(Optional.of(refused.header().messageId())))
                .extracting(AuditEvent::type)
                .as("its only entry naming the message is the rejection: nothing was accepted")
                .containsExactly(AuditEventType.REJECTED);
        assertThat(documents.held())
                .as("only the first exchange's document, which its delivery will take")
                .isEqualTo(1);
    }

    @Test
    void anExchangeWhoseTwinWonTheRaceIsAnsweredWithTheTwinsAndHoldsNothing() {
        ledger.letATwinWinTheNextRecord();
        byte[] envelope = seal(TestDocuments.json(PK_MOI, IQ_MOI));

        IntakeOutcome outcome = submit(envelope, tlsOf(PK_MOI));

        String queuedId = queuedId();
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        IntakeOutcome.Accepted.class,
                        twins -> assertThat(twins.exchangeId()).isNotEqualTo(queuedId));
        assertThat(heldFor(queuedId, envelope))
                .as("the document of the exchange the ledger refused is not held")
                .isEmpty();
    }

    private String queuedId() {
        return queue.receive(QUEUE, 5_000).getMessage().getBody(String.class);
    }

    /** What the hand-off holds for the exchange, taken as delivery would take it for PK-MOI's envelope. */
    private Optional<ExchangeDocument> heldFor(String exchangeId, byte[] envelope) {
        return documents.take(
                exchangeId, Submission.of(envelope, Channel.REST, tlsOf(PK_MOI)).envelopeSha256());
    }

    @Test
    void movementsNamingAListedPassportAreAcceptedAndBothExchangesAreRecordedForTheOverstayAnswers() {
        String group = TestPilgrims.freshGroupReference();
        LocalDate arrival = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        ExchangeDocument list = TestPilgrims.listDocument(
                PK_MOI,
                IQ_MOI,
                TestPilgrims.list(group, arrival, 10, List.of(new TestPilgrims.Listed("AB1234567", "Khan", "Ayesha"))));
        assertThat(submit(seal(list), tlsOf(PK_MOI))).isInstanceOf(IntakeOutcome.Accepted.class);
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI,
                PK_MOI,
                TestPilgrims.movements(
                        group,
                        null,
                        List.of(new TestPilgrims.Crossing(
                                "AB1234567",
                                Direction.ENTRY,
                                arrival.atTime(9, 0).atOffset(ZoneOffset.ofHours(3))))));

        IntakeOutcome outcome = submit(seal(report), tlsOf(IQ_MOI));

        assertThat(outcome).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(overstay.lists()).singleElement().satisfies(recorded -> {
            assertThat(recorded.groupReference()).isEqualTo(group);
            assertThat(recorded.listMessageId()).isEqualTo(list.header().messageId());
            assertThat(recorded.permittedUntil()).isEqualTo(arrival.plusDays(10));
            assertThat(recorded.pilgrims()).extracting(p -> p.passportNumber()).containsExactly("AB1234567");
        });
        assertThat(overstay.movements()).singleElement().satisfies(recorded -> {
            assertThat(recorded.home()).isEqualTo(PK_MOI);
            assertThat(recorded.groupReference()).isEqualTo(group);
            assertThat(recorded.movement().direction()).isEqualTo(Direction.ENTRY);
        });
    }

    @Test
    void movementsNamingAPassportNotOnTheListAreRejectedAtTheGuardAndNotRecorded() {
        String group = TestPilgrims.freshGroupReference();
        LocalDate arrival = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        submit(
                seal(TestPilgrims.listDocument(
                        PK_MOI,
                        IQ_MOI,
                        TestPilgrims.list(
                                group, arrival, 10, List.of(new TestPilgrims.Listed("AB1234567", "Khan", "Ayesha"))))),
                tlsOf(PK_MOI));
        ExchangeDocument report = TestPilgrims.movementsDocument(
                IQ_MOI,
                PK_MOI,
                TestPilgrims.movements(
                        group,
                        null,
                        List.of(new TestPilgrims.Crossing(
                                "ZZ9999999",
                                Direction.ENTRY,
                                arrival.atTime(9, 0).atOffset(ZoneOffset.UTC)))));

        IntakeOutcome outcome = submit(seal(report), tlsOf(IQ_MOI));

        assertThat(rejectionOf(outcome)).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
        assertThat(audit.forIncident(((IntakeOutcome.Rejected) outcome).incidentId()))
                .singleElement()
                .satisfies(event -> assertThat(event.step()).isEqualTo(IntakeRoutes.GUARD));
        assertThat(overstay.movements()).isEmpty();
        assertThat(ledger.findByMessageId(IQ_MOI, report.header().messageId())).isEmpty();
    }

    @Test
    void aListSentAgainAsTheSameEnvelopeIsRecordedOnce() {
        ExchangeDocument list = TestPilgrims.listDocument(
                PK_MOI,
                IQ_MOI,
                TestPilgrims.list(
                        TestPilgrims.freshGroupReference(),
                        LocalDate.now(ZoneOffset.UTC),
                        10,
                        List.of(new TestPilgrims.Listed("AB1234567", "Khan", "Ayesha"))));
        byte[] envelope = seal(list);

        submit(envelope, tlsOf(PK_MOI));
        IntakeOutcome again = submit(envelope, tlsOf(PK_MOI));

        assertThat(again)
                .isInstanceOfSatisfying(
                        IntakeOutcome.Accepted.class,
                        accepted -> assertThat(accepted.repeated()).isTrue());
        assertThat(overstay.lists()).hasSize(1);
    }
}
