package org.pouch.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** Key fingerprints: hex SHA-256 of the DER SubjectPublicKeyInfo, as {@code openssl pkey -pubout -outform DER | sha256sum} prints. */
public final class Fingerprints {

    private Fingerprints() {}

    public static String publicKeySha256(PublicKey key) {
        return sha256(key.getEncoded());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
