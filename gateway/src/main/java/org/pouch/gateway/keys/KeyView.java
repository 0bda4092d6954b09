package org.pouch.gateway.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.pouch.keys.Pem;
import org.pouch.keys.RingEntry;
import org.pouch.keys.RingId;

/**
 * A key as officers, partners and tools see it: never private material.
 *
 * @param certificate the PEM certificate, null while a generated key awaits it
 */
public record KeyView(
        String id,
        String owner,
        String purpose,
        String suite,
        String state,
        String publicKeySha256,
        String subject,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        Instant since,
        Instant graceUntil,
        String promotionRequestedBy,
        String certificate) {

    static KeyView of(RingId ring, RingEntry entry) {
        X509Certificate certificate = entry.certificate().orElse(null);
        return new KeyView(
                entry.id(),
                ring.owner().value(),
                ring.purpose().wireName(),
                entry.suite().shortName(),
                entry.state().wireName(),
                entry.publicKeySha256(),
                certificate == null
                        ? null
                        : certificate.getSubjectX500Principal().getName(),
                certificate == null ? null : certificate.getSerialNumber().toString(16),
                certificate == null ? null : certificate.getNotBefore().toInstant(),
                certificate == null ? null : certificate.getNotAfter().toInstant(),
                entry.since(),
                entry.graceUntil().orElse(null),
                entry.promotionRequestedBy().orElse(null),
                certificate == null ? null : Pem.certificate(certificate));
    }
}
