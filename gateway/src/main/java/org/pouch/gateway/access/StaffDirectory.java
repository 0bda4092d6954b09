package org.pouch.gateway.access;

import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pouch.gateway.pki.PkiFiles;

/**
 * Who a management client certificate belongs to. The TLS layer has already checked the chain; this
 * matches the exact certificate, because staff and partner systems share the issuing CA and a partner's
 * valid certificate must not open the management API.
 */
public final class StaffDirectory {

    private final Map<ByteBuffer, StaffMember> byCertificate;

    private StaffDirectory(Map<ByteBuffer, StaffMember> byCertificate) {
        this.byCertificate = Map.copyOf(byCertificate);
    }

    /**
     * Reads every member's certificate; a member without a certificate or a role, or a missing or
     * unreadable file, stops the start naming the member.
     */
    public static StaffDirectory of(Map<String, StaffEntry> staff) {
        Map<ByteBuffer, StaffMember> byCertificate = new HashMap<>();
        staff.forEach((name, entry) -> {
            if (entry.certificate() == null
                    || entry.roles() == null
                    || entry.roles().isEmpty()) {
                throw new IllegalStateException("pouch.staff." + name + " needs a certificate and at least one role");
            }
            X509Certificate certificate = PkiFiles.certificate(entry.certificate());
            StaffMember previous = byCertificate.put(key(certificate), new StaffMember(name, entry.roles()));
            if (previous != null) {
                throw new IllegalStateException("pouch.staff: " + previous.name() + " and " + name
                        + " use the same certificate " + entry.certificate());
            }
        });
        return new StaffDirectory(byCertificate);
    }

    public Optional<StaffMember> member(X509Certificate certificate) {
        return Optional.ofNullable(byCertificate.get(key(certificate)));
    }

    private static ByteBuffer key(X509Certificate certificate) {
        try {
            return ByteBuffer.wrap(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode a client certificate", e);
        }
    }
}
