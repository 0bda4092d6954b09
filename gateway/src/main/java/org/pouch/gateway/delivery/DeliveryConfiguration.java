package org.pouch.gateway.delivery;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pouch.audit.AuditTrail;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.TrustMaterial;
import org.pouch.delivery.BreakerPolicy;
import org.pouch.delivery.DeliveryRoutes;
import org.pouch.delivery.DeliverySettings;
import org.pouch.delivery.DeliveryStore;
import org.pouch.delivery.Minimisation;
import org.pouch.delivery.PartnerBreakers;
import org.pouch.delivery.PartnerTransport;
import org.pouch.delivery.RecipientFormats;
import org.pouch.delivery.RetryPolicy;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.PouchProperties;
import org.pouch.gateway.broker.Queues;
import org.pouch.gateway.directory.DirectoryProperties;
import org.pouch.gateway.pki.PartnerTlsCredential;
import org.pouch.intake.AcceptedDocuments;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.ExchangesBeingRecorded;
import org.pouch.partners.Endpoint;
import org.pouch.partners.ParticipantDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the delivery routes of {@code routes} to the gateway's keys, directory, stores and broker. The
 * delivery queue is consumed in a JMS transaction that also covers the retry and dead-letter sends.
 * Checks the per-participant delivery configuration at start-up, naming the bad entry.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    private static final String PARTICIPANTS = "pouch.directory.participants.";
    static final String HANDOFF_METER = "pouch.delivery.handoff";

    @Bean
    EnvelopeSealer envelopeSealer(Supplier<Credential> signingKey, Clock clock) {
        return new EnvelopeSealer(signingKey, clock);
    }

    /** Filled by the intake, taken by delivery. */
    @Bean
    AcceptedDocuments acceptedDocuments(DeliveryProperties properties) {
        return new AcceptedDocuments(
                properties.handoff().memory().toBytes(), properties.handoff().maxAge());
    }

    @Bean
    MeterBinder acceptedDocumentsMetrics(AcceptedDocuments documents) {
        return registry -> {
            FunctionCounter.builder(HANDOFF_METER, documents, AcceptedDocuments::taken)
                    .description("Deliveries that took the document the intake held, and did not open the envelope")
                    .tag("result", "taken")
                    .register(registry);
            FunctionCounter.builder(HANDOFF_METER, documents, AcceptedDocuments::missed)
                    .description("Deliveries that found no document held, and opened the envelope")
                    .tag("result", "missed")
                    .register(registry);
            Gauge.builder(HANDOFF_METER + ".held", documents, AcceptedDocuments::held)
                    .description("Verified documents the intake holds for delivery now")
                    .register(registry);
        };
    }

    @Bean
    PartnerBreakers partnerBreakers(DeliveryProperties properties) {
        return new PartnerBreakers(breakerPolicy(properties.breaker()));
    }

    @Bean
    Minimisation minimisation(DirectoryProperties directory) {
        Map<ParticipantId, Map<String, Set<String>>> stripped = new HashMap<>();
        directory.participants().forEach((id, participant) -> {
            Map<String, Set<String>> byType = new HashMap<>();
            participant.minimise().forEach((type, paths) -> byType.put(type, Set.copyOf(paths)));
            if (!byType.isEmpty()) {
                stripped.put(ParticipantId.of(id), byType);
            }
        });
        try {
            return new Minimisation(stripped);
        } catch (IllegalArgumentException e) {
            throw new ParticipantDirectory.InvalidDirectoryException(PARTICIPANTS + e.getMessage());
        }
    }

    @Bean
    DeliverySettings deliverySettings(
            PouchProperties pouch, DeliveryProperties properties, DirectoryProperties directory) {
        RetryPolicy defaults = retryPolicy(properties.retry(), null, "pouch.delivery.retry");
        Map<ParticipantId, RetryPolicy> byPartner = new HashMap<>();
        directory.participants().forEach((id, participant) -> {
            if (participant.delivery() != null) {
                byPartner.put(
                        ParticipantId.of(id),
                        retryPolicy(properties.retry(), participant.delivery(), PARTICIPANTS + id + ".delivery"));
            }
        });
        return new DeliverySettings(
                pouch.participantId(),
                defaults,
                byPartner,
                breakerPolicy(properties.breaker()),
                properties.orphanGrace(),
                properties.orphanRecheck());
    }

    @Bean
    PartnerTransport restPartnerTransport(
            PartnerTlsCredential tls, TrustMaterial trust, DeliveryProperties properties) {
        return new RestPartnerTransport(
                PartnerTls.context(tls.credential(), trust), properties.connectTimeout(), properties.requestTimeout());
    }

    @Bean(destroyMethod = "close")
    SoapPartnerTransport soapPartnerTransport(
            PartnerTlsCredential tls, TrustMaterial trust, DeliveryProperties properties) {
        return new SoapPartnerTransport(
                PartnerTls.context(tls.credential(), trust), properties.connectTimeout(), properties.requestTimeout());
    }

    @Bean
    DeliveryRoutes deliveryRoutes(
            DeliverySettings settings,
            DeliveryProperties properties,
            ExchangeLedger ledger,
            ExchangesBeingRecorded beingRecorded,
            ParticipantDirectory directory,
            DeliveryStore store,
            EnvelopeOpener opener,
            AcceptedDocuments acceptedDocuments,
            EnvelopeSealer sealer,
            Minimisation minimisation,
            CertificateValidator certificateValidator,
            PartnerTransport restPartnerTransport,
            SoapPartnerTransport soapPartnerTransport,
            PartnerBreakers breakers,
            AuditTrail audit,
            Clock clock) {
        try {
            RecipientFormats.check(directory);
        } catch (IllegalArgumentException e) {
            throw new ParticipantDirectory.InvalidDirectoryException(PARTICIPANTS + e.getMessage());
        }
        return new DeliveryRoutes(
                settings,
                ledger,
                beingRecorded,
                directory,
                store,
                opener,
                acceptedDocuments,
                sealer,
                minimisation,
                new ReceiptVerifier(directory, certificateValidator, clock),
                Map.of(Endpoint.Protocol.REST, restPartnerTransport, Endpoint.Protocol.SOAP, soapPartnerTransport),
                breakers,
                audit,
                Queues.transactedConsumer(Queues.DELIVERY, properties.consumers()),
                Queues.inTransaction(Queues.DELIVERY),
                Queues.inTransaction(Queues.DEAD_LETTER),
                clock);
    }

    private static RetryPolicy retryPolicy(
            DeliveryProperties.Retry defaults, DirectoryProperties.DeliveryLimits own, String where) {
        try {
            return new RetryPolicy(
                    own != null && own.maxAttempts() != null ? own.maxAttempts() : defaults.maxAttempts(),
                    own != null && own.maxAge() != null ? own.maxAge() : defaults.maxAge(),
                    defaults.initialBackoff(),
                    defaults.multiplier(),
                    defaults.jitter(),
                    defaults.maxBackoff());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static BreakerPolicy breakerPolicy(DeliveryProperties.Breaker breaker) {
        try {
            return new BreakerPolicy(
                    breaker.failureRateThreshold(),
                    breaker.slidingWindowSize(),
                    breaker.minimumCalls(),
                    breaker.waitInOpenState());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pouch.delivery.breaker: " + e.getMessage(), e);
        }
    }
}
