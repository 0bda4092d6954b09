package org.pouch.gateway.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.pki.PkiFiles;
import org.pouch.partners.Endpoint;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.partners.PolicyRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the participant directory from configuration at start-up. Any bad entry stops the start with
 * a message that names it: a malformed participant id, an unreadable certificate file, a policy rule
 * naming an unknown participant, a certificate registered twice.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    ParticipantDirectory participantDirectory(DirectoryProperties properties) {
        List<Participant> participants = new ArrayList<>();
        for (Map.Entry<String, DirectoryProperties.ParticipantProperties> entry :
                properties.participants().entrySet()) {
            participants.add(participant(entry.getKey(), entry.getValue()));
        }
        List<PolicyRule> policy = new ArrayList<>();
        for (DirectoryProperties.PolicyRuleProperties rule : properties.policy()) {
            policy.add(new PolicyRule(
                    id(rule.from(), "policy rule " + rule), rule.type(), id(rule.to(), "policy rule " + rule)));
        }
        return new ParticipantDirectory(participants, policy);
    }

    private static Participant participant(String key, DirectoryProperties.ParticipantProperties properties) {
        ParticipantId id = id(key, "pouch.directory.participants");
        try {
            return new Participant(
                    id,
                    properties.name(),
                    properties.signingCertificates().stream()
                            .map(PkiFiles::certificate)
                            .toList(),
                    Optional.ofNullable(properties.encryptionCertificate()).map(PkiFiles::certificate),
                    properties.tlsClientCertificates().stream()
                            .map(PkiFiles::certificate)
                            .toList(),
                    Optional.ofNullable(properties.endpoint())
                            .map(e -> new Endpoint(e.url(), e.protocol(), e.format())),
                    properties.legacyEncryption());
        } catch (RuntimeException e) {
            throw new ParticipantDirectory.InvalidDirectoryException("participant " + id + ": " + e.getMessage());
        }
    }

    private static ParticipantId id(String value, String where) {
        try {
            return ParticipantId.of(value);
        } catch (IllegalArgumentException e) {
            throw new ParticipantDirectory.InvalidDirectoryException(
                    where + ": '" + value + "' is not a participant id (CC-AGENCY, for example PK-MOI)");
        }
    }
}
