package org.pouch.gateway.access;

import java.time.Clock;
import java.util.List;
import org.pouch.audit.AuditTrail;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The management server's own context (the actuator's child context on the management port): the
 * {@link ManagementApi} controllers, the role check in front of them, and their problem details. The
 * partner port's context never sees any of it. Applications that embed only a part of the gateway (the
 * SOAP edge's tests) have no staff directory and get no management API.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(ManagementApiConfiguration.GatewayWithStaff.class)
@ComponentScan(
        basePackages = "org.pouch.gateway",
        useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementApi.class))
class ManagementApiConfiguration implements WebMvcConfigurer {

    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    ManagementApiConfiguration(StaffDirectory staff, AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @Bean
    ManagementProblems managementProblems() {
        return new ManagementProblems();
    }

    /**
     * Resolves exceptions through {@link ManagementProblems}. Needed because the management context's
     * exception resolver is the actuator's, which only consults resolvers of the partner context and so
     * would never see an advice that lives here.
     */
    @Bean
    ExceptionHandlerExceptionResolver managementExceptionResolver(
            @Qualifier("requestMappingHandlerAdapter") RequestMappingHandlerAdapter adapter) {
        ExceptionHandlerExceptionResolver resolver = new ExceptionHandlerExceptionResolver();
        resolver.setMessageConverters(adapter.getMessageConverters());
        resolver.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleCheck(staff, audit, clock));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new StaffMemberArgument());
    }

    /**
     * Whether the partner context holds a staff directory. Checked while parsing, before the component
     * scan runs: by then the partner context is complete, so its beans are known.
     */
    static final class GatewayWithStaff implements ConfigurationCondition {
        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.PARSE_CONFIGURATION;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getBeanFactory() != null
                    && BeanFactoryUtils.beanNamesForTypeIncludingAncestors(
                                            context.getBeanFactory(), StaffDirectory.class)
                                    .length
                            > 0;
        }
    }
}
