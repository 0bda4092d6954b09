package org.pouch.certificates;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;

/** The public-key suites of the envelope profile: which keys participants and the gateway hold. */
public enum KeySuite {
    EC_P256("ec"),
    RSA_3072("rsa");

    private final String shortName;

    KeySuite(String shortName) {
        this.shortName = shortName;
    }

    /** A short lower-case name for file names and command-line options: {@code ec} or {@code rsa}. */
    public String shortName() {
        return shortName;
    }

    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator =
                    KeyPairGenerator.getInstance(this == EC_P256 ? "EC" : "RSA", BouncyCastleProviders.publicKey());
            if (this == EC_P256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                generator.initialize(3072, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key pair", e);
        }
    }

    /** The suite a public key belongs to, for keys this profile accepts. */
    public static KeySuite of(PublicKey key) {
        if (key instanceof ECPublicKey) {
            return EC_P256;
        }
        if (key instanceof RSAPublicKey) {
            return RSA_3072;
        }
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    }

    public static KeySuite fromShortName(String name) {
        for (KeySuite suite : values()) {
            if (suite.shortName.equalsIgnoreCase(name)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown key suite '" + name + "', expected ec or rsa");
    }
}
