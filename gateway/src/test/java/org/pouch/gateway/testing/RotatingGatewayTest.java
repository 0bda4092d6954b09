package org.pouch.gateway.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway of its own for the tests that rotate its keys: rotating the shared gateway's decryption or
 * signing key would break every other test that seals to it or verifies its receipts. The test classes
 * with this annotation share this second gateway among themselves. No grace period (a replaced key may be
 * retired at once), and a second officer must approve every promotion, so the approval path runs in
 * every rotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@GatewayTest
@TestPropertySource(properties = {"pouch.key-rings.grace=0s", "pouch.key-rings.second-officer=true"})
public @interface RotatingGatewayTest {}
