package org.pouch.envelope;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.Credential;

/**
 * In-memory signing keys in Bouncy Castle's own form, made once per key. Bouncy Castle signs with another
 * provider's EC key (the JDK's PKCS#12 key store returns those, and the gateway's keys come from one) by
 * converting the key's curve parameters on every signature, which also rebuilds the generator's
 * precomputed table: about three times the cost of a signature with its own key (EnvelopeBenchmark,
 * {@code keyOrigin}). The converted key is only ever used to sign, never encoded or stored.
 *
 * <p>Held weakly: a key the rings no longer hold is not kept alive here.
 */
final class SigningKeys {

    private static final Map<PrivateKey, PrivateKey> OWN_FORM = Collections.synchronizedMap(new WeakHashMap<>());

    private SigningKeys() {}

    /** The key to hand Bouncy Castle for this credential: the token's own key stays as it is. */
    static PrivateKey forSigning(Credential signer) {
        PrivateKey key = signer.privateKey();
        if (signer.heldInToken() || key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        return OWN_FORM.computeIfAbsent(key, SigningKeys::ownForm);
    }

    private static PrivateKey ownForm(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), BouncyCastleProviders.publicKey())
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            // Bouncy Castle signs with the key as it is, only more slowly.
            return key;
        }
    }
}
