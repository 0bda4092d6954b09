package org.pouch.testing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pouch.certificates.CertificateAuthority;
import org.pouch.certificates.CertificateProfile;
import org.pouch.certificates.CertificateValidator;
import org.pouch.certificates.Credential;
import org.pouch.certificates.ExamplePki;
import org.pouch.certificates.KeySuite;
import org.pouch.certificates.TrustMaterial;
import org.pouch.envelope.DecryptionKeys;
import org.pouch.envelope.SenderDirectory;
import org.pouch.exchange.ParticipantId;

/**
 * The one fixture for test certificates: an {@link ExamplePki} generated in memory when first used
 * (nothing on disk, nothing that expires in the repository), plus the odd credentials that only
 * negative tests need. Shared by every test in the JVM, so each key is generated once.
 */
public final class TestPki {

    public static final ParticipantId GATEWAY = ExamplePki.GATEWAY;
    public static final ParticipantId PK_MOI = ParticipantId.of("PK-MOI");
    public static final ParticipantId IQ_MOI = ParticipantId.of("IQ-MOI");
    public static final ParticipantId BE_IBZ = ParticipantId.of("BE-IBZ");
    public static final ParticipantId PK_FIA = ParticipantId.of("PK-FIA");

    private static final TestPki SHARED = new TestPki(ExamplePki.generate(Clock.systemUTC()));

    private final ExamplePki pki;
    private final SecureRandom random = new SecureRandom();
    private CertificateAuthority stranger;
    private Credential untrusted;
    private Credential untrustedTls;
    private Credential weakRsa;
    private Credential notYetValid;

    private TestPki(ExamplePki pki) {
        this.pki = pki;
    }

    public static TestPki shared() {
        return SHARED;
    }

    public ExamplePki pki() {
        return pki;
    }

    public Credential signing(ParticipantId participant, KeySuite suite) {
        return pki.signing(participant, suite);
    }

    public Credential encryption(ParticipantId participant, KeySuite suite) {
        return pki.encryption(participant, suite);
    }

    public TrustMaterial trust() {
        return new TrustMaterial(
                pki.trustAnchors(), List.of(pki.issuingAuthority().certificate()), pki.crls());
    }

    public CertificateValidator validator() {
        return new CertificateValidator(trust());
    }

    /** The gateway's decryption keys: its EC and RSA encryption credentials. */
    public DecryptionKeys gatewayDecryptionKeys() {
        return DecryptionKeys.of(pki.encryption(GATEWAY, KeySuite.EC_P256), pki.encryption(GATEWAY, KeySuite.RSA_3072));
    }

    /**
     * Every demo participant's and the gateway's signing certificates, both suites, and the negative
     * credentials registered to PK-MOI (so that their own defect, not an unknown signer, is what fails).
     */
    public SenderDirectory senders(ParticipantId... legacyAllowed) {
        List<ParticipantId> legacy = List.of(legacyAllowed);
        return new SenderDirectory() {
            @Override
            public Optional<ParticipantId> participantSigningWith(X509Certificate certificate) {
                List<ParticipantId> everyone = new ArrayList<>(ExamplePki.PARTICIPANTS);
                everyone.add(GATEWAY);
                for (ParticipantId participant : everyone) {
                    for (KeySuite suite : KeySuite.values()) {
                        if (pki.signing(participant, suite).certificate().equals(certificate)) {
                            return Optional.of(participant);
                        }
                    }
                }
                for (Credential negative :
                        List.of(pki.revokedSigning(), pki.expiredSigning(), weakRsa(), notYetValid())) {
                    if (negative.certificate().equals(certificate)) {
                        return Optional.of(PK_MOI);
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean allowsLegacyEncryption(ParticipantId participant) {
                return legacy.contains(participant);
            }
        };
    }

    /** A signing credential from a CA nobody trusts, claiming to be PK-MOI. */
    public synchronized Credential untrustedSigning() {
        if (untrusted == null) {
            untrusted = fromStranger("untrusted-signing", "PK-MOI signing", CertificateProfile.SIGNING);
        }
        return untrusted;
    }

    /** A TLS client credential from the same CA nobody trusts, claiming to be PK-MOI's system. */
    public synchronized Credential untrustedTlsClient() {
        if (untrustedTls == null) {
            untrustedTls = fromStranger("untrusted-tls-client", "PK-MOI tls client", CertificateProfile.TLS_CLIENT);
        }
        return untrustedTls;
    }

    private Credential fromStranger(String name, String commonName, CertificateProfile profile) {
        Instant now = pki.clock().instant();
        if (stranger == null) {
            stranger = CertificateAuthority.root(
                    "C=XX, O=Stranger, CN=Stranger Root CA",
                    KeySuite.EC_P256,
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(365)),
                    random);
        }
        KeyPair keys = KeySuite.EC_P256.generateKeyPair(random);
        X509Certificate certificate = stranger.issue(
                "C=PK, O=Stranger, OU=PK-MOI, CN=" + commonName,
                keys.getPublic(),
                profile,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        return new Credential(name, keys.getPrivate(), certificate, List.of(certificate, stranger.certificate()));
    }

    /** A PK-MOI signing credential with an RSA-1024 key, issued by the trusted issuing CA. */
    /**
     * The credential with its private key as the JDK's PKCS#12 key store returns it, which is how the
     * gateway loads its own keys (the test PKI's keys are Bouncy Castle's).
     */
    public static Credential throughJdkPkcs12(Credential credential) {
        try {
            char[] password = "test".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "key", credential.privateKey(), password, credential.chain().toArray(new X509Certificate[0]));
            PrivateKey loaded = (PrivateKey) store.getKey("key", password);
            return new Credential(credential.name(), loaded, credential.certificate(), credential.chain());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot pass the key through a PKCS#12 store", e);
        }
    }

    public synchronized Credential weakRsa() {
        if (weakRsa == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(1024, random);
                weakRsa = issued("weak-rsa-signing", "PK-MOI signing (RSA-1024)", generator.generateKeyPair(), 1, 30);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return weakRsa;
    }

    /** A PK-MOI signing credential whose validity starts tomorrow. */
    public synchronized Credential notYetValid() {
        if (notYetValid == null) {
            notYetValid = issued(
                    "not-yet-valid-signing",
                    "PK-MOI signing (not yet valid)",
                    KeySuite.EC_P256.generateKeyPair(random),
                    -1,
                    30);
        }
        return notYetValid;
    }

    private Credential issued(String name, String commonName, KeyPair keys, int startDaysAgo, int days) {
        Instant now = pki.clock().instant();
        CertificateAuthority issuing = pki.issuingAuthority();
        X509Certificate certificate = issuing.issue(
                "C=PK, O=Pouch Test, OU=PK-MOI, CN=" + commonName,
                keys.getPublic(),
                CertificateProfile.SIGNING,
                now.minus(Duration.ofDays(startDaysAgo)),
                now.plus(Duration.ofDays(days)));
        return new Credential(
                name,
                keys.getPrivate(),
                certificate,
                List.of(certificate, issuing.certificate(), pki.rootAuthority().certificate()));
    }
}
