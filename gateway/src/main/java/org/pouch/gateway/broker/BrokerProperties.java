package org.pouch.gateway.broker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message broker ({@code pouch.broker.*}).
 *
 * @param url an external Artemis broker, for example {@code tcp://broker-1:61616}; when it is absent or
 *     blank the gateway runs its own broker in-process and nothing else can connect to it
 * @param dataDirectory where the embedded broker keeps its journal; unused with an external broker
 * @param maxDiskUsage how full, in per cent, the embedded broker's disk may be before it refuses new
 *     messages (the intake then answers {@code unavailable}, 503); unused with an external broker, whose
 *     own {@code max-disk-usage} applies
 */
@Validated
@ConfigurationProperties("pouch.broker")
public record BrokerProperties(
        @Nullable String url,
        @NotNull @DefaultValue("data/broker") Path dataDirectory,
        @Min(0) @Max(100) @DefaultValue("90") int maxDiskUsage) {}
