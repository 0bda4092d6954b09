package org.pouch.certificates;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider does which job. Public-key operations run on Bouncy Castle (its EC is several
 * times faster than JDK 17's); symmetric ciphers and digests run on the JDK's providers, which use the
 * processor's AES and SHA instructions. The provider is passed per operation and never installed
 * globally, so the gateway does not change the JVM it runs in.
 */
public final class BouncyCastleProviders {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private BouncyCastleProviders() {}

    /** Signatures, key agreement, key transport, key generation, certificate paths. */
    public static Provider publicKey() {
        return BOUNCY_CASTLE;
    }
}
