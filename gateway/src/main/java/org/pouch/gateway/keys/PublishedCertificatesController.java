package org.pouch.gateway.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRing;
import org.pouch.keys.Pem;
import org.pouch.keys.RingEntry;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's current certificates at a well-known URL on the partner port, so that partners fetch a
 * new encryption certificate while it is still pending and a new signing certificate before receipts
 * carry it: signing and encryption, every key that is pending with its certificate, primary or
 * secondary, with its state and validity. Retired keys are left out: nothing new should be sealed to
 * them or signed by them.
 */
@RestController
class PublishedCertificatesController {

    static final String PATH = "/.well-known/pouch/certificates";

    /** One published certificate. */
    record PublishedCertificate(
            String use,
            String state,
            String suite,
            String keySha256,
            String subject,
            String serialNumber,
            Instant notBefore,
            Instant notAfter,
            String certificate) {}

    /** The whole publication. */
    record Publication(String gateway, Instant at, List<PublishedCertificate> certificates) {}

    private final LiveKeyRings rings;
    private final java.time.Clock clock;

    PublishedCertificatesController(LiveKeyRings rings, java.time.Clock clock) {
        this.rings = rings;
        this.clock = clock;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Publication> certificates() {
        List<PublishedCertificate> published = new ArrayList<>();
        for (KeyPurpose purpose : List.of(KeyPurpose.SIGNING, KeyPurpose.ENCRYPTION)) {
            Optional<KeyRing> ring = rings.gatewayRing(purpose);
            ring.ifPresent(r -> r.published().forEach(entry -> published.add(of(purpose, entry))));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(new Publication(rings.gatewayId().value(), clock.instant(), published));
    }

    private static PublishedCertificate of(KeyPurpose purpose, RingEntry entry) {
        var certificate = entry.certificate().orElseThrow();
        return new PublishedCertificate(
                purpose.wireName(),
                entry.state().wireName(),
                entry.suite().shortName(),
                entry.publicKeySha256(),
                certificate.getSubjectX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                Pem.certificate(certificate));
    }
}
