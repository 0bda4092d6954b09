package org.pouch.gateway.access;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;

/** Who the management port takes the caller for: the first thing to try with a new certificate. */
@ManagementApi
@RequiresRole({StaffRole.OFFICER, StaffRole.AUDITOR, StaffRole.OPERATOR})
class StaffController {

    /** The caller's name, as audit events record it, and roles. */
    record Caller(String name, List<StaffRole> roles) {}

    @GetMapping("/api/v1/staff/me")
    Caller me(StaffMember caller) {
        return new Caller(caller.name(), caller.roles().stream().sorted().toList());
    }
}
