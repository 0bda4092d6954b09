package org.pouch.gateway.cli;

import picocli.CommandLine.Command;

/** The {@code pouch audit} group: the auditor's tools for the verifiable log. */
@Command(
        name = "audit",
        description = "The audit log: pull an export, verify it offline.",
        subcommands = {AuditExportCommand.class, AuditVerifyCommand.class})
final class AuditCommand {}
