package org.pouch.gateway.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pouch partners cert ...}: a security officer registers and rotates a partner's certificates. */
@Command(
        name = "partners",
        description = "A partner ministry's certificates.",
        subcommands = {PartnersCommand.Cert.class})
final class PartnersCommand {

    @Command(
            name = "cert",
            description = "Register, promote, retire and list a partner's signing and encryption certificates.",
            subcommands = {Cert.Register.class, Cert.Promote.class, Cert.Retire.class, Cert.List.class})
    static final class Cert {

        @Command(name = "register", description = "Register a partner's new certificate as pending.")
        static final class Register extends KeysCommand.Step {
            @Parameters(index = "0", paramLabel = "PARTICIPANT", description = "For example PK-MOI.")
            String participant;

            @Parameters(
                    index = "1",
                    paramLabel = "CERTIFICATE",
                    description = "PEM: the certificate, then its issuers.")
            Path certificate;

            @Option(names = "--purpose", required = true, description = "signing or encryption.")
            String purpose;

            @Override
            ManagementConnection.Answer call(ManagementConnection management) throws Exception {
                return management.post(
                        "/api/v1/partners/" + participant + "/certificates",
                        Map.of(
                                "purpose",
                                purpose,
                                "certificate",
                                Files.readString(certificate, StandardCharsets.US_ASCII)));
            }
        }

        @Command(name = "promote", description = "Make a partner's pending certificate its primary.")
        static final class Promote extends KeysCommand.Step {
            @Parameters(paramLabel = "KEY")
            String key;

            @Override
            ManagementConnection.Answer call(ManagementConnection management) throws Exception {
                return management.post("/api/v1/keys/" + key + "/promote", Map.of());
            }

            @Override
            void print(PrintWriter out, JsonNode body) {
                out.println(body.path("outcome").asString());
                KeysCommand.printKey(out, body.path("key"));
            }
        }

        @Command(name = "retire", description = "Stop accepting a partner's old certificate.")
        static final class Retire extends KeysCommand.Step {
            @Parameters(paramLabel = "KEY")
            String key;

            @Option(names = "--early", description = "Before its grace ends: for a compromised key.")
            boolean early;

            @Override
            ManagementConnection.Answer call(ManagementConnection management) throws Exception {
                return management.post("/api/v1/keys/" + key + "/retire", Map.of("early", early));
            }
        }

        @Command(name = "list", description = "A partner's certificates and their states.")
        static final class List extends KeysCommand.Step {
            @Parameters(paramLabel = "PARTICIPANT")
            String participant;

            @Override
            ManagementConnection.Answer call(ManagementConnection management) throws Exception {
                return management.get("/api/v1/partners/" + participant + "/certificates");
            }

            @Override
            void print(PrintWriter out, JsonNode body) {
                body.forEach(key -> KeysCommand.printKey(out, key));
            }
        }
    }
}
