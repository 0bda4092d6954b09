package org.pouch.gateway.access;

import java.nio.file.Path;
import java.util.Set;

/**
 * One member of staff as configured under {@code pouch.staff.<name>}.
 *
 * @param certificate PEM file of the TLS client certificate the member authenticates with
 * @param roles what the member may do
 */
public record StaffEntry(Path certificate, Set<StaffRole> roles) {}
