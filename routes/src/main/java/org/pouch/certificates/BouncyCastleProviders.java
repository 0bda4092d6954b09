package org.pouch.certificates;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider does which job. Public-key operations run on Bouncy Castle (its EC is several
 * times faster than JDK 17's); symmetric ciphers and digests run on the JDK's providers, which use the
 * processor's AES and SHA instructions. Providers are passed per operation and never installed
 * globally, so the gateway does not change the JVM it runs in.
 */
public final class BouncyCastleProviders {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final Provider SYMMETRIC = jdkProviderOf("AES/GCM/NoPadding");

    private BouncyCastleProviders() {}

    /** Signatures, key agreement, key transport, key generation. */
    public static Provider publicKey() {
        return BOUNCY_CASTLE;
    }

    /** Content encryption (AES-GCM, AES-CBC): the JDK's first provider of AES-GCM. */
    public static Provider symmetric() {
        return SYMMETRIC;
    }

    /**
     * AES-GCM for contents too large to hold: Bouncy Castle's releases plaintext as it decrypts and checks
     * the tag at the end, where the JDK's holds the whole content until the tag has been checked.
     */
    public static Provider streamingGcm() {
        return BOUNCY_CASTLE;
    }

    private static Provider jdkProviderOf(String transformation) {
        try {
            return Cipher.getInstance(transformation).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + transformation, e);
        }
    }
}
