package org.pouch.gateway.auditlog;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.pouch.gateway.pki.ReadableFile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The audit-checkpoint key ({@code pouch.keys.audit-checkpoint}): a PKCS#12 file with one private key
 * and its certificate, used for nothing but signing the log's checkpoints.
 */
@Validated
@ConfigurationProperties("pouch.keys.audit-checkpoint")
public record AuditCheckpointKeyProperties(
        @NotNull @ReadableFile Path path, @NotNull String password) {

    @Override
    public String toString() {
        return "AuditCheckpointKeyProperties[" + path + "]";
    }
}
