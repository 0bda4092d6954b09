package org.pouch.gateway.bench;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.ExamplePkiLayout;
import org.pouch.certificates.KeySuite;
import org.pouch.envelope.SenderDirectory;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.pki.PkiFiles;

/**
 * The key material of one benchmark, read from a directory laid out as {@code certs-example/}: the
 * sender's, the gateway's (for the crypto bound) and the recipient's (for the sink).
 */
record BenchPki(ExamplePkiLayout layout, char[] password, KeySuite suite) {

    static final ParticipantId SENDER = ParticipantId.of("PK-MOI");
    static final ParticipantId RECIPIENT = ParticipantId.of("IQ-MOI");
    static final ParticipantId GATEWAY = ExamplePki.GATEWAY;

    BenchPki(Path directory, String password, KeySuite suite) {
        this(new ExamplePkiLayout(directory), password.toCharArray(), suite);
    }

    Credential signing(ParticipantId participant) {
        return PkiFiles.credential(ExamplePkiLayout.with(layout.signing(participant, suite), "p12"), password);
    }

    Credential encryption(ParticipantId participant) {
        return PkiFiles.credential(ExamplePkiLayout.with(layout.encryption(participant, suite), "p12"), password);
    }

    X509Certificate encryptionCertificate(ParticipantId participant) {
        return PkiFiles.certificate(ExamplePkiLayout.with(layout.encryption(participant, suite), "crt"));
    }

    X509Certificate signingCertificate(ParticipantId participant, KeySuite keySuite) {
        return PkiFiles.certificate(ExamplePkiLayout.with(layout.signing(participant, keySuite), "crt"));
    }

    Path tlsClient(ParticipantId participant) {
        return ExamplePkiLayout.with(layout.tlsClient(participant), "p12");
    }

    Path tlsServer() {
        return ExamplePkiLayout.with(layout.tlsServer(), "p12");
    }

    Path staff(String role) {
        return ExamplePkiLayout.with(layout.staff(role), "p12");
    }

    CertificateValidator validator() {
        return new CertificateValidator(PkiFiles.trust(
                List.of(layout.rootCertificate()),
                List.of(layout.issuingCertificate()),
                List.of(layout.rootCrl(), layout.issuingCrl())));
    }

    /** Signers known by their signing certificates of both suites, as a directory would know them. */
    SenderDirectory signers(ParticipantId... participants) {
        List<ParticipantId> known = List.of(participants);
        List<X509Certificate> certificates = known.stream()
                .flatMap(p -> java.util.Arrays.stream(KeySuite.values()).map(s -> signingCertificate(p, s)))
                .toList();
        return new SenderDirectory() {
            @Override
            public Optional<ParticipantId> participantSigningWith(X509Certificate certificate) {
                int at = certificates.indexOf(certificate);
                return at < 0 ? Optional.empty() : Optional.of(known.get(at / KeySuite.values().length));
            }

            @Override
            public boolean allowsLegacyEncryption(ParticipantId participant) {
                return false;
            }
        };
    }

    static Clock clock() {
        return Clock.systemUTC();
    }
}
