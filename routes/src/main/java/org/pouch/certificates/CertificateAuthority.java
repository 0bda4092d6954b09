package org.pouch.certificates;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority held in memory: issues certificates and CRLs. It backs the example PKI and
 * the test PKI; a ministry's production certificates come from its own CA.
 */
public final class CertificateAuthority {

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final SecureRandom random;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate, SecureRandom random) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.random = random;
    }

    /** A self-signed root. */
    public static CertificateAuthority root(
            String distinguishedName, KeySuite suite, Instant notBefore, Instant notAfter, SecureRandom random) {
        KeyPair keys = suite.generateKeyPair(random);
        X500Name name = new X500Name(distinguishedName);
        X509Certificate certificate = build(
                name, keys.getPublic(), name, keys.getPublic(), keys.getPrivate(), notBefore, notAfter, random, null);
        return new CertificateAuthority(keys, certificate, random);
    }

    /** A subordinate CA issued by this one. */
    public CertificateAuthority subordinate(
            String distinguishedName, KeySuite suite, Instant notBefore, Instant notAfter) {
        KeyPair keys = suite.generateKeyPair(random);
        X509Certificate issued = build(
                new X500Name(distinguishedName),
                keys.getPublic(),
                issuerName(),
                keyPair.getPublic(),
                keyPair.getPrivate(),
                notBefore,
                notAfter,
                random,
                null);
        return new CertificateAuthority(keys, issued, random);
    }

    /** An end-entity certificate for the given public key. */
    public X509Certificate issue(
            String distinguishedName,
            PublicKey subjectKey,
            CertificateProfile profile,
            Instant notBefore,
            Instant notAfter,
            String... dnsNamesAndIpAddresses) {
        return issue(
                distinguishedName,
                subjectKey,
                profile,
                notBefore,
                notAfter,
                signatureAlgorithm(),
                List.of(dnsNamesAndIpAddresses));
    }

    /**
     * As {@link #issue(String, PublicKey, CertificateProfile, Instant, Instant, String...)} with a chosen
     * signature algorithm; only tests that need a weak certificate name one.
     */
    public X509Certificate issue(
            String distinguishedName,
            PublicKey subjectKey,
            CertificateProfile profile,
            Instant notBefore,
            Instant notAfter,
            String signatureAlgorithm,
            Collection<String> dnsNamesAndIpAddresses) {
        return build(
                new X500Name(distinguishedName),
                subjectKey,
                issuerName(),
                keyPair.getPublic(),
                keyPair.getPrivate(),
                notBefore,
                notAfter,
                random,
                new EndEntity(profile, subjectKey, List.copyOf(dnsNamesAndIpAddresses), signatureAlgorithm));
    }

    /** A CRL listing the given certificates as revoked (key compromise). */
    public X509CRL crl(Instant thisUpdate, Instant nextUpdate, Collection<X509Certificate> revoked) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(
                    Extension.cRLNumber,
                    false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
            return new JcaX509CRLConverter()
                    .setProvider(BouncyCastleProviders.publicKey())
                    .getCRL(builder.build(signer(keyPair.getPrivate(), signatureAlgorithm(keyPair.getPublic()))));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build CRL", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    private X500Name issuerName() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private String signatureAlgorithm() {
        return signatureAlgorithm(keyPair.getPublic());
    }

    private static String signatureAlgorithm(PublicKey key) {
        return KeySuite.of(key) == KeySuite.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private record EndEntity(
            CertificateProfile profile, PublicKey key, List<String> alternativeNames, String signatureAlgorithm) {}

    private static X509Certificate build(
            X500Name subject,
            PublicKey subjectKey,
            X500Name issuer,
            PublicKey issuerKey,
            PrivateKey issuerPrivateKey,
            Instant notBefore,
            Instant notAfter,
            SecureRandom random,
            EndEntity endEntity) {
        Objects.requireNonNull(subjectKey);
        try {
            BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            if (!issuerKey.equals(subjectKey)) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKey));
            }
            String algorithm = signatureAlgorithm(issuerKey);
            if (endEntity == null) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                addEndEntityUsage(builder, endEntity);
                algorithm = endEntity.signatureAlgorithm();
            }
            X509CertificateHolder holder = builder.build(signer(issuerPrivateKey, algorithm));
            return new JcaX509CertificateConverter()
                    .setProvider(BouncyCastleProviders.publicKey())
                    .getCertificate(holder);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue certificate for " + subject, e);
        }
    }

    private static void addEndEntityUsage(X509v3CertificateBuilder builder, EndEntity endEntity)
            throws java.io.IOException {
        boolean ec = KeySuite.of(endEntity.key()) == KeySuite.EC_P256;
        switch (endEntity.profile()) {
            case SIGNING ->
                builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            case ENCRYPTION ->
                builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(ec ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment));
            case TLS_SERVER -> {
                builder.addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(
                                ec ? KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            case TLS_CLIENT -> {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        }
        if (!endEntity.alternativeNames().isEmpty()) {
            List<GeneralName> names = new ArrayList<>();
            for (String name : endEntity.alternativeNames()) {
                boolean ipAddress = name.matches("[0-9.]+") || name.contains(":");
                names.add(new GeneralName(ipAddress ? GeneralName.iPAddress : GeneralName.dNSName, name));
            }
            builder.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        }
    }

    private static ContentSigner signer(PrivateKey key, String algorithm) {
        try {
            return new JcaContentSignerBuilder(algorithm)
                    .setProvider(BouncyCastleProviders.publicKey())
                    .build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }
}
