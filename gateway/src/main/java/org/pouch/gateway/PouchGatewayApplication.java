package org.pouch.gateway;

import java.time.Clock;
import org.pouch.gateway.access.ManagementApi;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Pouch gateway: the partner port, the management port, the stores, the broker and the routes.
 *
 * <p>The component scan is {@code @SpringBootApplication}'s, except that it leaves out what belongs to
 * the management port's own context (management APIs, their configuration and their error advice), so
 * that none of it is ever served on the partner port.
 *
 * <p>Periodic jobs (purges, checkpoints, compaction) run on Spring's scheduler: {@code @Scheduled}, or a
 * {@code SchedulingConfigurer} where the interval is a typed property.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(
                    type = FilterType.ANNOTATION,
                    classes = {ManagementApi.class, ManagementContextConfiguration.class}),
            @ComponentScan.Filter(
                    type = FilterType.REGEX,
                    pattern = "org\\.pouch\\.gateway\\.access\\.ManagementProblems")
        })
@ConfigurationPropertiesScan
@EnableScheduling
public class PouchGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PouchGatewayApplication.class, args);
    }

    /** Every timestamp the gateway writes (audit, receipts, created-at checks) is UTC, from one clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
