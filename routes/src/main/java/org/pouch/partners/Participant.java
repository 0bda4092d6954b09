package org.pouch.partners;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;

/**
 * A participant as the directory knows it.
 *
 * @param signingCertificates every live signing certificate; signatures from any of them are accepted,
 *     so a partner can rotate with overlap
 * @param encryptionCertificate the certificate the gateway seals to when delivering to this participant
 * @param tlsClientCertificates the certificates its systems authenticate with over mutual TLS
 * @param endpoint where deliveries go; empty for a participant that only sends
 * @param legacyEncryption whether it may still send legacy EnvelopedData (AES-256-CBC)
 */
public record Participant(
        ParticipantId id,
        String name,
        List<X509Certificate> signingCertificates,
        Optional<X509Certificate> encryptionCertificate,
        List<X509Certificate> tlsClientCertificates,
        Optional<Endpoint> endpoint,
        boolean legacyEncryption) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        signingCertificates = List.copyOf(signingCertificates);
        tlsClientCertificates = List.copyOf(tlsClientCertificates);
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isPresent() && encryptionCertificate.isEmpty()) {
            throw new IllegalArgumentException(
                    "participant " + id + " has an endpoint but no encryption certificate to seal deliveries to");
        }
    }
}
