package org.pouch.gateway.overstay;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The overstay records and answers ({@code pouch.overstay.*}).
 *
 * @param retention how long after a group's departure its list and movements are kept
 * @param purgeSchedule when the retention job runs, a Spring cron expression in the gateway's zone (UTC)
 * @param maxPageSize the most overstays one answer holds; the default page size is the smaller of this and 100
 */
@Validated
@ConfigurationProperties("pouch.overstay")
public record OverstayProperties(
        @NotNull @DefaultValue("180d") Duration retention,
        @NotBlank @DefaultValue("0 30 2 * * *") String purgeSchedule,
        @Min(1) @Max(10_000) @DefaultValue("500") int maxPageSize) {}
