package org.pouch.certificates;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Checks that a certificate chains to a trust anchor, was valid at the given instants and is not
 * revoked according to the configured CRLs. Failures are rejections with the certificate reason codes.
 *
 * <p>A path that validated is remembered with the window in which every certificate on it and every
 * CRL is current, so a partner's certificate costs one full PKIX validation, not one per message. The
 * trust material is fixed for the life of a validator: new CRLs or anchors mean a new validator, and
 * with it an empty cache.
 */
public final class CertificateValidator {

    private static final int MAX_PATH_LENGTH = 8;
    private static final int CACHE_SIZE = 4096;

    /** A path that validated, and the instants for which that answer still holds. */
    private record ValidatedPath(List<X509Certificate> offered, Instant from, Instant until) {
        boolean covers(Collection<X509Certificate> offeredNow, Instant instant) {
            return offered.equals(List.copyOf(offeredNow)) && !instant.isBefore(from) && !instant.isAfter(until);
        }
    }

    private final TrustMaterial trust;
    private final Set<TrustAnchor> anchors;
    private final CertStore crlStore;
    private final Instant crlsCurrentUntil;
    private final Map<X509Certificate, ValidatedPath> validated =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<X509Certificate, ValidatedPath> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public CertificateValidator(TrustMaterial trust) {
        this.trust = trust;
        this.anchors =
                trust.anchors().stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
        try {
            this.crlStore = CertStore.getInstance("Collection", new CollectionCertStoreParameters(trust.crls()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold CRLs", e);
        }
        this.crlsCurrentUntil = trust.crls().stream()
                .map(crl -> crl.getNextUpdate() == null
                        ? Instant.MAX
                        : crl.getNextUpdate().toInstant())
                .min(Instant::compareTo)
                .orElse(Instant.MAX);
    }

    /**
     * Validates {@code certificate} at each of the {@code instants}.
     *
     * @param offered further certificates the sender supplied, which may complete the path
     * @throws RejectedException with a certificate reason when the certificate is not acceptable
     */
    public void validate(X509Certificate certificate, Collection<X509Certificate> offered, Instant... instants) {
        ValidatedPath known = validated.get(certificate);
        if (known != null && Arrays.stream(instants).allMatch(instant -> known.covers(offered, instant))) {
            return;
        }
        CertPath path = buildPath(certificate, offered);
        for (Instant instant : instants) {
            validatePath(path, instant);
        }
        validated.put(certificate, new ValidatedPath(List.copyOf(offered), validFrom(path), validUntil(path)));
    }

    private static Instant validFrom(CertPath path) {
        Instant from = Instant.MIN;
        for (var certificate : path.getCertificates()) {
            Instant notBefore = ((X509Certificate) certificate).getNotBefore().toInstant();
            from = notBefore.isAfter(from) ? notBefore : from;
        }
        return from;
    }

    private Instant validUntil(CertPath path) {
        Instant until = crlsCurrentUntil;
        for (var certificate : path.getCertificates()) {
            Instant notAfter = ((X509Certificate) certificate).getNotAfter().toInstant();
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        return until;
    }

    private void validatePath(CertPath path, Instant instant) {
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(instant));
            parameters.setRevocationEnabled(true);
            parameters.addCertStore(crlStore);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw new RejectedException(
                    reasonFor(e), "certificate path rejected at " + instant + ": " + e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("trust anchors unusable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX validation unavailable", e);
        }
    }

    private static RejectionReason reasonFor(CertPathValidatorException e) {
        if (e.getReason() instanceof BasicReason basic) {
            return switch (basic) {
                case EXPIRED -> RejectionReason.CERTIFICATE_EXPIRED;
                case NOT_YET_VALID -> RejectionReason.CERTIFICATE_NOT_YET_VALID;
                case REVOKED -> RejectionReason.CERTIFICATE_REVOKED;
                case ALGORITHM_CONSTRAINED -> RejectionReason.ALGORITHM_NOT_ALLOWED;
                default -> RejectionReason.CERTIFICATE_UNTRUSTED;
            };
        }
        return RejectionReason.CERTIFICATE_UNTRUSTED;
    }

    /** The path from the certificate up to, but not including, a trust anchor. */
    private CertPath buildPath(X509Certificate certificate, Collection<X509Certificate> offered) {
        Set<X509Certificate> candidates = new LinkedHashSet<>(trust.intermediates());
        candidates.addAll(offered);
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = certificate;
        path.add(current);
        while (!issuedByAnchor(current)) {
            X509Certificate issuer = findIssuer(current, candidates);
            if (issuer == null || path.size() >= MAX_PATH_LENGTH || path.contains(issuer)) {
                throw new RejectedException(
                        RejectionReason.CERTIFICATE_UNTRUSTED,
                        "no path to a trust anchor for " + certificate.getSubjectX500Principal());
            }
            path.add(issuer);
            current = issuer;
        }
        try {
            return CertificateFactory.getInstance("X.509").generateCertPath(path);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot form a certificate path", e);
        }
    }

    private boolean issuedByAnchor(X509Certificate certificate) {
        for (X509Certificate anchor : trust.anchors()) {
            if (anchor.equals(certificate) || signedBy(certificate, anchor)) {
                return true;
            }
        }
        return false;
    }

    private static X509Certificate findIssuer(X509Certificate certificate, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (!candidate.equals(certificate) && signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey(), BouncyCastleProviders.publicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
