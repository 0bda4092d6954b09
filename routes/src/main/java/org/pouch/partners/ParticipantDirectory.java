package org.pouch.partners;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pouch.envelope.SenderDirectory;
import org.pouch.exchange.ParticipantId;

/**
 * Who takes part, how each is recognised (signing and TLS client certificates), how each is reached,
 * and who may send what to whom. A change (a partner's certificates rotating) builds a new state, checked
 * as a whole before it replaces the old one in one step, so a bad entry never reaches traffic and no reader
 * sees half a change. The exchange policy is fixed for the directory's life.
 */
public final class ParticipantDirectory implements SenderDirectory {

    /** One consistent state of the directory; replaced whole, never changed in place. */
    private record State(
            Map<ParticipantId, Participant> participants,
            Map<X509Certificate, ParticipantId> bySigningCertificate,
            Map<X509Certificate, ParticipantId> byTlsCertificate) {}

    private final Set<PolicyRule> policy;
    private volatile State state;

    /**
     * @throws InvalidDirectoryException naming the first bad entry: a certificate registered twice, a
     *     policy rule naming an unknown participant, a rule whose recipient cannot be delivered to
     */
    public ParticipantDirectory(Collection<Participant> participants, Collection<PolicyRule> policy) {
        this.policy = Set.copyOf(policy);
        this.state = check(participants, this.policy);
    }

    /**
     * Replaces the participants (a partner's certificates rotated) once the new set has passed every check
     * the constructor makes; until then, and if it fails, the old set stays in force.
     *
     * @throws InvalidDirectoryException naming the first bad entry
     */
    public void replaceParticipants(Collection<Participant> participants) {
        this.state = check(participants, policy);
    }

    private static State check(Collection<Participant> participants, Set<PolicyRule> policy) {
        Map<ParticipantId, Participant> byId = new LinkedHashMap<>();
        Map<X509Certificate, ParticipantId> bySigningCertificate = new HashMap<>();
        Map<X509Certificate, ParticipantId> byTlsCertificate = new HashMap<>();
        for (Participant participant : participants) {
            if (byId.put(participant.id(), participant) != null) {
                throw new InvalidDirectoryException("participant " + participant.id() + " is listed twice");
            }
            for (X509Certificate certificate : participant.signingCertificates()) {
                register(bySigningCertificate, certificate, participant.id(), "signing");
            }
            for (X509Certificate certificate : participant.tlsClientCertificates()) {
                register(byTlsCertificate, certificate, participant.id(), "TLS client");
            }
        }
        for (PolicyRule rule : policy) {
            for (ParticipantId named : List.of(rule.from(), rule.to())) {
                if (!byId.containsKey(named)) {
                    throw new InvalidDirectoryException(
                            "policy rule '" + rule + "' names " + named + ", which is not a participant");
                }
            }
            if (byId.get(rule.to()).endpoint().isEmpty()) {
                throw new InvalidDirectoryException(
                        "policy rule '" + rule + "': " + rule.to() + " has no endpoint to deliver to");
            }
        }
        return new State(Map.copyOf(byId), Map.copyOf(bySigningCertificate), Map.copyOf(byTlsCertificate));
    }

    private static void register(
            Map<X509Certificate, ParticipantId> index, X509Certificate certificate, ParticipantId owner, String kind) {
        ParticipantId previous = index.putIfAbsent(certificate, owner);
        if (previous != null) {
            throw new InvalidDirectoryException("the " + kind + " certificate "
                    + certificate.getSubjectX500Principal().getName() + " is registered to both " + previous
                    + " and " + owner);
        }
    }

    public Optional<Participant> find(ParticipantId id) {
        return Optional.ofNullable(state.participants().get(id));
    }

    public Collection<Participant> participants() {
        return state.participants().values();
    }

    /** The participant whose system authenticates with this TLS client certificate. */
    public Optional<ParticipantId> participantAuthenticatedBy(X509Certificate tlsClientCertificate) {
        return Optional.ofNullable(state.byTlsCertificate().get(tlsClientCertificate));
    }

    @Override
    public Optional<ParticipantId> participantSigningWith(X509Certificate certificate) {
        return Optional.ofNullable(state.bySigningCertificate().get(certificate));
    }

    @Override
    public boolean allowsLegacyEncryption(ParticipantId participant) {
        return find(participant).map(Participant::legacyEncryption).orElse(false);
    }

    /** Whether the exchange policy lets {@code from} send {@code type} to {@code to}. */
    public boolean allows(ParticipantId from, String type, ParticipantId to) {
        return policy.contains(new PolicyRule(from, type, to));
    }

    public Set<PolicyRule> policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "ParticipantDirectory"
                + state.participants().keySet().stream().sorted().collect(Collectors.toList());
    }

    /** A directory that cannot be used as configured; the message names the bad entry. */
    public static final class InvalidDirectoryException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidDirectoryException(String message) {
            super(message);
        }
    }
}
