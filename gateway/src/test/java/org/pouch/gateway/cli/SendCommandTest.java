package org.pouch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.intake.ExchangeLedger;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;

/** {@code pouch send} against the running gateway, with the test PKI's files as a partner holds them. */
@GatewayTest
class SendCommandTest {

    @LocalServerPort
    int partnerPort;

    @Value("${pouch.pki-directory}")
    Path pki;

    @Autowired
    ExchangeLedger ledger;

    @TempDir
    Path work;

    private final StringWriter output = new StringWriter();

    private int send(String... args) {
        CommandLine pouch = PouchCli.commandLine();
        pouch.setOut(new PrintWriter(output, true));
        pouch.setErr(new PrintWriter(output, true));
        String[] common = {"send", "--gateway", "https://localhost:" + partnerPort, "--pki", pki.toString()};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return pouch.execute(all);
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"rest", "soap"})
    void aPilgrimListIsAcceptedAndTheReceiptVerifies(String channel) throws Exception {
        Path list = example("valid.json", "pilgrims.json");
        String messageId = UUID.randomUUID().toString();

        int exit = send(
                list.toString(),
                "--from",
                "PK-MOI",
                "--to",
                "IQ-MOI",
                "--type",
                "pilgrim-list",
                "--message-id",
                messageId,
                "--channel",
                channel);

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("accepted: exchange").contains("receipt signed by PK-GW, verified");
        assertThat(ledger.findByMessageId(TestPki.PK_MOI, messageId)).isPresent();
    }

    @Test
    void theSameMessageIdAgainWithOtherContentIsRejectedAsAReplay() throws Exception {
        Path csv = example("valid.csv", "pilgrims.csv");
        String messageId = UUID.randomUUID().toString();
        send(csv.toString(), "--from", "PK-MOI", "--to", "IQ-MOI", "--type", "pilgrim-list", "--message-id", messageId);

        int exit = send(
                csv.toString(),
                "--from",
                "PK-MOI",
                "--to",
                "IQ-MOI",
                "--type",
                "pilgrim-list",
                "--message-id",
                messageId,
                "--suite",
                "rsa");

        assertThat(exit).isEqualTo(SendCommand.REJECTED);
        assertThat(output.toString()).contains("rejected: replay (409), incident ");
    }

    @Test
    void aPilgrimListThatBreaksABusinessRuleIsRejectedWithItsCode() throws Exception {
        Path list = Files.writeString(
                work.resolve("overstay.json"),
                Files.readString(example("valid.json", "valid.json")).replace("\"2027-03-01\"", "\"2027-05-30\""));

        int exit = send(list.toString(), "--from", "PK-MOI", "--to", "IQ-MOI", "--type", "pilgrim-list");

        assertThat(exit).isEqualTo(SendCommand.REJECTED);
        assertThat(output.toString()).contains("rejected: business-rule-violated (422)");
    }

    /** A valid pilgrim list from the formats' golden files, copied where the command reads it. */
    private Path example(String resource, String name) throws Exception {
        try (var in = getClass().getResourceAsStream("/formats/pilgrim-list/" + resource)) {
            return Files.write(work.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void anExchangeThePolicyDoesNotAllowIsRejectedWithItsCode() throws Exception {
        Path list = Files.writeString(work.resolve("list.xml"), "<pilgrimList/>");

        int exit = send(list.toString(), "--from", "IQ-MOI", "--to", "PK-MOI", "--type", "pilgrim-list");

        assertThat(exit).isEqualTo(SendCommand.REJECTED);
        assertThat(output.toString()).contains("rejected: policy-denied (403)");
    }
}
