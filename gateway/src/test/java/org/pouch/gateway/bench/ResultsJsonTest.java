package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultsJsonTest {

    private final JsonNode json = JsonMapper.builder().build().readTree(ResultsJson.write(SampleResults.twoStages()));

    @Test
    void theRunsSettingsMachineAndBoundAreNamedFields() {
        assertThat(json.path("startedAt").asString()).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(json.path("settings").path("suite").asString()).isEqualTo("ec");
        assertThat(json.path("settings").path("payloadBytes").asInt()).isEqualTo(10_300);
        assertThat(json.path("cryptoBound").path("messagesPerSecond").asDouble())
                .isEqualTo(800);
        assertThat(json.path("notes")).hasSize(1);
    }

    @Test
    void eachStageHasItsCountsRatesPercentilesAndTheGatewaysUsage() {
        JsonNode stage = json.path("stages").get(0);

        assertThat(stage.path("name").asString()).isEqualTo("closed-4");
        assertThat(stage.path("sent").asLong()).isEqualTo(1000);
        assertThat(stage.path("accepted").asLong()).isEqualTo(998);
        assertThat(stage.path("rejected").path("rate-limited").asLong()).isEqualTo(2);
        assertThat(stage.path("acceptedPerSecond").asDouble()).isEqualTo(399.2);
        assertThat(stage.path("fractionOfBound").asDouble()).isEqualTo(0.499);
        assertThat(stage.path("acceptance").path("p50").asDouble()).isBetween(4.9, 5.1);
        assertThat(stage.path("acceptance").path("p99").asDouble()).isBetween(9.8, 10.0);
        assertThat(stage.path("acceptance").path("p999").asDouble()).isBetween(9.9, 10.1);
        assertThat(stage.path("preparedFromHandoff").asDouble()).isEqualTo(0.97);
        assertThat(stage.path("gateway").path("cpuCores").asDouble()).isEqualTo(1.25);
        assertThat(stage.path("gateway").path("heapUsedMaxMb").asDouble()).isEqualTo(180);
        assertThat(stage.path("acceptedEachSecond")).hasSize(3);
        assertThat(stage.path("jit").path("gatewayCores").asDouble()).isEqualTo(0.31);
        assertThat(stage.path("jit").path("benchCores").asDouble()).isEqualTo(0.07);
        assertThat(stage.path("jit").path("settleSeconds").asDouble()).isEqualTo(14);
        assertThat(stage.path("jit").path("settled").asBoolean()).isTrue();
    }

    @Test
    void anOpenLoopStageNamesItsOfferedRateAndAClosedOneHasNone() {
        assertThat(json.path("stages").get(0).path("offeredPerSecond").isNull()).isTrue();
        assertThat(json.path("stages").get(1).path("offeredPerSecond").asDouble())
                .isEqualTo(500);
        assertThat(json.path("stages").get(1).path("loop").asString()).isEqualTo("open");
    }
}
