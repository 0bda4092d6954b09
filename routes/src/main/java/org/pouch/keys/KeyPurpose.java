package org.pouch.keys;

import java.util.Locale;
import org.pouch.certificates.CertificateProfile;

/**
 * What a ring's keys are for. One ring per purpose and owner: the gateway has all four, a partner has
 * a signing and an encryption ring.
 */
public enum KeyPurpose {
    /** Signs receipts, deliveries and (for the gateway) what it seals for recipients. */
    SIGNING(CertificateProfile.SIGNING),
    /**
     * Envelopes are sealed to these certificates: the gateway's ring of decryption keys, a partner's ring
     * of certificates the gateway seals deliveries to.
     */
    ENCRYPTION(CertificateProfile.ENCRYPTION),
    /** The gateway's TLS server certificate. */
    TLS_SERVER(CertificateProfile.TLS_SERVER),
    /** Signs the audit log's checkpoints. */
    AUDIT_CHECKPOINT(CertificateProfile.SIGNING);

    private final CertificateProfile profile;

    KeyPurpose(CertificateProfile profile) {
        this.profile = profile;
    }

    /** The certificate profile a key of this purpose must be issued under. */
    public CertificateProfile profile() {
        return profile;
    }

    /** The name on the command line and in the API: {@code signing}, {@code encryption}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a wire name; {@code decryption} names the encryption ring, as officers often call it. */
    public static KeyPurpose fromWireName(String name) {
        String normalised = name.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("decryption")) {
            return ENCRYPTION;
        }
        for (KeyPurpose purpose : values()) {
            if (purpose.wireName().equals(normalised)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("unknown key purpose '" + name
                + "', expected signing, encryption (or decryption), tls-server or audit-checkpoint");
    }
}
