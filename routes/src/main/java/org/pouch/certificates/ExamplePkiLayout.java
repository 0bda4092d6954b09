package org.pouch.certificates;

import java.nio.file.Path;
import java.util.Locale;
import org.pouch.exchange.ParticipantId;

/**
 * Where each file of the example PKI lies under its directory (as in {@code certs-example/}): the one
 * place that knows the names, for the writer and for the tools that read the files back.
 */
public record ExamplePkiLayout(Path directory) {

    public Path rootCertificate() {
        return directory.resolve("ca/root-ca.crt");
    }

    public Path issuingCertificate() {
        return directory.resolve("ca/issuing-ca.crt");
    }

    public Path rootCrl() {
        return directory.resolve("ca/root-ca.crl");
    }

    public Path issuingCrl() {
        return directory.resolve("ca/issuing-ca.crl");
    }

    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    /**
     * The folder of a participant's files, or {@code gateway/} for the gateway.
     */
    public Path folder(ParticipantId participant) {
        return participant.equals(ExamplePki.GATEWAY)
                ? directory.resolve("gateway")
                : directory.resolve("participants").resolve(participant.value().toLowerCase(Locale.ROOT));
    }

    /** A credential's files without their extension: add {@code .crt}, {@code .key}, {@code .p12} or {@code -chain.pem}. */
    public Path signing(ParticipantId participant, KeySuite suite) {
        return folder(participant).resolve("signing-" + suite.shortName());
    }

    public Path encryption(ParticipantId participant, KeySuite suite) {
        return folder(participant).resolve("encryption-" + suite.shortName());
    }

    public Path tlsClient(ParticipantId participant) {
        return folder(participant).resolve("tls-client");
    }

    public Path tlsServer() {
        return folder(ExamplePki.GATEWAY).resolve("tls-server");
    }

    /** The gateway's audit-checkpoint credential, which signs the audit log's checkpoints. */
    public Path auditCheckpoint() {
        return folder(ExamplePki.GATEWAY).resolve("audit-checkpoint");
    }

    public Path staff(String role) {
        return directory.resolve("staff").resolve(role);
    }

    public Path negative(String name) {
        return directory.resolve("negative").resolve(name);
    }

    /** The file of a credential with the given extension, for example {@code p12} or {@code crt}. */
    public static Path with(Path credential, String extension) {
        return credential.resolveSibling(credential.getFileName() + "." + extension);
    }
}
