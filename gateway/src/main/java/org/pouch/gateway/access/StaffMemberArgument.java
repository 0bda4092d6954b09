package org.pouch.gateway.access;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a {@link ManagementApi} handler the member of staff {@link RoleCheck} let through. */
final class StaffMemberArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return StaffMember.class.equals(parameter.getParameterType());
    }

    @Override
    public StaffMember resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Object member = webRequest.getAttribute(RoleCheck.MEMBER, RequestAttributes.SCOPE_REQUEST);
        if (member instanceof StaffMember staffMember) {
            return staffMember;
        }
        // Only a handler outside a @ManagementApi class can get here: the role check did not run.
        throw new AccessRefusedException("No member of staff was authenticated for this request.");
    }
}
