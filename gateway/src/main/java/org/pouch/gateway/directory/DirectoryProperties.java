package org.pouch.gateway.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pouch.partners.Endpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The participant directory and exchange policy ({@code pouch.directory.*}): who takes part, the
 * certificate files that identify each, where each is delivered to, and who may send what to whom.
 *
 * @param participants by participant id, for example {@code PK-MOI}
 */
@Validated
@ConfigurationProperties("pouch.directory")
public record DirectoryProperties(
        @NotEmpty Map<String, @Valid @NotNull ParticipantProperties> participants,
        List<@Valid @NotNull PolicyRuleProperties> policy) {

    public DirectoryProperties {
        policy = policy == null ? List.of() : List.copyOf(policy);
    }

    /**
     * @param signingCertificates PEM files of every live signing certificate
     * @param encryptionCertificate PEM file of the certificate deliveries are sealed to
     * @param tlsClientCertificates PEM files of the certificates its systems use for mutual TLS
     * @param endpoint where deliveries go; leave out for a participant that only sends
     * @param legacyEncryption whether it may still send AES-256-CBC EnvelopedData
     * @param minimise by message type, the fields this participant is denied when delivered to, for example
     *     {@code watchlist-hit: [subject.documents]}
     * @param delivery this participant's own delivery limits, where they differ from {@code pouch.delivery.retry}
     */
    public record ParticipantProperties(
            @NotBlank String name,
            List<@NotNull Path> signingCertificates,
            Path encryptionCertificate,
            List<@NotNull Path> tlsClientCertificates,
            @Valid EndpointProperties endpoint,
            boolean legacyEncryption,
            Map<String, List<String>> minimise,
            @Valid DeliveryLimits delivery) {

        public ParticipantProperties {
            signingCertificates = signingCertificates == null ? List.of() : List.copyOf(signingCertificates);
            tlsClientCertificates = tlsClientCertificates == null ? List.of() : List.copyOf(tlsClientCertificates);
            minimise = minimise == null ? Map.of() : Map.copyOf(minimise);
        }
    }

    /**
     * A participant's own delivery limits; each left out falls back to {@code pouch.delivery.retry}.
     *
     * @param maxAttempts attempts in all before the dead-letter queue
     * @param maxAge how long after acceptance attempts may still start
     */
    public record DeliveryLimits(@Min(1) Integer maxAttempts, Duration maxAge) {}

    /** @param format the payload format the participant wants: {@code json}, {@code xml}, {@code csv} */
    public record EndpointProperties(
            @NotNull URI url,
            @NotNull Endpoint.Protocol protocol,
            @NotBlank String format) {}

    /** {@code from} may send messages of {@code type} to {@code to}. */
    public record PolicyRuleProperties(
            @NotBlank String from,
            @NotBlank String type,
            @NotBlank String to) {}
}
