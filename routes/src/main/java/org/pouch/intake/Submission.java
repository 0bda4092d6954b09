package org.pouch.intake;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A sealed envelope as an edge received it, with the TLS client certificate the partner system
 * authenticated with. The intake binds that certificate's participant to the envelope's signer.
 *
 * @param envelope the DER bytes exactly as received
 */
public record Submission(byte[] envelope, Channel channel, X509Certificate tlsClientCertificate) {

    public Submission {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tlsClientCertificate, "tlsClientCertificate");
    }
}
