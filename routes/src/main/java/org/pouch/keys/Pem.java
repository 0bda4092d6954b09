package org.pouch.keys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM text for certificates and certification requests, the form officers and CAs pass around. */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /**
     * Every certificate in PEM (or DER) text, in order: the issued certificate first, then its issuers.
     *
     * @throws IllegalArgumentException when the text holds no certificate or does not parse
     */
    public static List<X509Certificate> certificates(String pem) {
        try {
            List<X509Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (read.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the PEM text");
            }
            return read;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate does not parse: " + e.getMessage(), e);
        }
    }
}
