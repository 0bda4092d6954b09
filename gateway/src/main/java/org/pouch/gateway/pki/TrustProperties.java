package org.pouch.gateway.pki;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway trusts when it validates a signer's certificate ({@code pouch.trust.*}): PEM files,
 * each holding one or more certificates or CRLs. TLS clients are checked against the trust store of the
 * server's SSL bundle instead.
 *
 * @param anchors root CA certificates
 * @param intermediates CA certificates that paths may pass through, for partners that do not send them
 * @param crls a current CRL of every CA on every path: a certificate whose revocation status cannot be
 *     told is not trusted
 */
@Validated
@ConfigurationProperties("pouch.trust")
public record TrustProperties(
        @NotEmpty List<@NotNull @ReadableFile Path> anchors,
        @DefaultValue List<@NotNull @ReadableFile Path> intermediates,
        @NotEmpty List<@NotNull @ReadableFile Path> crls) {}
