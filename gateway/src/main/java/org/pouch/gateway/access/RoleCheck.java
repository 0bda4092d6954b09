package org.pouch.gateway.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through to a {@link ManagementApi} handler only when its client certificate belongs to
 * a member of staff with one of the handler's {@link RequiresRole roles}. Refusals are audited; the
 * member is left on the request for {@link StaffMemberArgument}.
 */
final class RoleCheck implements HandlerInterceptor {

    /** The audit step of a management request refused for want of a role. */
    static final String STEP = "management.access";

    static final String MEMBER = RoleCheck.class.getName() + ".member";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final int MAX_ACTOR = 128;

    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    RoleCheck(StaffDirectory staff, AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ManagementApi.class)) {
            return true;
        }
        Set<StaffRole> wanted = wantedRoles(method);
        Optional<X509Certificate> certificate = clientCertificate(request);
        Optional<StaffMember> member = certificate.flatMap(staff::member);
        if (member.isPresent() && member.get().hasAnyOf(wanted)) {
            request.setAttribute(MEMBER, member.get());
            return true;
        }
        String actor = member.map(StaffMember::name)
                .or(() -> certificate.map(c -> c.getSubjectX500Principal().getName()))
                .map(name -> name.length() > MAX_ACTOR ? name.substring(0, MAX_ACTOR) : name)
                .orElse("anonymous");
        String refusal = member.isPresent() ? "role-missing" : "not-staff";
        audit.append(AuditEvent.administrative(
                clock.instant(),
                AuditEventType.ADMIN_ACTION,
                STEP,
                actor,
                Map.of(
                        "outcome",
                        "refused",
                        "refusal",
                        refusal,
                        "request",
                        request.getMethod() + " " + request.getRequestURI(),
                        "roles-required",
                        roles(wanted))));
        throw new AccessRefusedException(
                member.isPresent()
                        ? "This operation needs the role " + roles(wanted) + "."
                        : "This certificate belongs to no member of staff.");
    }

    private static Set<StaffRole> wantedRoles(HandlerMethod method) {
        RequiresRole onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
        RequiresRole onClass = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
        RequiresRole required = onMethod != null ? onMethod : onClass;
        if (required == null || required.value().length == 0) {
            return EnumSet.noneOf(StaffRole.class);
        }
        return EnumSet.copyOf(Arrays.asList(required.value()));
    }

    private static Optional<X509Certificate> clientCertificate(HttpServletRequest request) {
        if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return Optional.empty();
    }

    private static String roles(Set<StaffRole> roles) {
        return roles.isEmpty()
                ? "(none: the operation declares no role)"
                : roles.stream().map(StaffRole::name).sorted().collect(Collectors.joining(" or "));
    }
}
