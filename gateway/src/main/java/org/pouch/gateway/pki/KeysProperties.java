package org.pouch.gateway.pki;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own keys ({@code pouch.keys.*}), each a PKCS#12 file holding one private key and its
 * certificate chain.
 *
 * @param signing signs receipts, log checkpoints and what the gateway seals for recipients
 * @param decryption opens what partners seal to the gateway: every key whose certificate partners may
 *     still use, typically one EC and one RSA
 * @param tlsClient the TLS client credential the gateway presents to partners' systems when it delivers;
 *     the gateway does not start its delivery without one
 * @param auditCheckpoint signs the audit log's checkpoints and nothing else; it seeds the audit-checkpoint
 *     key ring on first start
 * @param tlsServer the TLS server credential of both ports; it seeds the TLS server key ring on first
 *     start, whose primary the ports serve from then on
 */
@Validated
@ConfigurationProperties("pouch.keys")
public record KeysProperties(
        @NotNull @Valid Keystore signing,
        @NotEmpty List<@NotNull @Valid Keystore> decryption,
        @Valid Keystore tlsClient,
        @NotNull @Valid Keystore auditCheckpoint,
        @Valid Keystore tlsServer) {

    /** A PKCS#12 file and its password. */
    public record Keystore(
            @NotNull @ReadableFile Path path, @NotNull String password) {

        @Override
        public String toString() {
            // Records print every component; a password must not reach a log line that way.
            return "Keystore[" + path + "]";
        }
    }
}
