package org.pouch.gateway.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.ExamplePkiLayout;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectedException;
import org.pouch.gateway.pki.PkiFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pouch send}: what a partner ministry's system does, from the command line. Seals a JSON, XML or
 * CSV file as a participant, with that participant's files in an example-PKI layout, submits it over
 * REST or SOAP with mutual TLS, and prints the verified receipt or the rejection.
 */
@Command(
        name = "send",
        description = "Seal a JSON, XML or CSV file as a participant and submit it to a gateway.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:accepted; the receipt verified",
            "1:rejected; sending the same again will not help",
            "3:the receipt did not verify",
            "75:rejected for now (rate-limited, internal-error, unavailable); try again later"
        })
final class SendCommand implements Callable<Integer> {

    static final int REJECTED = 1;
    static final int RECEIPT_UNVERIFIED = 3;
    static final int TRY_AGAIN = 75;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The payload: .json (one JSON object), .xml or .csv.")
    Path file;

    @Option(names = "--from", required = true, description = "The sending participant, for example PK-MOI.")
    String from;

    @Option(names = "--to", required = true, description = "The recipient participant, for example IQ-MOI.")
    String to;

    @Option(names = "--type", required = true, description = "The message type, for example pilgrim-list.")
    String type;

    @Option(names = "--schema-version", defaultValue = "1.0", description = "Default: ${DEFAULT-VALUE}.")
    String schemaVersion;

    @Option(names = "--message-id", description = "Default: a new UUID. Reuse one to resend the same message.")
    String messageId;

    @Option(names = "--in-reply-to", description = "The message id this one answers.")
    String inReplyTo;

    @Option(names = "--gateway", defaultValue = "https://localhost:8443", description = "Default: ${DEFAULT-VALUE}.")
    URI gateway;

    @Option(
            names = "--gateway-id",
            defaultValue = "PK-GW",
            description = "The gateway's participant id. Default: ${DEFAULT-VALUE}.")
    String gatewayId;

    @Option(names = "--channel", defaultValue = "rest", description = "rest or soap. Default: ${DEFAULT-VALUE}.")
    String channel;

    @Option(
            names = "--suite",
            defaultValue = "ec",
            description =
                    "Which of the sender's keys signs, and which gateway certificate to seal to: ec or rsa. Default: ${DEFAULT-VALUE}.")
    String suite;

    @Option(
            names = "--pki",
            defaultValue = "certs-example",
            description = "A directory laid out as certs-example/. Default: ${DEFAULT-VALUE}.")
    Path pki;

    @Option(
            names = "--password",
            defaultValue = ExamplePkiFiles.EXAMPLE_PASSWORD,
            description = "The PKCS#12 password. Default: the example PKI's.")
    String password;

    @Option(names = "--receipt-out", description = "Also write the signed receipt (DER) to this file.")
    Path receiptOut;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ParticipantId sender = ParticipantId.of(from);
        ParticipantId gatewayParticipant = ParticipantId.of(gatewayId);
        KeySuite keySuite = KeySuite.fromShortName(suite);
        ExamplePkiLayout layout = new ExamplePkiLayout(pki);

        ExchangeDocument document = new ExchangeDocument(
                new Header(
                        messageId != null ? messageId : UUID.randomUUID().toString(),
                        type,
                        schemaVersion,
                        sender,
                        ParticipantId.of(to),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        Optional.ofNullable(inReplyTo)),
                Payload.of(payloadType(file), Files.readAllBytes(file)));
        Credential signer = PkiFiles.credential(
                ExamplePkiLayout.with(layout.signing(sender, keySuite), "p12"), password.toCharArray());
        byte[] envelope = new EnvelopeSealer(() -> signer, Clock.systemUTC())
                .seal(
                        document,
                        PkiFiles.certificate(
                                ExamplePkiLayout.with(layout.encryption(gatewayParticipant, keySuite), "crt")));

        GatewayConnection connection = new GatewayConnection(
                gateway,
                ExamplePkiLayout.with(layout.tlsClient(sender), "p12"),
                layout.trustStore(),
                password.toCharArray());
        GatewayConnection.Answer answer =
                "soap".equalsIgnoreCase(channel) ? connection.submitSoap(envelope) : connection.submitRest(envelope);
        out.println("message " + document.header().messageId() + " from " + sender + " to " + to + " ("
                + envelope.length + " bytes sealed, " + channel.toLowerCase(Locale.ROOT) + ")");

        if (answer instanceof GatewayConnection.Answer.Rejected rejected) {
            out.println(
                    "rejected: " + rejected.code() + " (" + rejected.status() + "), incident " + rejected.incidentId());
            return rejected.retryable() ? TRY_AGAIN : REJECTED;
        }
        GatewayConnection.Answer.Accepted accepted = (GatewayConnection.Answer.Accepted) answer;
        if (receiptOut != null) {
            Files.write(receiptOut, accepted.receipt());
        }
        try {
            Receipt receipt = receiptVerifier(layout, gatewayParticipant)
                    .verify(accepted.receipt())
                    .receipt();
            out.println(
                    (accepted.repeated() ? "accepted earlier: " : "accepted: ") + "exchange " + receipt.exchangeId());
            out.println("receipt signed by " + receipt.gateway() + ", verified: message " + receipt.messageId()
                    + ", envelope sha-256 " + receipt.envelopeSha256() + ", accepted at " + receipt.acceptedAt());
            return 0;
        } catch (RejectedException e) {
            out.println(
                    "accepted, but the receipt does not verify: " + e.reason().code());
            return RECEIPT_UNVERIFIED;
        }
    }

    private ReceiptVerifier receiptVerifier(ExamplePkiLayout layout, ParticipantId gatewayParticipant) {
        List<java.security.cert.X509Certificate> gatewaySigning = List.of(
                PkiFiles.certificate(
                        ExamplePkiLayout.with(layout.signing(gatewayParticipant, KeySuite.EC_P256), "crt")),
                PkiFiles.certificate(
                        ExamplePkiLayout.with(layout.signing(gatewayParticipant, KeySuite.RSA_3072), "crt")));
        org.pouch.envelope.SenderDirectory gatewayOnly = new org.pouch.envelope.SenderDirectory() {
            @Override
            public Optional<ParticipantId> participantSigningWith(java.security.cert.X509Certificate certificate) {
                return gatewaySigning.contains(certificate) ? Optional.of(gatewayParticipant) : Optional.empty();
            }

            @Override
            public boolean allowsLegacyEncryption(ParticipantId participant) {
                return false;
            }
        };
        CertificateValidator validator = new CertificateValidator(PkiFiles.trust(
                List.of(layout.rootCertificate()),
                List.of(layout.issuingCertificate()),
                List.of(layout.rootCrl(), layout.issuingCrl())));
        return new ReceiptVerifier(gatewayOnly, validator, Clock.systemUTC());
    }

    private static PayloadType payloadType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return PayloadType.JSON;
        }
        if (name.endsWith(".xml")) {
            return PayloadType.XML;
        }
        if (name.endsWith(".csv")) {
            return PayloadType.CSV;
        }
        throw new IllegalArgumentException("cannot tell the content type of " + file + ": use .json, .xml or .csv");
    }
}
