package org.pouch.certificates;

/** What an issued certificate is for; decides its key usage and extended key usage. */
public enum CertificateProfile {
    /** Signs exchange documents, receipts and log checkpoints. */
    SIGNING,
    /** Receives sealed envelopes: key agreement for EC keys, key encipherment for RSA keys. */
    ENCRYPTION,
    /** A TLS server: the gateway's HTTPS endpoints. */
    TLS_SERVER,
    /** A TLS client: a participant system, an officer, an auditor or an operator. */
    TLS_CLIENT
}
