package org.pouch.envelope;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * The algorithms the envelope profile accepts on input. Anything else is refused before any
 * cryptography runs on it: no SHA-1, no RSA under 2048 bits, no EC under 256 bits, no unauthenticated
 * content encryption except the legacy AES-256-CBC a partner is explicitly allowed.
 */
final class AlgorithmPolicy {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    private static final Set<ASN1ObjectIdentifier> DIGESTS =
            Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512,
            // Some CMS implementations name only the key's algorithm; the digest then comes from the
            // digest algorithm field, which is checked separately.
            X9ObjectIdentifiers.id_ecPublicKey,
            PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.id_RSASSA_PSS);

    private static final Set<ASN1ObjectIdentifier> KEY_AGREEMENTS =
            Set.of(CMSAlgorithm.ECDH_SHA256KDF, CMSAlgorithm.ECDH_SHA384KDF, CMSAlgorithm.ECDH_SHA512KDF);

    private AlgorithmPolicy() {}

    static void checkDigest(AlgorithmIdentifier digest) {
        if (!DIGESTS.contains(digest.getAlgorithm())) {
            throw notAllowed("digest algorithm " + digest.getAlgorithm());
        }
    }

    static void checkSignature(AlgorithmIdentifier signature) {
        ASN1ObjectIdentifier oid = signature.getAlgorithm();
        if (!SIGNATURES.contains(oid)) {
            throw notAllowed("signature algorithm " + oid);
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            RSASSAPSSparams parameters = RSASSAPSSparams.getInstance(signature.getParameters());
            checkDigest(parameters.getHashAlgorithm());
        }
    }

    static void checkSignerKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw notAllowed("RSA key of " + rsa.getModulus().bitLength() + " bits");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS) {
                throw notAllowed("EC key of " + bits + " bits");
            }
        } else {
            throw notAllowed("signer key type " + key.getAlgorithm());
        }
    }

    static void checkKeyTransport(AlgorithmIdentifier keyEncryption) {
        if (!keyEncryption.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSAES_OAEP)) {
            throw notAllowed("key transport " + keyEncryption.getAlgorithm() + " (RSA-OAEP is required)");
        }
        org.bouncycastle.asn1.pkcs.RSAESOAEPparams parameters =
                org.bouncycastle.asn1.pkcs.RSAESOAEPparams.getInstance(keyEncryption.getParameters());
        checkDigest(parameters.getHashAlgorithm());
    }

    static void checkKeyAgreement(AlgorithmIdentifier keyAgreement) {
        if (!KEY_AGREEMENTS.contains(keyAgreement.getAlgorithm())) {
            throw notAllowed("key agreement " + keyAgreement.getAlgorithm() + " (ECDH with a SHA-2 KDF is required)");
        }
        AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(keyAgreement.getParameters());
        if (!wrap.getAlgorithm().equals(CMSAlgorithm.AES256_WRAP)) {
            throw notAllowed("key wrap " + wrap.getAlgorithm() + " (AES-256 key wrap is required)");
        }
    }

    static RejectedException notAllowed(String what) {
        return new RejectedException(RejectionReason.ALGORITHM_NOT_ALLOWED, what + " is not allowed");
    }
}
