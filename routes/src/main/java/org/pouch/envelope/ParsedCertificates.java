package org.pouch.envelope;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.pouch.certificates.BouncyCastleProviders;

/**
 * The certificates included in signed messages, parsed once per encoding: every envelope and receipt of
 * one sender carries the same few certificates. Parsing them again cost a few percent of delivery, and a
 * freshly parsed public key makes each signature check start without the precomputation Bouncy Castle
 * keeps with a key it has used (a verification with a key it has not seen costs about twice as much).
 * Keyed by the DER encoding, so a different certificate is never mistaken for a cached one; bounded, least
 * recently used first out, as the certificate validator's cache is.
 */
final class ParsedCertificates {

    private static final int CAPACITY = 1024;

    private static final Map<ByteBuffer, X509Certificate> PARSED =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, X509Certificate> eldest) {
                    return size() > CAPACITY;
                }
            });

    private ParsedCertificates() {}

    /**
     * @throws CertificateException when the certificate does not parse
     */
    static X509Certificate of(X509CertificateHolder holder) throws CertificateException {
        ByteBuffer encoding;
        try {
            encoding = ByteBuffer.wrap(holder.getEncoded());
        } catch (IOException e) {
            throw new CertificateException("the certificate does not encode", e);
        }
        X509Certificate cached = PARSED.get(encoding);
        if (cached != null) {
            return cached;
        }
        X509Certificate parsed = new JcaX509CertificateConverter()
                .setProvider(BouncyCastleProviders.publicKey())
                .getCertificate(holder);
        PARSED.put(encoding, parsed);
        return parsed;
    }

    /** How many are held; for tests. */
    static int size() {
        return PARSED.size();
    }
}
