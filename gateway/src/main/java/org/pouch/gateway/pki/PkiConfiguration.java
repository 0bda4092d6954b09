package org.pouch.gateway.pki;

import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.TrustMaterial;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the gateway trusts, read once at start-up from the files that {@link TrustProperties} names. A file
 * that cannot be read stops the start. The gateway's own keys are in key rings
 * ({@code org.pouch.gateway.keys}), seeded from the files {@link KeysProperties} names.
 */
@Configuration(proxyBeanMethods = false)
public class PkiConfiguration {

    /** The credential the gateway presents to partners' systems over mutual TLS when it delivers. */
    @Bean
    PartnerTlsCredential partnerTlsCredential(KeysProperties keys) {
        if (keys.tlsClient() == null) {
            throw new IllegalStateException(
                    "pouch.keys.tls-client is not set: the gateway needs a TLS client credential to deliver");
        }
        return new PartnerTlsCredential(PkiFiles.credential(
                keys.tlsClient().path(), keys.tlsClient().password().toCharArray()));
    }

    @Bean
    TrustMaterial trustMaterial(TrustProperties trust) {
        return PkiFiles.trust(trust.anchors(), trust.intermediates(), trust.crls());
    }

    @Bean
    CertificateValidator certificateValidator(TrustMaterial trustMaterial) {
        return new CertificateValidator(trustMaterial);
    }
}
