package org.pouch.gateway.pki;

import java.util.Objects;
import org.pouch.certificates.Credential;

/**
 * The TLS client credential the gateway presents to partners' systems, typed apart from its signing
 * credential so that neither can be injected where the other is meant.
 */
public record PartnerTlsCredential(Credential credential) {

    public PartnerTlsCredential {
        Objects.requireNonNull(credential);
    }
}
