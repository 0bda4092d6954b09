package org.pouch.certificates;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a verifier trusts: root certificates, the intermediate CAs it may build paths through, and the
 * CRLs that say which certificates are revoked. Every certificate path must be checked against a CRL
 * of its issuer; a path whose revocation status cannot be told is not trusted.
 */
public record TrustMaterial(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {

    public TrustMaterial {
        anchors = List.copyOf(anchors);
        intermediates = List.copyOf(intermediates);
        crls = List.copyOf(crls);
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
    }
}
