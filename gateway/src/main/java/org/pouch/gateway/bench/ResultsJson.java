package org.pouch.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** results.json: the {@link BenchResults} record as JSON, for scripts and for comparing runs. */
final class ResultsJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsJson() {}

    static String write(BenchResults results) {
        return JSON.writeValueAsString(results);
    }

    static void write(BenchResults results, Path file) throws IOException {
        Files.writeString(file, write(results));
    }
}
