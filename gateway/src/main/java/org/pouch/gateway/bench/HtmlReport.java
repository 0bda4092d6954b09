package org.pouch.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS and SVG drawn here, nothing fetched) with the run's
 * settings, the stage table, and three charts: accepted per second against the crypto bound, latency
 * percentiles, and throughput second by second.
 */
final class HtmlReport {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 60;
    private static final int BOTTOM = 40;

    private HtmlReport() {}

    static void write(BenchResults results, Path file) throws IOException {
        Files.writeString(file, render(results));
    }

    static String render(BenchResults results) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>pouch bench ")
                .append(escape(results.startedAt()))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:64em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;")
                .append("text-align:right}th{background:#f4f4f4}td:first-child{text-align:left}")
                .append("svg{border:1px solid #ddd;margin:.5em 0}</style></head><body>\n");
        html.append("<h1>pouch bench</h1>\n<p>Started ")
                .append(escape(results.startedAt()))
                .append(". ");
        BenchResults.Settings s = results.settings();
        html.append(escape(s.type()))
                .append(", ")
                .append(s.payloadBytes())
                .append(" bytes of payload, suite ")
                .append(escape(s.suite()))
                .append(", ")
                .append(escape(s.channel()))
                .append(", ")
                .append(s.messagesPerStage())
                .append(" messages per stage; gateway: ")
                .append(escape(s.gateway()))
                .append(".</p>\n<p>Machine: ")
                .append(results.machine().cores())
                .append(" cores, ")
                .append(escape(results.machine().java()))
                .append(", ")
                .append(escape(results.machine().os()))
                .append(".</p>\n");
        if (results.cryptoBound() != null) {
            html.append("<p><strong>Crypto bound:</strong> ")
                    .append(number(results.cryptoBound().messagesPerSecond()))
                    .append(" messages/s at the start, on ")
                    .append(results.cryptoBound().threads())
                    .append(" threads (open, sign the receipt, seal for the recipient, verify the partner's")
                    .append(" receipt; no HTTP, database or queue); measured again before each stage.</p>\n");
        }
        table(html, results);
        html.append("<h2>Accepted per second</h2>\n").append(throughputChart(results));
        html.append("<h2>Acceptance latency (ms, from the intended send time; log scale)</h2>\n")
                .append(latencyChart(results.stages()));
        html.append("<h2>Accepted each second</h2>\n").append(timeline(results.stages()));
        if (!results.notes().isEmpty()) {
            html.append("<h2>Notes</h2><ul>");
            results.notes()
                    .forEach(note -> html.append("<li>").append(escape(note)).append("</li>"));
            html.append("</ul>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder html, BenchResults results) {
        html.append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>loop</th><th>connections</th>")
                .append("<th>offered/s</th><th>sent</th><th>accepted</th><th>rejected</th><th>accepted/s</th>")
                .append("<th>bound/s</th><th>of bound</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th>")
                .append("<th>delivered/s</th><th>prepared without a second open</th>")
                .append("<th>gateway CPU (cores)</th><th>heap max (MB)</th>")
                .append(
                        "<th>gateway JIT busy (cores)</th><th>bench JIT busy (cores)</th><th>JIT settled before (s)</th></tr>\n");
        for (BenchResults.Stage stage : results.stages()) {
            BenchResults.Latency l = stage.acceptance();
            html.append("<tr><td>")
                    .append(escape(stage.name()))
                    .append("</td><td>")
                    .append(stage.loop())
                    .append("</td><td>")
                    .append(stage.connections())
                    .append("</td><td>")
                    .append(stage.offeredPerSecond() == null ? "" : number(stage.offeredPerSecond()))
                    .append("</td><td>")
                    .append(stage.sent())
                    .append("</td><td>")
                    .append(stage.accepted())
                    .append("</td><td>")
                    .append(escape(rejections(stage.rejected())))
                    .append("</td><td>")
                    .append(number(stage.acceptedPerSecond()))
                    .append("</td><td>")
                    .append(stage.boundPerSecond() == null ? "" : number(stage.boundPerSecond()))
                    .append("</td><td>")
                    .append(stage.fractionOfBound() == null ? "" : percent(stage.fractionOfBound()))
                    .append("</td><td>")
                    .append(number(l.p50()))
                    .append("</td><td>")
                    .append(number(l.p90()))
                    .append("</td><td>")
                    .append(number(l.p99()))
                    .append("</td><td>")
                    .append(number(l.p999()))
                    .append("</td><td>")
                    .append(stage.deliveredPerSecond() == null ? "" : number(stage.deliveredPerSecond()))
                    .append("</td><td>")
                    .append(stage.preparedFromHandoff() == null ? "" : percent(stage.preparedFromHandoff()))
                    .append("</td><td>")
                    .append(optional(stage.gateway().cpuCores()))
                    .append("</td><td>")
                    .append(optional(stage.gateway().heapUsedMaxMb()))
                    .append("</td><td>")
                    .append(optional(stage.jit().gatewayCores()))
                    .append("</td><td>")
                    .append(optional(stage.jit().benchCores()))
                    .append("</td><td>")
                    .append(optional(stage.jit().settleSeconds()))
                    .append(Boolean.FALSE.equals(stage.jit().settled()) ? " (not quiet)" : "")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String throughputChart(BenchResults results) {
        List<BenchResults.Stage> stages = results.stages();
        double bound = results.cryptoBound() == null ? 0 : results.cryptoBound().messagesPerSecond();
        double max = Math.max(
                bound,
                stages.stream()
                        .mapToDouble(BenchResults.Stage::acceptedPerSecond)
                        .max()
                        .orElse(1));
        max = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = open();
        axis(svg, max);
        int n = Math.max(1, stages.size());
        double slot = (WIDTH - LEFT - 10.0) / n;
        for (int i = 0; i < stages.size(); i++) {
            BenchResults.Stage stage = stages.get(i);
            double h = stage.acceptedPerSecond() / max * (HEIGHT - BOTTOM - 10);
            double x = LEFT + i * slot + slot * 0.15;
            svg.append(rect(x, HEIGHT - BOTTOM - h, slot * 0.7, h, COLOURS[0]));
            svg.append(text(x + slot * 0.35, HEIGHT - BOTTOM + 14, stage.name(), "middle", 10));
            svg.append(text(x + slot * 0.35, HEIGHT - BOTTOM - h - 3, number(stage.acceptedPerSecond()), "middle", 10));
        }
        if (bound > 0) {
            double y = HEIGHT - BOTTOM - bound / max * (HEIGHT - BOTTOM - 10);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>",
                    LEFT,
                    y,
                    WIDTH - 10,
                    y));
            svg.append(text(WIDTH - 12, y - 4, "crypto bound " + number(bound) + "/s", "end", 11));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String latencyChart(List<BenchResults.Stage> stages) {
        double max =
                stages.stream().mapToDouble(s -> s.acceptance().p999()).max().orElse(1);
        double top = Math.log10(Math.max(10, max * 2));
        double bottom = -1; // 0.1 ms
        StringBuilder svg = open();
        for (double decade = bottom; decade <= top; decade++) {
            double y = yLog(decade, bottom, top);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT,
                    y,
                    WIDTH - 10,
                    y));
            svg.append(text(LEFT - 4, y + 4, number(Math.pow(10, decade)), "end", 10));
        }
        String[] names = {"p50", "p90", "p99", "p99.9"};
        int n = Math.max(1, stages.size());
        double slot = (WIDTH - LEFT - 10.0) / n;
        double bar = slot * 0.8 / names.length;
        for (int i = 0; i < stages.size(); i++) {
            BenchResults.Latency l = stages.get(i).acceptance();
            double[] values = {l.p50(), l.p90(), l.p99(), l.p999()};
            for (int p = 0; p < values.length; p++) {
                double y = yLog(Math.log10(Math.max(0.1, values[p])), bottom, top);
                double x = LEFT + i * slot + slot * 0.1 + p * bar;
                svg.append(rect(x, y, bar * 0.9, HEIGHT - BOTTOM - y, COLOURS[p]));
            }
            svg.append(text(
                    LEFT + i * slot + slot / 2,
                    HEIGHT - BOTTOM + 14,
                    stages.get(i).name(),
                    "middle",
                    10));
        }
        for (int p = 0; p < names.length; p++) {
            svg.append(rect(LEFT + 10 + p * 70, HEIGHT - 14, 10, 10, COLOURS[p]));
            svg.append(text(LEFT + 24 + p * 70, HEIGHT - 5, names[p], "start", 10));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String timeline(List<BenchResults.Stage> stages) {
        int seconds = stages.stream()
                .mapToInt(s -> s.acceptedEachSecond().length)
                .max()
                .orElse(1);
        long max = stages.stream()
                .flatMapToLong(s -> java.util.Arrays.stream(s.acceptedEachSecond()))
                .max()
                .orElse(1);
        double top = Math.max(1, max) * 1.1;
        StringBuilder svg = open();
        axis(svg, top);
        double step = (WIDTH - LEFT - 10.0) / Math.max(1, seconds);
        for (int i = 0; i < stages.size(); i++) {
            long[] counts = stages.get(i).acceptedEachSecond();
            StringBuilder points = new StringBuilder();
            for (int t = 0; t < counts.length; t++) {
                points.append(String.format(
                        Locale.ROOT,
                        "%.1f,%.1f ",
                        LEFT + (t + 0.5) * step,
                        HEIGHT - BOTTOM - counts[t] / top * (HEIGHT - BOTTOM - 10)));
            }
            String colour = COLOURS[i % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"1.5\" points=\"")
                    .append(points.toString().trim())
                    .append("\"/>");
            svg.append(rect(LEFT + 10 + (i % 6) * 110, HEIGHT - 14, 10, 10, colour));
            svg.append(text(LEFT + 24 + (i % 6) * 110, HEIGHT - 5, stages.get(i).name(), "start", 10));
        }
        svg.append(text(WIDTH - 12, HEIGHT - BOTTOM + 14, seconds + " s", "end", 10));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open() {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
    }

    private static void axis(StringBuilder svg, double max) {
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = HEIGHT - BOTTOM - value / max * (HEIGHT - BOTTOM - 10);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT,
                    y,
                    WIDTH - 10,
                    y));
            svg.append(text(LEFT - 4, y + 4, number(value), "end", 10));
        }
    }

    private static double yLog(double log, double bottom, double top) {
        return HEIGHT - BOTTOM - (log - bottom) / (top - bottom) * (HEIGHT - BOTTOM - 10);
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x,
                y,
                w,
                Math.max(0, h),
                fill);
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>",
                x,
                y,
                anchor,
                size,
                escape(text));
    }

    private static String rejections(Map<String, Long> rejected) {
        if (rejected.isEmpty()) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        rejected.forEach((code, n) -> out.append(out.length() == 0 ? "" : ", ")
                .append(code)
                .append(' ')
                .append(n));
        return out.toString();
    }

    private static String optional(Double value) {
        return value == null ? "n/a" : number(value);
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
