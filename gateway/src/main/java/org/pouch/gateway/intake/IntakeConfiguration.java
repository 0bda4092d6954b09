package org.pouch.gateway.intake;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.endpoint.StaticEndpointBuilders;
import org.pouch.audit.AuditTrail;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.gateway.PouchProperties;
import org.pouch.gateway.broker.Queues;
import org.pouch.intake.AcceptedDocuments;
import org.pouch.intake.CamelIntake;
import org.pouch.intake.DeliveryQueue;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.ExchangesBeingRecorded;
import org.pouch.intake.Intake;
import org.pouch.intake.IntakeRoutes;
import org.pouch.intake.IntakeSettings;
import org.pouch.overstay.OverstayRecords;
import org.pouch.partners.ParticipantDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the intake routes of {@code routes} to the gateway's keys, directory, stores and broker. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    EnvelopeOpener envelopeOpener(
            DecryptionKeys decryptionKeys,
            ParticipantDirectory directory,
            CertificateValidator certificateValidator,
            Clock clock,
            PouchProperties properties) {
        return new EnvelopeOpener(
                decryptionKeys,
                directory,
                certificateValidator,
                clock,
                properties.maxEnvelopeSize().toBytes());
    }

    @Bean
    ReceiptSigner receiptSigner(Supplier<Credential> signingKey, Clock clock) {
        return new ReceiptSigner(signingKey, clock);
    }

    @Bean
    IntakeRoutes intakeRoutes(
            PouchProperties properties,
            EnvelopeOpener opener,
            ParticipantDirectory directory,
            ExchangeLedger ledger,
            AuditTrail audit,
            ReceiptSigner receipts,
            OverstayRecords overstay,
            TransactionTemplate transactions,
            ExchangesBeingRecorded beingRecorded,
            AcceptedDocuments acceptedDocuments,
            Clock clock) {
        return new IntakeRoutes(
                new IntakeSettings(properties.participantId(), properties.createdAtWindow()),
                opener,
                directory,
                ledger,
                audit,
                receipts,
                new DeliveryQueue(StaticEndpointBuilders.jms("queue:" + Queues.DELIVERY), Queues::refusedAsFull),
                overstay,
                work -> transactions.executeWithoutResult(status -> work.run()),
                beingRecorded,
                acceptedDocuments,
                clock);
    }

    /** Shared with delivery, which waits for an exchange still listed here instead of dropping it. */
    @Bean
    ExchangesBeingRecorded exchangesBeingRecorded() {
        return new ExchangesBeingRecorded();
    }

    @Bean
    Intake intake(ProducerTemplate producerTemplate, IntakeRoutes intakeRoutes) {
        return new CamelIntake(producerTemplate, intakeRoutes);
    }
}
