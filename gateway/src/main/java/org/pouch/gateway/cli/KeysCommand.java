package org.pouch.gateway.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code pouch keys ...}: a security officer's work on the gateway's key rings, through the management
 * API over mutual TLS. Each subcommand is one step of docs/security-officer-guide.md.
 */
@Command(
        name = "keys",
        description = "Rotate the gateway's keys: list, generate, csr, import, promote, retire, destroy.",
        subcommands = {
            KeysCommand.List.class,
            KeysCommand.Generate.class,
            KeysCommand.Csr.class,
            KeysCommand.Import.class,
            KeysCommand.Promote.class,
            KeysCommand.Retire.class,
            KeysCommand.Destroy.class
        })
final class KeysCommand {

    /** Exit code of a step the gateway refused (a forbidden transition, a wrong certificate, no role). */
    static final int REFUSED = 1;

    /** Runs one call and prints the result, or the refusal. */
    abstract static class Step implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StaffOptions staff;

        abstract ManagementConnection.Answer call(ManagementConnection management) throws Exception;

        void print(PrintWriter out, JsonNode body) {
            printKey(out, body);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ManagementConnection.Answer answer = call(staff.connect());
            if (!answer.ok()) {
                spec.commandLine().getErr().println("refused: " + answer.problem());
                return REFUSED;
            }
            print(out, answer.body());
            return 0;
        }
    }

    static void printKey(PrintWriter out, JsonNode key) {
        out.printf(
                "%-34s %-8s %-17s %-3s %-9s sha-256 %s%s%s%n",
                key.path("id").asString(),
                key.path("owner").asString(),
                key.path("purpose").asString(),
                key.path("suite").asString(),
                key.path("state").asString(),
                key.path("publicKeySha256").asString(),
                key.path("notAfter").isNull() || key.path("notAfter").isMissingNode()
                        ? ""
                        : " until " + key.path("notAfter").asString(),
                key.path("graceUntil").isNull() || key.path("graceUntil").isMissingNode()
                        ? ""
                        : " grace until " + key.path("graceUntil").asString());
        if (!key.path("promotionRequestedBy").isNull()
                && !key.path("promotionRequestedBy").isMissingNode()) {
            out.println("  promotion asked by "
                    + key.path("promotionRequestedBy").asString() + ", awaiting a second officer");
        }
    }

    @Command(name = "list", description = "Every key of every ring, or of one owner's.")
    static final class List extends Step {
        @Option(names = "--owner", description = "PK-GW for the gateway's keys, or a partner's id.")
        String owner;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            return management.get("/api/v1/keys" + (owner == null ? "" : "?owner=" + owner));
        }

        @Override
        void print(PrintWriter out, JsonNode body) {
            body.forEach(key -> printKey(out, key));
        }
    }

    @Command(name = "generate", description = "Generate a pending key and print (or write) its PKCS#10 CSR.")
    static final class Generate extends Step {
        @Option(
                names = "--purpose",
                required = true,
                description = "signing, decryption (encryption), tls-server or audit-checkpoint.")
        String purpose;

        @Option(names = "--suite", defaultValue = "ec", description = "ec or rsa. Default: ${DEFAULT-VALUE}.")
        String suite;

        @Option(names = "--subject", description = "The distinguished name. Default: the current primary's.")
        String subject;

        @Option(names = "--csr-out", description = "Write the CSR (PEM) to this file instead of printing it.")
        Path csrOut;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("purpose", purpose);
            request.put("suite", suite);
            if (subject != null) {
                request.put("subject", subject);
            }
            return management.post("/api/v1/keys", request);
        }

        @Override
        void print(PrintWriter out, JsonNode body) {
            printKey(out, body.path("key"));
            String csr = body.path("csr").asString();
            if (csrOut == null) {
                out.print(csr);
                return;
            }
            try {
                Files.writeString(csrOut, csr, StandardCharsets.US_ASCII);
                out.println("CSR written to " + csrOut);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "csr", description = "Print a pending key's CSR again.")
    static final class Csr extends Step {
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            return management.get("/api/v1/keys/" + key + "/csr");
        }

        @Override
        void print(PrintWriter out, JsonNode body) {
            out.print(body.path("csr").asString());
        }
    }

    @Command(name = "import", description = "Import the certificate the CA issued for a pending key.")
    static final class Import extends Step {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "CERTIFICATE", description = "PEM: the certificate, then its issuers.")
        Path certificate;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            return management.post(
                    "/api/v1/keys/" + key + "/certificate",
                    Map.of("certificate", Files.readString(certificate, StandardCharsets.US_ASCII)));
        }
    }

    @Command(name = "promote", description = "Make a key primary (or approve another officer's promotion).")
    static final class Promote extends Step {
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            return management.post("/api/v1/keys/" + key + "/promote", Map.of());
        }

        @Override
        void print(PrintWriter out, JsonNode body) {
            out.println(body.path("outcome").asString());
            printKey(out, body.path("key"));
        }
    }

    @Command(name = "retire", description = "Take a secondary out of service once its grace has ended.")
    static final class Retire extends Step {
        @Parameters(paramLabel = "KEY")
        String key;

        @Option(names = "--early", description = "Before its grace ends: for a compromised key.")
        boolean early;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            return management.post("/api/v1/keys/" + key + "/retire", Map.of("early", early));
        }
    }

    @Command(name = "destroy", description = "Erase a retired key's private key for good.")
    static final class Destroy extends Step {
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        ManagementConnection.Answer call(ManagementConnection management) throws Exception {
            return management.post("/api/v1/keys/" + key + "/destroy", Map.of());
        }
    }
}
