package org.pouch.envelope;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.pouch.certificates.BouncyCastleProviders;

/**
 * Certificates parsed once, both ways between the JDK's form and Bouncy Castle's. The certificates included
 * in signed messages are parsed once per encoding: every envelope and receipt of one sender carries the same
 * few certificates. Parsing them again cost a few percent of delivery, and a
 * freshly parsed public key makes each signature check start without the precomputation Bouncy Castle
 * keeps with a key it has used (a verification with a key it has not seen costs about twice as much).
 * Keyed by the DER encoding, so a different certificate is never mistaken for a cached one; bounded, least
 * recently used first out, as the certificate validator's cache is. The other way, the gateway's own
 * certificates (the one that signs, the ones envelopes are sealed to) are turned into Bouncy Castle's holder
 * once, not for every signature and every envelope opened; a certificate's {@code equals} compares encodings.
 */
final class ParsedCertificates {

    private static final int CAPACITY = 1024;

    private static final Map<ByteBuffer, X509Certificate> PARSED = leastRecentlyUsed();

    private static final Map<X509Certificate, X509CertificateHolder> HOLDERS = leastRecentlyUsed();

    private ParsedCertificates() {}

    private static <K, V> Map<K, V> leastRecentlyUsed() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CAPACITY;
            }
        });
    }

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

    /**
     * Bouncy Castle's holder of {@code certificate}.
     *
     * @throws CertificateEncodingException when the certificate does not encode
     */
    static X509CertificateHolder holderOf(X509Certificate certificate) throws CertificateEncodingException {
        X509CertificateHolder cached = HOLDERS.get(certificate);
        if (cached != null) {
            return cached;
        }
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        HOLDERS.put(certificate, holder);
        return holder;
    }

    /** How many are held; for tests. */
    static int size() {
        return PARSED.size();
    }
}
