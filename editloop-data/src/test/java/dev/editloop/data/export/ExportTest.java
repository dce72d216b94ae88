package dev.editloop.data.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.data.DataDir;
import dev.editloop.data.Jsonl;
import dev.editloop.data.StageProgress;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.StepSample;
import dev.editloop.data.reward.ReplyFormat;
import dev.editloop.data.stage.Split;
import dev.editloop.data.stage.Unroll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export read back and checked against the layout its trainer documents. */
class ExportTest {
    @TempDir
    Path tmp;

    private DataDir dir;

    @BeforeEach
    void dataSet() throws Exception {
        dir = new DataDir(tmp);
        Files.createDirectories(dir.images());
        List<DataTrajectory> ts = List.of(
                trajectory("t1", "style", "make it moody", "apply a blue tint; darken the corners", 2, 8),
                trajectory("t2", "color", "make it warm", "apply a sepia tone at 40%", 5, 7));
        Jsonl.write(dir.trajectories(), ts);
        List<StepSample> steps = new ArrayList<>();
        ts.forEach(t -> Unroll.unroll(t, steps::add));
        Jsonl.write(dir.steps(), steps);
        Split.run(dir, 1, 10);
    }

    private DataTrajectory trajectory(String id, String task, String request, String concrete, double a, double b)
            throws Exception {
        for (String name : List.of(id + "-src.png", id + "-1.png", id + "-2.png")) {
            Files.write(dir.images().resolve(name), ("png bytes of " + name).getBytes());
        }
        var c1 = new dev.editloop.data.model.Critic(a, a, "not yet", concrete, "refine", "raw");
        var c2 = new dev.editloop.data.model.Critic(b, b, "good", concrete, "success", "raw");
        return new DataTrajectory(
                id,
                task,
                request,
                "images/" + id + "-src.png",
                "threshold",
                List.of(
                        new dev.editloop.data.model.DataTurn(
                                1, request, "images/" + id + "-1.png", c1, dev.editloop.data.model.Scores.of(a, a)),
                        new dev.editloop.data.model.DataTurn(
                                2, concrete, "images/" + id + "-2.png", c2, dev.editloop.data.model.Scores.of(b, b))),
                2);
    }

    private List<List<String>> query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private List<String> schema(Path file) throws Exception {
        return query("SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM '" + file + "')").stream()
                .map(List::getFirst)
                .toList();
    }

    @Test
    void llamaFactorySharegptInJsonlAndParquet() throws Exception {
        var r = Export.run(dir, new Export.Options(Export.Format.SFT, false, null, false), StageProgress.NONE);
        Path jsonl = dir.export().resolve("sft-llamafactory.jsonl");
        assertThat(r.files()).containsKey(jsonl);
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(2); // t2's two steps: t1 (the higher variance) went to RL
        for (String line : lines) {
            JsonNode row = Jsonl.mapper().readTree(line);
            JsonNode m = row.get("messages");
            assertThat(m.get(0).get("role").asText()).isEqualTo("user");
            assertThat(m.get(1).get("role").asText()).isEqualTo("assistant");
            String user = m.get(0).get("content").asText();
            // one <image> token per image, as LLaMA-Factory requires
            assertThat(user.split("<image>", -1).length - 1)
                    .isEqualTo(row.get("images").size());
            assertThat(user).contains("The user's request: make it warm");
            assertThat(ReplyFormat.check(m.get(1).get("content").asText()).perfect())
                    .isTrue();
            for (JsonNode image : row.get("images")) {
                assertThat(dir.data().resolve(image.asText())).isRegularFile();
            }
        }
        JsonNode info = Jsonl.mapper()
                .readTree(dir.export().resolve("dataset_info.json").toFile());
        assertThat(info.get("editloop_thinker_sft").get("file_name").asText()).isEqualTo("sft-llamafactory.jsonl");
        assertThat(info.get("editloop_thinker_sft").get("columns").get("images").asText())
                .isEqualTo("images");

        Export.run(dir, new Export.Options(Export.Format.SFT, true, "llamafactory", false), StageProgress.NONE);
        Path parquet = dir.export().resolve("sft-llamafactory.parquet");
        assertThat(schema(parquet))
                .containsExactly(
                        "messages STRUCT(\"role\" VARCHAR, \"content\" VARCHAR)[]", "images VARCHAR[]", "id VARCHAR");
        assertThat(query("SELECT messages[2].content FROM '" + parquet + "'"))
                .extracting(List::getFirst)
                .allMatch(reply -> ReplyFormat.check(reply).perfect());
    }

    @Test
    void trlVisionLayoutWithEmbeddedImages() throws Exception {
        Export.run(dir, new Export.Options(Export.Format.SFT, true, "trl", true), StageProgress.NONE);
        Path parquet = dir.export().resolve("sft-trl.parquet");
        assertThat(schema(parquet))
                .containsExactly(
                        "messages STRUCT(\"role\" VARCHAR, \"content\" STRUCT(\"type\" VARCHAR, \"text\" VARCHAR,"
                                + " \"index\" BIGINT)[])[]",
                        "images STRUCT(bytes BLOB, path VARCHAR)[]",
                        "id VARCHAR");
        List<List<String>> rows = query("SELECT messages[1].content[1].type, messages[1].content[2].type,"
                + " messages[1].content[3].type, messages[2].content[1].text, len(images),"
                + " decode(images[1].bytes) FROM '" + parquet + "'");
        assertThat(rows).hasSize(2);
        for (List<String> row : rows) {
            assertThat(row.subList(0, 3)).containsExactly("image", "image", "text");
            assertThat(ReplyFormat.check(row.get(3)).perfect()).isTrue();
            assertThat(row.get(4)).isEqualTo("2");
            assertThat(row.get(5)).isEqualTo("png bytes of t2-src.png"); // the image's own bytes
        }
    }

    @Test
    void verlRecordsByPathAndEmbedded() throws Exception {
        Export.run(dir, new Export.Options(Export.Format.RL, true, null, false), StageProgress.NONE);
        Path parquet = dir.export().resolve("rl-verl.parquet");
        assertThat(schema(parquet)).contains("images STRUCT(image VARCHAR)[]", "problem VARCHAR", "answer VARCHAR");
        List<List<String>> rows = query("SELECT images[2].image, reward_model.style, reward_model.ground_truth,"
                + " extra_info.trajectory, extra_info.turn, data_source FROM '" + parquet + "'");
        assertThat(rows).hasSize(2);
        assertThat(rows).allMatch(r -> r.get(3).equals("t1"));
        assertThat(Path.of(rows.get(0).get(0))).isAbsolute().isRegularFile();
        assertThat(rows.get(0).get(1)).isEqualTo("rule");
        JsonNode truth = Jsonl.mapper().readTree(rows.get(0).get(2));
        assertThat(truth.get("scorer_semantic").asDouble()).isEqualTo(2.0);
        assertThat(truth.get("previous_instruction").asText()).isEqualTo("make it moody");
        assertThat(rows.get(1).get(4)).isEqualTo("2");
    }

    @Test
    void reasonEditThinkingPairsAndReflectionTriples() throws Exception {
        Export.run(dir, new Export.Options(Export.Format.REASONEDIT, false, null, false), StageProgress.NONE);
        List<String> pairs = Files.readAllLines(dir.export().resolve("reasonedit-thinking.jsonl"));
        assertThat(pairs).hasSize(2);
        JsonNode p = Jsonl.mapper().readTree(pairs.getFirst());
        assertThat(p.get("abstract_instruction").asText()).isEqualTo("make it moody");
        assertThat(p.get("concrete_instruction").asText()).isEqualTo("apply a blue tint; darken the corners");
        assertThat(p.get("actions")).hasSize(2);
        List<String> triples = Files.readAllLines(dir.export().resolve("reasonedit-reflection.jsonl"));
        assertThat(triples).hasSize(4);
        JsonNode first = Jsonl.mapper().readTree(triples.get(0));
        assertThat(first.get("verdict").asText()).isEqualTo("REFLECTION");
        assertThat(first.get("correction").asText()).isEqualTo("apply a blue tint; darken the corners");
        JsonNode second = Jsonl.mapper().readTree(triples.get(1));
        assertThat(second.get("verdict").asText()).isEqualTo("SUCCESS");
        assertThat(second.get("correction").isNull()).isTrue();
        Export.run(dir, new Export.Options(Export.Format.REASONEDIT, true, null, false), StageProgress.NONE);
        assertThat(schema(dir.export().resolve("reasonedit-reflection.parquet")))
                .contains("images VARCHAR[]", "verdict VARCHAR");
    }
}
