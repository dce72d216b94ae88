package dev.editloop.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path runDir;

    private final BenchReport report = Fixtures.report(Fixtures.manifest(1), Fixtures.handRun());

    private List<Comparison> comparisons() {
        List<CaseOutcome> better = new ArrayList<>();
        for (CaseOutcome o : Fixtures.handRun()) {
            better.add(
                    o.failed()
                            ? o
                            : Fixtures.done(
                                    o.benchCase().id(),
                                    o.benchCase().category(),
                                    "threshold",
                                    1,
                                    Fixtures.t(
                                            9,
                                            o.best()
                                                            .map(t -> BenchReport.headlineOf(t, "score"))
                                                            .orElse(0.0)
                                                    + 1)));
        }
        return List.of(Comparison.of(report, Fixtures.report(Fixtures.manifest(1), better), 1));
    }

    private String write(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.get(format).write(report, comparisons(), runDir, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonParsesBackWithEveryFigure() throws IOException {
        JsonNode root = JSON.readTree(write("json"));

        assertThat(root.get("report_version").asInt()).isEqualTo(1);
        assertThat(root.get("notes").get(0).asText()).isEqualTo(Fixtures.NOTE);
        assertThat(root.get("manifest").get("suite").asText()).isEqualTo("gedit");
        assertThat(root.get("manifest").get("judge").get("model").asText()).isEqualTo("judge-1");
        assertThat(root.get("counts").get("failed").asInt()).isEqualTo(1);
        JsonNode rows = root.get("table").get("rows");
        assertThat(rows.get(rows.size() - 1).get("label").asText()).isEqualTo("overall");
        assertThat(rows.get(rows.size() - 1).get("values").get("score").asDouble())
                .isEqualTo((13.0 / 3 + 10) / 2);
        assertThat(root.get("failures").get(1).get("kind").asText()).isEqualTo("unreadable");
        JsonNode loop = root.get("loop");
        assertThat(loop.get("turns").get(2).get("carried_mean").asDouble()).isEqualTo(23.0 / 4);
        assertThat(loop.get("stop_reasons").get("threshold").asInt()).isEqualTo(2);
        assertThat(loop.get("got_worse").asInt()).isEqualTo(2);
        assertThat(loop.get("agreement").get("pearson").asDouble()).isEqualTo(-0.06914001258371195, within());
        JsonNode unreadable = root.get("cases").get(4);
        assertThat(unreadable.get("case_id").asText()).isEqualTo("c5");
        assertThat(unreadable.get("score").isNull()).isTrue();
        JsonNode vs = root.get("comparisons").get(0);
        assertThat(vs.get("matched").asInt()).isEqualTo(4);
        assertThat(vs.get("differences").get(0).get("verdict").asText()).isEqualTo("better");
        assertThat(vs.get("differences").get(0).get("ci_low").asDouble()).isEqualTo(1.0);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    @Test
    void csvHasAHeaderNotesFirstAndOneLinePerTableRowAndFigure() throws IOException {
        List<String> lines = write("csv").lines().toList();

        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvFormat.HEADER));
        assertThat(lines.get(1)).startsWith("note,").endsWith("," + Fixtures.NOTE);
        List<String> table = lines.stream().filter(l -> l.startsWith("table,")).toList();
        assertThat(table)
                .hasSize(report.table().rows().size() * report.table().columns().size());
        assertThat(table).contains("table,,overall,overall,score,4,7.166666667,,,,,,,,,");
        assertThat(lines).contains("loop_turn,,3,,carried_mean,4,5.75,,,,,,,,,");
        assertThat(lines).contains("stop_reason,,threshold,,cases,2,2,,,,,,,,,");
        assertThat(lines).anyMatch(l -> l.startsWith("comparison,0,overall,headline,score,4,1,"));
        assertThat(lines).allSatisfy(l -> assertThat(columns(l)).as(l).isEqualTo(CsvFormat.HEADER.size()));
    }

    /** Counts the cells of a CSV line, quotes respected. */
    private static int columns(String line) {
        int cells = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells++;
            }
        }
        return cells;
    }

    @Test
    void casesLinesCarryTheBenchmarksFieldsAndTheRawSubScores() throws IOException {
        List<String> lines = write("cases").lines().toList();

        assertThat(lines)
                .as("one line per case, no header")
                .hasSize(Fixtures.handRun().size());
        JsonNode c2 = JSON.readTree(lines.get(1));
        assertThat(c2.get("key").asText()).isEqualTo("c2");
        assertThat(c2.get("task_type").asText()).isEqualTo("a");
        assertThat(c2.get("Intersection_exist").asText()).isEqualTo("True");
        JsonNode e = c2.get("editloop");
        assertThat(e.get("status").asText()).isEqualTo("scored");
        assertThat(e.get("best_turn").asInt()).isEqualTo(2);
        assertThat(e.get("score").asDouble()).isEqualTo(4.0);
        JsonNode raw = e.get("judge_raw");
        assertThat(raw).hasSize(3);
        assertThat(raw.get(1).get("turn").asInt()).isEqualTo(2);
        assertThat(raw.get(1).get("scores").get("s").asDouble()).isEqualTo(4.0);
        assertThat(raw.get(1).get("reply").asText()).isEqualTo("{\"s\": 4.0}");
        assertThat(e.get("case_scores").get(0).get("derived").get("score").asDouble())
                .isEqualTo(4.0);
        JsonNode c5 = JSON.readTree(lines.get(4)).get("editloop");
        assertThat(c5.get("status").asText()).isEqualTo("unreadable");
        assertThat(c5.get("judge_raw").get(0).get("error").asText()).isEqualTo("unreadable after 2 repairs");
        assertThat(JSON.readTree(lines.get(3)).get("editloop").get("status").asText())
                .isEqualTo("failed");
    }

    @Test
    void tableStartsWithTheNotesAndHoldsEverySection() throws IOException {
        String text = write("table");

        assertThat(text)
                .startsWith(
                        "notes (where these figures depart from the benchmark's official code):\n  - " + Fixtures.NOTE);
        assertThat(text)
                .contains("Benchmark table (mean)")
                .containsPattern("\n  overall +overall +4 +7\\.17\n")
                .containsPattern("\n  c5 +b +unreadable +0 +no JSON object in the reply\n")
                .contains("Failures (listed, never scored): 2")
                .contains("ended worse than turn 1: 2 of 4 (c2, c6)")
                .contains("Pearson -0.069, Spearman -0.157 over 9 judged turns; same best turn in 1 of 3")
                .contains("Comparison B − A on 4 cases")
                .containsPattern("headline\\s+overall\\s+score\\s+4\\s+5\\.75\\s+6\\.75\\s+\\+1\\.000\\s+"
                        + "\\[\\+1\\.000, \\+1\\.000\\]\\s+better");
    }

    @Test
    void htmlIsOneSelfContainedAccessiblePageWithEveryCase() throws IOException {
        Path folder = Files.createDirectories(runDir.resolve("cases/c1"));
        Trajectory trajectory = new Trajectory(
                Trajectory.SCHEMA_VERSION,
                "edit c1",
                "think-while-edit",
                null,
                null,
                5,
                null,
                7,
                "source.png",
                null,
                List.of(new Trajectory.TurnRecord(
                        1,
                        "instruction 1",
                        "turn-1.png",
                        "source",
                        new Trajectory.CritiqueRecord(
                                4.0, 4.0, 4.0, "the sky is still <grey>", "make it blue", "refine", null, "raw"),
                        List.of(),
                        new Trajectory.Timings(1, 1),
                        new Trajectory.UsageRecord(0, 0))),
                2,
                "final.png",
                "threshold",
                null,
                null,
                null);
        TrajectoryJson.write(trajectory, folder.resolve("trajectory.json"));

        String html = write("html");

        assertThat(html).startsWith("<!doctype html>").endsWith("</html>\n");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
        assertThat(html)
                .doesNotContainPattern("(?i)url\\(")
                .doesNotContain("<link")
                .doesNotContain("<script src");
        for (CaseOutcome o : Fixtures.handRun()) {
            assertThat(html).contains("id=\"case-" + o.benchCase().id() + "\"");
        }
        assertThat(html.indexOf(Fixtures.NOTE)).isLessThan(html.indexOf("Benchmark table"));
        assertThat(html).contains("<svg role=\"img\"").contains("<polyline class=\"carried\"");
        assertThat(html).contains("the sky is still &lt;grey&gt;").contains("judge says 4.0");
        assertThat(html).contains("href=\"cases/c1/source.png\"").contains("src=\"cases/c2/turn-3.png\"");
        assertThat(html).contains("data-worse=\"true\"").contains("<label for=\"f-cat\">");
        assertThat(html).contains("<option value=\"b\">b</option>");
        Matcher images = Pattern.compile("<img [^>]*>").matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            assertThat(images.group()).containsPattern("alt=\"[^\"]+\"");
        }
        assertThat(count).as("a source and every turn of every case").isEqualTo(6 + 10);
        assertThat(html).contains("better");
    }

    @Test
    void formatsAreFoundByNameAndAnUnknownOneIsNamed() {
        assertThat(ReportFormat.names()).containsExactly("table", "json", "csv", "cases", "html");
        assertThat(ReportFormat.get(" HTML ").fileName()).isEqualTo("bench-report.html");
        assertThatThrownBy(() -> ReportFormat.get("xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown report format 'xml'; formats: table, json, csv, cases, html");
        assertThat(Arrays.asList("table", "json", "csv", "cases", "html"))
                .allSatisfy(n -> assertThat(ReportFormat.get(n).description()).isNotBlank());
    }
}
