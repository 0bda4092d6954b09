package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path directory;

    @Test
    void theReportIsOnePageThatFetchesNothing() throws Exception {
        Path file = directory.resolve("report.html");

        HtmlReport.write(SampleResults.twoStages(), file);

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).doesNotContain("<script", "<link", "src=", "https://");
        // The only URL is the SVG namespace, which names and fetches nothing.
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    @Test
    void itDrawsThroughputLatencyAndTimelineCharts() {
        String html = HtmlReport.render(SampleResults.twoStages());

        assertThat(html.split("<svg ", -1)).hasSize(4);
        assertThat(html).contains("crypto bound 800/s");
        assertThat(html).contains("<polyline");
    }

    @Test
    void theStageTableHasEveryStageAndEscapesWhatItPrints() {
        String html = HtmlReport.render(SampleResults.twoStages());

        assertThat(html).contains("<td>closed-4</td>").contains("open-&lt;500&gt;/s");
        assertThat(html).doesNotContain("open-<500>");
        assertThat(html).contains("rate-limited 2").contains("50 %");
        // Deliveries prepared from the intake's document, then the gateway's usage.
        assertThat(html).contains("<td>97 %</td><td>1.25</td>");
        // The JIT columns: the gateway's compilers, the bench's, and a wait that ran out.
        assertThat(html).contains("<td>0.31</td><td>0.07</td><td>14.0</td>");
        assertThat(html).contains("<td>n/a</td><td>0.02</td><td>60.0 (not quiet)</td>");
        assertThat(html)
                .contains("shared the machine&#39;s".replace("&#39;", "'"))
                .contains("sink &amp; gateway");
    }
}
