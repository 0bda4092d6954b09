package org.pouch.gateway.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a {@link ManagementApi} handler; any one of them suffices. On a method it
 * replaces the class's. A handler with neither is refused to everyone, so that a forgotten annotation
 * closes a door rather than opening it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresRole {
    StaffRole[] value();
}
