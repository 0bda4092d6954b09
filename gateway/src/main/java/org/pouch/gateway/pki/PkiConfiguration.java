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

    @Bean
    TrustMaterial trustMaterial(TrustProperties trust) {
        return PkiFiles.trust(trust.anchors(), trust.intermediates(), trust.crls());
    }

    @Bean
    CertificateValidator certificateValidator(TrustMaterial trustMaterial) {
        return new CertificateValidator(trustMaterial);
    }
}
