package org.pouch.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.certificates.ExamplePkiFiles;
import org.pouch.certificates.ExamplePkiLayout;
import org.pouch.testing.InMemoryAuditTrail;
import org.pouch.testing.TestPki;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** The role check on its own: who gets through to which handler, and what a refusal leaves behind. */
class RoleCheckTest {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private RoleCheck check;

    @BeforeEach
    void staff(@TempDir Path directory) throws Exception {
        ExamplePkiFiles.write(TestPki.shared().pki(), directory);
        Path officer = ExamplePkiLayout.with(new ExamplePkiLayout(directory).staff("officer"), "crt");
        StaffDirectory staff = StaffDirectory.of(Map.of("officer", new StaffEntry(officer, Set.of(StaffRole.OFFICER))));
        check = new RoleCheck(staff, audit, Clock.systemUTC());
    }

    @Test
    void aMemberWithTheRoleGetsThroughAndIsHandedToTheHandler() throws Exception {
        MockHttpServletRequest request = presenting(certificateOf("officer"));

        assertThat(check.preHandle(request, new MockHttpServletResponse(), handler("officersOnly")))
                .isTrue();

        assertThat(request.getAttribute(RoleCheck.MEMBER))
                .isEqualTo(new StaffMember("officer", Set.of(StaffRole.OFFICER)));
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aMemberWithoutTheRoleIsRefusedAndTheRefusalAudited() throws Exception {
        MockHttpServletRequest request = presenting(certificateOf("officer"));

        assertThatThrownBy(() -> check.preHandle(request, new MockHttpServletResponse(), handler("auditorsOnly")))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("AUDITOR");

        AuditEvent refusal = audit.all().get(0);
        assertThat(refusal.type()).isEqualTo(AuditEventType.ADMIN_ACTION);
        assertThat(refusal.actor()).isEqualTo("officer");
        assertThat(refusal.details())
                .containsEntry("refusal", "role-missing")
                .containsEntry("roles-required", "AUDITOR")
                .containsEntry("request", "GET /api/v1/probe");
    }

    @Test
    void aHandlerThatDeclaresNoRoleIsClosedToEveryone() throws Exception {
        MockHttpServletRequest request = presenting(certificateOf("officer"));

        assertThatThrownBy(() -> check.preHandle(request, new MockHttpServletResponse(), handler("undeclared")))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void aRequestWithoutACertificateIsRefusedAsAnonymous() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/probe");

        assertThatThrownBy(() -> check.preHandle(request, new MockHttpServletResponse(), handler("officersOnly")))
                .isInstanceOf(AccessRefusedException.class);

        assertThat(audit.all().get(0).actor()).isEqualTo("anonymous");
        assertThat(audit.all().get(0).details()).containsEntry("refusal", "not-staff");
    }

    @Test
    void handlersOutsideTheManagementApiAreLeftAlone() throws Exception {
        HandlerMethod other = new HandlerMethod(new Object(), Object.class.getMethod("toString"));

        assertThat(check.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), other))
                .isTrue();
    }

    private static X509Certificate certificateOf(String staff) {
        return TestPki.shared().pki().staff(staff).certificate();
    }

    private static MockHttpServletRequest presenting(X509Certificate certificate) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/probe");
        request.setAttribute("jakarta.servlet.request.X509Certificate", new X509Certificate[] {certificate});
        return request;
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        Method method = Probe.class.getDeclaredMethod(name);
        return new HandlerMethod(new Probe(), method);
    }

    @ManagementApi
    @RequiresRole(StaffRole.OFFICER)
    static final class Probe {
        void officersOnly() {}

        @RequiresRole(StaffRole.AUDITOR)
        void auditorsOnly() {}

        @RequiresRole({})
        void undeclared() {}
    }
}
