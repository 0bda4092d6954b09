package org.pouch.gateway.cli;

import picocli.CommandLine;

/** Starts the {@code pouch} command-line tool and exits with the code of the command that ran. */
public final class PouchCli {

    private PouchCli() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree, ready to execute; tests call this to capture its output. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PouchCommand());
        // A failing command tells the user what went wrong in one line, not with a stack trace.
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + exception);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }
}
