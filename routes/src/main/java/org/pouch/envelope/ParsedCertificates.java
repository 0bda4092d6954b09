package org.pouch.envelope;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.pouch.certificates.BouncyCastleProviders;

/**
 * Certificates parsed once, both ways between the JDK's form and Bouncy Castle's. The certificates included
 * in signed messages are parsed once per encoding: every envelope and receipt of one sender carries the same
 * few certificates. Parsing them again cost a few percent of delivery, and a freshly parsed public key makes
 * each signature check start without the precomputation Bouncy Castle keeps with a key it has used (a
 * verification with a key it has not seen costs about twice as much). Keyed by the DER encoding, so a
 * different certificate is never mistaken for a cached one. The other way, the gateway's own certificates
 * (the one that signs, the ones envelopes are sealed to) become Bouncy Castle's holder once, not for every
 * signature and every envelope opened; a certificate's {@code equals} compares encodings. Both bounded, and
 * read without a lock: every request and delivery thread looks here.
 */
final class ParsedCertificates {

    private static final int CAPACITY = 1024;

    private static final Cache<ByteBuffer, X509Certificate> PARSED =
            Caffeine.newBuilder().maximumSize(CAPACITY).build();

    private static final Cache<X509Certificate, X509CertificateHolder> HOLDERS =
            Caffeine.newBuilder().maximumSize(CAPACITY).build();

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
        X509Certificate cached = PARSED.getIfPresent(encoding);
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
        X509CertificateHolder cached = HOLDERS.getIfPresent(certificate);
        if (cached != null) {
            return cached;
        }
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        HOLDERS.put(certificate, holder);
        return holder;
    }
}
