package org.pouch.gateway.access;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The staff directory, read once at start from {@code pouch.staff.<name>.certificate} and {@code .roles}. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    StaffDirectory staffDirectory(Environment environment) {
        Map<String, StaffEntry> staff = Binder.get(environment)
                .bind("pouch.staff", Bindable.mapOf(String.class, StaffEntry.class))
                .orElse(Map.of());
        return StaffDirectory.of(staff);
    }
}
