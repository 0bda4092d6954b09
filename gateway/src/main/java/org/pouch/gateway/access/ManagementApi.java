package org.pouch.gateway.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A REST controller served on the management port only, never on the partner port. The gateway's own
 * component scan leaves these out; {@link ManagementApiConfiguration} picks them up in the management
 * server's context. Every handler needs {@link RequiresRole}, on the method or the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
@ResponseBody
public @interface ManagementApi {}
