package org.pouch.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.KeySuite;
import org.pouch.exchange.ParticipantId;
import org.pouch.partners.Endpoint;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;
import org.pouch.partners.PolicyRule;

/** The demo participants and exchange policy of the design, with certificates from {@link TestPki}. */
public final class TestDirectory {

    private TestDirectory() {}

    /** Every demo participant with both signing suites, EC encryption, and an endpoint on the given base. */
    public static ParticipantDirectory demo(URI partnerBase, ParticipantId... legacyAllowed) {
        ExamplePki pki = TestPki.shared().pki();
        List<Participant> participants = new ArrayList<>();
        for (ParticipantId id : ExamplePki.PARTICIPANTS) {
            participants.add(new Participant(
                    id,
                    id + " (test)",
                    List.of(
                            pki.signing(id, KeySuite.EC_P256).certificate(),
                            pki.signing(id, KeySuite.RSA_3072).certificate()),
                    Optional.of(pki.encryption(id, KeySuite.EC_P256).certificate()),
                    List.of(pki.tlsClient(id).certificate()),
                    Optional.of(new Endpoint(
                            partnerBase.resolve("/" + id.value().toLowerCase(java.util.Locale.ROOT) + "/inbox"),
                            Endpoint.Protocol.REST,
                            "json")),
                    List.of(legacyAllowed).contains(id)));
        }
        return new ParticipantDirectory(participants, demoPolicy());
    }

    /** The exchanges of the design: pilgrims with Iraq, watchlist hits and training with Belgium and the FIA. */
    public static List<PolicyRule> demoPolicy() {
        ParticipantId pk = TestPki.PK_MOI;
        ParticipantId iq = TestPki.IQ_MOI;
        ParticipantId be = TestPki.BE_IBZ;
        ParticipantId fia = TestPki.PK_FIA;
        return List.of(
                new PolicyRule(pk, "pilgrim-list", iq),
                new PolicyRule(iq, "pilgrim-movements", pk),
                new PolicyRule(pk, "watchlist-hit", be),
                new PolicyRule(be, "watchlist-hit", pk),
                new PolicyRule(pk, "watchlist-hit", fia),
                new PolicyRule(fia, "watchlist-hit", pk),
                new PolicyRule(pk, "training-schedule", be),
                new PolicyRule(be, "training-schedule", pk));
    }
}
