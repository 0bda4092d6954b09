package org.pouch.gateway.cli;

import picocli.CommandLine.Command;

/** The {@code pouch pki} group: certificates and keys. */
@Command(
        name = "pki",
        description = "Certificates and keys.",
        subcommands = {PkiExampleCommand.class})
final class PkiCommand {}
