package org.pouch.certificates;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pouch.exchange.ParticipantId;

/**
 * The example PKI: a root CA, an issuing CA, and certificates for the gateway, the demo participants
 * and the staff roles, plus a revoked and an expired certificate for negative cases. Keys are
 * generated on first use and kept for the life of this object, so tests pay only for what they touch.
 * Nothing here is for production: the keys are generated without ceremony and written unencrypted.
 */
public final class ExamplePki {

    /** The gateway's own participant id in the example setting. */
    public static final ParticipantId GATEWAY = ParticipantId.of("PK-GW");

    /** The demo participants of the first deployment. */
    public static final List<ParticipantId> PARTICIPANTS = List.of(
            ParticipantId.of("PK-MOI"),
            ParticipantId.of("IQ-MOI"),
            ParticipantId.of("BE-IBZ"),
            ParticipantId.of("PK-FIA"));

    /** People who use the management port, each with a TLS client certificate. */
    public static final List<String> STAFF = List.of("officer", "officer-2", "auditor", "operator");

    private static final String ORGANISATION = "O=Pouch Example PKI (not for production)";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration LIFETIME = Duration.ofDays(825);

    private final Clock clock;
    private final Instant now;
    private final SecureRandom random;
    private final CertificateAuthority root;
    private final CertificateAuthority issuing;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    private ExamplePki(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.now = clock.instant();
        this.random = random;
        Instant start = now.minus(Duration.ofDays(1));
        this.root = CertificateAuthority.root(
                "C=PK, " + ORGANISATION + ", CN=Pouch Example Root CA",
                KeySuite.EC_P256,
                start,
                start.plus(CA_LIFETIME),
                random);
        this.issuing = root.subordinate(
                "C=PK, " + ORGANISATION + ", CN=Pouch Example Issuing CA",
                KeySuite.EC_P256,
                start,
                start.plus(CA_LIFETIME));
    }

    public static ExamplePki generate(Clock clock) {
        return new ExamplePki(clock, new SecureRandom());
    }

    public Clock clock() {
        return clock;
    }

    public CertificateAuthority rootAuthority() {
        return root;
    }

    public CertificateAuthority issuingAuthority() {
        return issuing;
    }

    /** The certificates a verifier trusts: the root alone. */
    public List<X509Certificate> trustAnchors() {
        return List.of(root.certificate());
    }

    /**
     * The CRLs of both CAs; the issuing CA's lists {@link #revokedSigning()}. They stay current as long
     * as the certificates, so that the committed example files keep working; a real CA issues CRLs
     * that expire within days.
     */
    public List<X509CRL> crls() {
        return List.of(rootCrl(), issuingCrl());
    }

    public X509CRL rootCrl() {
        return memo("crl-root", () -> root.crl(now.minus(Duration.ofHours(1)), now.plus(LIFETIME), List.of()));
    }

    public X509CRL issuingCrl() {
        return memo(
                "crl-issuing",
                () -> issuing.crl(
                        now.minus(Duration.ofHours(1)),
                        now.plus(LIFETIME),
                        List.of(revokedSigning().certificate())));
    }

    /** A participant's (or the gateway's) signing credential. */
    public Credential signing(ParticipantId participant, KeySuite suite) {
        return endEntity(participant, "signing", suite, CertificateProfile.SIGNING);
    }

    /** A participant's (or the gateway's) encryption credential: envelopes are sealed to it. */
    public Credential encryption(ParticipantId participant, KeySuite suite) {
        return endEntity(participant, "encryption", suite, CertificateProfile.ENCRYPTION);
    }

    /** A participant system's TLS client credential. */
    public Credential tlsClient(ParticipantId participant) {
        return endEntity(participant, "tls-client", KeySuite.EC_P256, CertificateProfile.TLS_CLIENT);
    }

    /** The gateway's TLS server credential, valid for localhost and the loopback addresses. */
    public Credential tlsServer() {
        String name = GATEWAY.value().toLowerCase(Locale.ROOT) + "-tls-server";
        return memo(
                name,
                () -> issue(
                        name,
                        "C=PK, " + ORGANISATION + ", OU=" + GATEWAY + ", CN=localhost",
                        KeySuite.EC_P256,
                        CertificateProfile.TLS_SERVER,
                        now.minus(Duration.ofDays(1)),
                        now.plus(LIFETIME),
                        "localhost",
                        "127.0.0.1",
                        "::1"));
    }

    /**
     * The gateway's audit-checkpoint credential: signs the audit log's checkpoints and nothing else, so
     * that an auditor trusts one certificate for the log, whatever happens to the message-signing keys.
     */
    public Credential auditCheckpoint() {
        String name = GATEWAY.value().toLowerCase(Locale.ROOT) + "-audit-checkpoint";
        return memo(
                name,
                () -> issue(
                        name,
                        "C=PK, " + ORGANISATION + ", OU=" + GATEWAY + ", CN=" + GATEWAY + " audit checkpoint",
                        KeySuite.EC_P256,
                        CertificateProfile.SIGNING,
                        now.minus(Duration.ofDays(1)),
                        now.plus(LIFETIME)));
    }

    /** A staff member's TLS client credential for the management port; see {@link #STAFF}. */
    public Credential staff(String role) {
        if (!STAFF.contains(role)) {
            throw new IllegalArgumentException("unknown staff role " + role);
        }
        String name = "staff-" + role;
        return memo(
                name,
                () -> issue(
                        name,
                        "C=PK, " + ORGANISATION + ", OU=staff, CN=" + role,
                        KeySuite.EC_P256,
                        CertificateProfile.TLS_CLIENT,
                        now.minus(Duration.ofDays(1)),
                        now.plus(LIFETIME)));
    }

    /** A PK-MOI signing credential that the issuing CA's CRL revokes. */
    public Credential revokedSigning() {
        return memo(
                "negative-revoked-signing",
                () -> issue(
                        "negative-revoked-signing",
                        "C=PK, " + ORGANISATION + ", OU=PK-MOI, CN=PK-MOI signing (revoked)",
                        KeySuite.EC_P256,
                        CertificateProfile.SIGNING,
                        now.minus(Duration.ofDays(10)),
                        now.plus(LIFETIME)));
    }

    /** A PK-MOI signing credential whose validity ended yesterday. */
    public Credential expiredSigning() {
        return memo(
                "negative-expired-signing",
                () -> issue(
                        "negative-expired-signing",
                        "C=PK, " + ORGANISATION + ", OU=PK-MOI, CN=PK-MOI signing (expired)",
                        KeySuite.EC_P256,
                        CertificateProfile.SIGNING,
                        now.minus(Duration.ofDays(30)),
                        now.minus(Duration.ofDays(1))));
    }

    private Credential endEntity(
            ParticipantId participant, String purpose, KeySuite suite, CertificateProfile profile) {
        String name = participant.value().toLowerCase(Locale.ROOT) + "-" + purpose
                + (profile == CertificateProfile.TLS_CLIENT ? "" : "-" + suite.shortName());
        String label = purpose.replace('-', ' ')
                + (profile == CertificateProfile.TLS_CLIENT
                        ? ""
                        : " (" + (suite == KeySuite.EC_P256 ? "EC P-256" : "RSA-3072") + ")");
        return memo(
                name,
                () -> issue(
                        name,
                        "C=" + participant.country() + ", " + ORGANISATION + ", OU=" + participant + ", CN="
                                + participant + " " + label,
                        suite,
                        profile,
                        now.minus(Duration.ofDays(1)),
                        now.plus(LIFETIME)));
    }

    private Credential issue(
            String name,
            String distinguishedName,
            KeySuite suite,
            CertificateProfile profile,
            Instant notBefore,
            Instant notAfter,
            String... alternativeNames) {
        KeyPair keys = suite.generateKeyPair(random);
        X509Certificate certificate =
                issuing.issue(distinguishedName, keys.getPublic(), profile, notBefore, notAfter, alternativeNames);
        return new Credential(
                name, keys.getPrivate(), certificate, List.of(certificate, issuing.certificate(), root.certificate()));
    }

    @SuppressWarnings("unchecked")
    private <T> T memo(String key, Supplier<T> create) {
        // Not computeIfAbsent: creating the issuing CRL needs the revoked credential, a nested update
        // of the same map, which ConcurrentHashMap refuses.
        Object existing = memo.get(key);
        if (existing != null) {
            return (T) existing;
        }
        synchronized (memo) {
            existing = memo.get(key);
            if (existing == null) {
                existing = create.get();
                memo.put(key, existing);
            }
            return (T) existing;
        }
    }
}
