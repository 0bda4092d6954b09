package org.pouch.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pouch.testing.TestPki.BE_IBZ;
import static org.pouch.testing.TestPki.GATEWAY;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_FIA;
import static org.pouch.testing.TestPki.PK_MOI;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.audit.AuditEvent;
import org.pouch.certificates.Credential;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.HostileEnvelopes;
import org.pouch.envelope.HostileEnvelopes.Signing;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ExchangeDocumentCodec;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectionReason;
import org.pouch.gateway.testing.GatewayAnswer;
import org.pouch.gateway.testing.GatewayRecords;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.gateway.testing.PartnerClient;
import org.pouch.intake.Channel;
import org.pouch.intake.IntakeRoutes;
import org.pouch.testing.TestDocuments;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every rejection a partner can cause today, over both edges of the running gateway: a real envelope
 * broken in one way, submitted over mutual TLS; on the wire the code (problem details with the reason's
 * HTTP status, or a SOAP fault on the reason's side), in the audit trail one entry under the incident id,
 * naming the reason, the step that refused and the TLS client.
 *
 * <p>Which check speaks first: the envelope's own checks (the envelope profile, section 4) run inside
 * {@code intake.open} before the TLS client is bound to the signer. A client certificate that belongs to
 * no participant is refused before the envelope is opened; otherwise the envelope's reason wins. So a
 * signer whose certificate is expired, revoked, not yet valid or from an unknown CA is refused for that,
 * not as {@code signer-unknown} (the directory lookup comes after path validation), and a signer who is
 * not the header's sender is {@code signer-not-sender} whichever participant's system submits it.
 */
@GatewayTest
class RejectionEndToEndTest {

    /** The reasons no partner can cause yet, and why; each joins the cases when it can. */
    private static final Map<RejectionReason, String> NOT_REACHABLE_TODAY = Map.of(
            // Key rotation does not exist yet: the gateway has no retired decryption key to seal to.
            RejectionReason.KEY_RETIRED,
            "no key rotation yet, so no retired decryption key",
            RejectionReason.RATE_LIMITED,
            "there is no rate limit yet",
            RejectionReason.INTERNAL_ERROR,
            "the gateway's own failure, not the sender's: IntakeRoutesTest breaks the ledger, SoapFaultTest"
                    + " the edge",
            RejectionReason.UNAVAILABLE,
            "the gateway's state, not the message: BrokerDiskFullTest runs a gateway of its own whose"
                    + " broker's disk is full");

    private static final TestPki PKI = TestPki.shared();

    @LocalServerPort
    int partnerPort;

    @Autowired
    GatewayRecords records;

    /** How a case makes its envelope; {@code replay} first has one accepted over the same channel. */
    @FunctionalInterface
    interface EnvelopeMaker {
        byte[] make(PartnerClient client, Channel channel) throws Exception;
    }

    /**
     * @param tlsClient the credential the submitting system presents
     * @param actor who the audit entry names: the TLS client's participant, or its certificate's subject
     * @param soapStep where the SOAP edge refuses, when not where the intake does
     */
    record Case(
            String name,
            RejectionReason reason,
            String step,
            String soapStep,
            Credential tlsClient,
            String actor,
            EnvelopeMaker envelope) {

        String step(Channel channel) {
            return channel == Channel.SOAP ? soapStep : step;
        }

        @Override
        public String toString() {
            return reason.code() + ", " + name;
        }
    }

    /** Submitted by PK-MOI's system, refused in {@code intake.open}. */
    private static Case open(String name, RejectionReason reason, EnvelopeMaker envelope) {
        return fromPkMoi(name, reason, IntakeRoutes.OPEN, envelope);
    }

    private static Case fromPkMoi(String name, RejectionReason reason, String step, EnvelopeMaker envelope) {
        return new Case(name, reason, step, step, PKI.pki().tlsClient(PK_MOI), PK_MOI.value(), envelope);
    }

    /** A document from PK-MOI signed by {@code signer}, sealed as the profile says, refused in {@code intake.open}. */
    private static Case signedBy(String name, RejectionReason reason, Credential signer) {
        return open(name, reason, (client, channel) -> sealedBy(signer));
    }

    /** Submitted with another TLS credential, refused in {@code intake.open}. */
    private static Case submittedWith(
            Credential tlsClient, String actor, String name, RejectionReason reason, EnvelopeMaker envelope) {
        return new Case(name, reason, IntakeRoutes.OPEN, IntakeRoutes.OPEN, tlsClient, actor, envelope);
    }

    static List<Case> cases() {
        Credential pkFiaTls = PKI.pki().tlsClient(PK_FIA);
        Credential operatorTls = PKI.pki().staff("operator");
        return List.of(
                open(
                        "garbage",
                        RejectionReason.MALFORMED_ENVELOPE,
                        (client, channel) -> "this is not DER at all".getBytes(StandardCharsets.UTF_8)),
                open("truncated", RejectionReason.MALFORMED_ENVELOPE, (client, channel) -> {
                    byte[] envelope = sealed();
                    return Arrays.copyOf(envelope, envelope.length - 40);
                }),
                open(
                        "detached content",
                        RejectionReason.MALFORMED_ENVELOPE,
                        (client, channel) -> signedThenSealed(new Signing("SHA256withECDSA", true, false))),
                open(
                        "no signed attributes",
                        RejectionReason.MALFORMED_ENVELOPE,
                        (client, channel) -> signedThenSealed(new Signing("SHA256withECDSA", false, true))),
                open(
                        "sealed to IQ-MOI's encryption certificate",
                        RejectionReason.NOT_ADDRESSED_TO_GATEWAY,
                        (client, channel) -> sealer(PKI.signing(PK_MOI, KeySuite.EC_P256))
                                .seal(
                                        TestDocuments.json(PK_MOI, IQ_MOI),
                                        PKI.encryption(IQ_MOI, KeySuite.EC_P256).certificate())),
                open(
                        "flipped GCM tag",
                        RejectionReason.DECRYPTION_FAILED,
                        (client, channel) -> HostileEnvelopes.withFlippedTag(sealed())),
                open(
                        "content replaced under the signature",
                        RejectionReason.SIGNATURE_INVALID,
                        (client, channel) -> HostileEnvelopes.authEnveloped(
                                HostileEnvelopes.withContentReplaced(
                                        profileSigned(),
                                        ExchangeDocumentCodec.encode(TestDocuments.json(PK_MOI, PK_FIA))),
                                gatewayEc())),
                signedBy(
                        "signer from a CA nobody trusts",
                        RejectionReason.CERTIFICATE_UNTRUSTED,
                        PKI.untrustedSigning()),
                signedBy(
                        "expired signer",
                        RejectionReason.CERTIFICATE_EXPIRED,
                        PKI.pki().expiredSigning()),
                signedBy("signer not yet valid", RejectionReason.CERTIFICATE_NOT_YET_VALID, PKI.notYetValid()),
                signedBy(
                        "revoked signer",
                        RejectionReason.CERTIFICATE_REVOKED,
                        PKI.pki().revokedSigning()),
                signedBy(
                        "signed with PK-MOI's TLS client certificate, which signs for nobody",
                        RejectionReason.SIGNER_UNKNOWN,
                        PKI.pki().tlsClient(PK_MOI)),
                submittedWith(
                        pkFiaTls,
                        PK_FIA.value(),
                        "PK-FIA signs a document from PK-MOI and submits it",
                        RejectionReason.SIGNER_NOT_SENDER,
                        (client, channel) -> forgedByPkFia()),
                open(
                        "PK-FIA signs a document from PK-MOI, PK-MOI's system submits it",
                        RejectionReason.SIGNER_NOT_SENDER,
                        (client, channel) -> forgedByPkFia()),
                submittedWith(
                        pkFiaTls,
                        PK_FIA.value(),
                        "PK-FIA's system submits PK-MOI's envelope",
                        RejectionReason.CLIENT_NOT_SIGNER,
                        (client, channel) -> sealed()),
                submittedWith(
                        operatorTls,
                        "unregistered client "
                                + operatorTls
                                        .certificate()
                                        .getSubjectX500Principal()
                                        .getName(),
                        "a trusted TLS certificate of no participant submits PK-MOI's envelope",
                        RejectionReason.CLIENT_NOT_SIGNER,
                        (client, channel) -> sealed()),
                open(
                        "SHA-1 signature",
                        RejectionReason.ALGORITHM_NOT_ALLOWED,
                        (client, channel) -> signedThenSealed(new Signing("SHA1withECDSA", true, true))),
                open(
                        "RSA-1024 signer",
                        RejectionReason.ALGORITHM_NOT_ALLOWED,
                        (client, channel) -> HostileEnvelopes.signedThenSealed(
                                TestDocuments.json(PK_MOI, IQ_MOI),
                                PKI.weakRsa(),
                                new Signing("SHA256withRSA", true, true),
                                gatewayEc())),
                open(
                        "legacy AES-CBC from a sender not allowed it",
                        RejectionReason.ALGORITHM_NOT_ALLOWED,
                        (client, channel) -> HostileEnvelopes.legacyEnveloped(profileSigned(), gatewayEc())),
                open(
                        "RSA PKCS#1 v1.5 key transport",
                        RejectionReason.ALGORITHM_NOT_ALLOWED,
                        (client, channel) -> HostileEnvelopes.authEnvelopedWithPkcs1KeyTransport(
                                profileSigned(),
                                PKI.encryption(GATEWAY, KeySuite.RSA_3072).certificate())),
                fromPkMoi(
                        "created an hour ago",
                        RejectionReason.CREATED_AT_OUT_OF_WINDOW,
                        IntakeRoutes.GUARD,
                        (client, channel) -> PartnerClient.seal(TestDocuments.createdAt(
                                PK_MOI, IQ_MOI, Instant.now().minus(Duration.ofHours(1))))),
                fromPkMoi(
                        "a pilgrim list without its group",
                        RejectionReason.SCHEMA_INVALID,
                        IntakeRoutes.GUARD,
                        (client, channel) -> PartnerClient.seal(TestDocuments.document(
                                PK_MOI, IQ_MOI, Payload.of(PayloadType.JSON, "{\"pilgrims\":[]}")))),
                fromPkMoi(
                        "a pilgrim list whose stay outlasts the permitted period",
                        RejectionReason.BUSINESS_RULE_VIOLATED,
                        IntakeRoutes.GUARD,
                        (client, channel) -> PartnerClient.seal(TestDocuments.document(
                                PK_MOI,
                                IQ_MOI,
                                Payload.of(
                                        PayloadType.JSON,
                                        TestDocuments.json(PK_MOI, IQ_MOI)
                                                .payload()
                                                .text()
                                                .replace("\"2027-03-01\"", "\"2027-05-30\""))))),
                fromPkMoi(
                        "a used message id, another envelope",
                        RejectionReason.REPLAY,
                        IntakeRoutes.GUARD,
                        (client, channel) -> {
                            ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
                            client.submit(channel, PartnerClient.seal(document)).accepted();
                            // Sealed again: a fresh signature and content key, so other bytes under the same id.
                            return PartnerClient.seal(document);
                        }),
                fromPkMoi(
                        "a pilgrim list to BE-IBZ, which the policy does not list",
                        RejectionReason.POLICY_DENIED,
                        IntakeRoutes.GUARD,
                        (client, channel) -> PartnerClient.seal(TestDocuments.json(PK_MOI, BE_IBZ))),
                // The REST edge hands the first bytes past the limit to the intake, whose opener refuses them;
                // the SOAP edge stops reading at its own limit and refuses the request itself.
                new Case(
                        "a real envelope past the configured 1 MB",
                        RejectionReason.TOO_LARGE,
                        IntakeRoutes.OPEN,
                        IntakeRoutes.EDGE_SOAP,
                        PKI.pki().tlsClient(PK_MOI),
                        PK_MOI.value(),
                        (client, channel) -> PartnerClient.seal(TestDocuments.ofSize(PK_MOI, IQ_MOI, 1_100_000))));
    }

    static Stream<Arguments> everyCaseOverEveryChannel() {
        return cases().stream()
                .flatMap(rejection -> Stream.of(Channel.values()).map(channel -> Arguments.of(channel, rejection)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyCaseOverEveryChannel")
    void theSenderGetsTheReasonsCodeAndTheRejectionIsAuditedAtItsStep(Channel channel, Case rejection)
            throws Exception {
        PartnerClient client = PartnerClient.presenting(rejection.tlsClient(), partnerPort);
        byte[] envelope = rejection.envelope().make(client, channel);

        GatewayAnswer.Rejected answer = client.submit(channel, envelope).rejected();

        assertThat(answer.reason()).isEqualTo(rejection.reason());
        AuditEvent audited = records.assertRejectionAudited(answer, rejection.step(channel), rejection.actor());
        // The intake notes the envelope's digest before anything can fail; an edge that refuses a request
        // itself has no envelope to name.
        assertThat(audited.envelopeSha256().isPresent())
                .isEqualTo(!rejection.step(channel).equals(IntakeRoutes.EDGE_SOAP));
    }

    @Test
    void everyReasonIsACaseOrSaysWhyNoPartnerCanCauseItYet() {
        Set<RejectionReason> cases = cases().stream().map(Case::reason).collect(Collectors.toSet());

        assertThat(cases).doesNotContainAnyElementsOf(NOT_REACHABLE_TODAY.keySet());
        Set<RejectionReason> all = EnumSet.copyOf(cases);
        all.addAll(NOT_REACHABLE_TODAY.keySet());
        assertThat(all).containsExactlyInAnyOrder(RejectionReason.values());
    }

    private static EnvelopeSealer sealer(Credential signer) {
        return new EnvelopeSealer(() -> signer, Clock.systemUTC());
    }

    private static X509Certificate gatewayEc() {
        return PKI.encryption(GATEWAY, KeySuite.EC_P256).certificate();
    }

    /** A good envelope from PK-MOI to IQ-MOI. */
    private static byte[] sealed() {
        return PartnerClient.seal(TestDocuments.json(PK_MOI, IQ_MOI));
    }

    /** A document from PK-MOI, signed by {@code signer} and sealed to the gateway as the profile says. */
    private static byte[] sealedBy(Credential signer) {
        return sealer(signer).seal(TestDocuments.json(PK_MOI, IQ_MOI), gatewayEc());
    }

    /** PK-FIA's own signing key over a header that names PK-MOI as the sender. */
    private static byte[] forgedByPkFia() {
        return sealedBy(PKI.signing(PK_FIA, KeySuite.EC_P256));
    }

    /** A SignedData of a document from PK-MOI, as the profile signs it. */
    private static byte[] profileSigned() throws Exception {
        return HostileEnvelopes.profileSigned(
                TestDocuments.json(PK_MOI, IQ_MOI), PKI.signing(PK_MOI, KeySuite.EC_P256));
    }

    /** Signed by PK-MOI the way {@code signing} says, sealed as the profile says. */
    private static byte[] signedThenSealed(Signing signing) throws Exception {
        return HostileEnvelopes.signedThenSealed(
                TestDocuments.json(PK_MOI, IQ_MOI), PKI.signing(PK_MOI, KeySuite.EC_P256), signing, gatewayEc());
    }
}
