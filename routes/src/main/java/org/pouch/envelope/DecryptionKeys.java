package org.pouch.envelope;

import java.security.cert.X509Certificate;
import java.util.List;
import org.pouch.certificates.Credential;

/**
 * The gateway's side of decryption: which keys may open envelopes now, and which certificates were
 * ours once. The key ring behind it may change at any moment; the opener asks on every envelope.
 */
public interface DecryptionKeys {

    /** The keys that open envelopes now: the primary and any still in their grace period. */
    List<Credential> openingKeys();

    /** Certificates of retired decryption keys; an envelope sealed to one is rejected as such. */
    default List<X509Certificate> retiredCertificates() {
        return List.of();
    }

    /** A fixed set of opening keys. */
    static DecryptionKeys of(Credential... keys) {
        List<Credential> fixed = List.of(keys);
        return () -> fixed;
    }
}
