package org.pouch.gateway.cli;

import org.pouch.gateway.bench.BenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/**
 * The top of the {@code pouch} command tree. It does nothing by itself; each task is a subcommand listed
 * here, and every subcommand inherits {@code --help} and {@code --version}.
 */
@Command(
        name = "pouch",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = PouchCommand.Version.class,
        description = "Pouch, the secure inter-ministry data-exchange gateway: command-line tool.",
        subcommands = {
            PkiCommand.class,
            SendCommand.class,
            KeysCommand.class,
            PartnersCommand.class,
            AuditCommand.class,
            BenchCommand.class
        })
final class PouchCommand {

    /** The version from the jar's manifest; a build run from classes has none. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PouchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"pouch " + (version == null ? "(development build)" : version)};
        }
    }
}
