package org.pouch.gateway.pki;

import java.util.List;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.TrustMaterial;
import org.pouch.envelope.DecryptionKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's keys and what it trusts, read once at start-up from the files that {@link KeysProperties}
 * and {@link TrustProperties} name. A file that cannot be read stops the start.
 */
@Configuration(proxyBeanMethods = false)
public class PkiConfiguration {

    /** The key the gateway signs with: receipts, log checkpoints, what it seals for recipients. */
    @Bean
    Credential signingCredential(KeysProperties keys) {
        return read(keys.signing());
    }

    /** The credential the gateway presents to partners' systems over mutual TLS when it delivers. */
    @Bean
    PartnerTlsCredential partnerTlsCredential(KeysProperties keys) {
        if (keys.tlsClient() == null) {
            throw new IllegalStateException(
                    "pouch.keys.tls-client is not set: the gateway needs a TLS client credential to deliver");
        }
        return new PartnerTlsCredential(read(keys.tlsClient()));
    }

    @Bean
    DecryptionKeys decryptionKeys(KeysProperties keys) {
        List<Credential> opening =
                keys.decryption().stream().map(PkiConfiguration::read).toList();
        return DecryptionKeys.of(opening.toArray(Credential[]::new));
    }

    @Bean
    TrustMaterial trustMaterial(TrustProperties trust) {
        return PkiFiles.trust(trust.anchors(), trust.intermediates(), trust.crls());
    }

    @Bean
    CertificateValidator certificateValidator(TrustMaterial trustMaterial) {
        return new CertificateValidator(trustMaterial);
    }

    private static Credential read(KeysProperties.Keystore keystore) {
        return PkiFiles.credential(keystore.path(), keystore.password().toCharArray());
    }
}
