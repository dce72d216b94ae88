package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.data.Jsonl;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.StepSample;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data pipeline end to end on the embedded backends over the shared photos: generate, filter, unroll, balance,
 * split, export SFT and RL (JSONL and Parquet, read back), stats.
 */
class DataCommandTest {
    @TempDir
    Path tmp;

    private static final String[][] CASES = {
        {"old-photo", "make this look like an old photograph", "concept"},
        {"winter", "make it feel like a cold winter morning", "concept"},
        {"noir", "make it look like a film noir still", "concept"},
        {"bw", "make it black and white", "plain"},
        {"hat", "add a red hat on the cat", "object"},
    };

    private Path cases() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String photo : List.of("astronaut.png", "coffee.png", "rocket.jpg", "chelsea.png")) {
            Optional<Path> p = TestImages.shared(photo);
            assumeTrue(p.isPresent(), "the shared photos are absent (../shared/images)");
            for (String[] c : CASES) {
                lines.add(Jsonl.mapper()
                        .writeValueAsString(java.util.Map.of(
                                "id",
                                c[0] + "-" + photo.replaceAll("\\..*", ""),
                                "image",
                                p.get().toString(),
                                "instruction",
                                c[1],
                                "category",
                                c[2])));
            }
        }
        return Files.write(tmp.resolve("cases.jsonl"), lines);
    }

    @Test
    void theWholePipelineRunsAndEveryExportReadsBackInItsTrainersSchema() throws Exception {
        Path cases = cases();
        Path dir = tmp.resolve("set");
        CliRun gen = CliRun.of(
                "data", "generate", "--cases", cases.toString(), "--out", dir.toString(), "--max-turns", "4", "-q");
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("generate: 20 trajectories done, 0 failed of 20 cases");

        CliRun again = CliRun.of(
                "data", "generate", "--cases", cases.toString(), "--out", dir.toString(), "--max-turns", "4", "-q");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("20 trajectories done");

        CliRun filter = CliRun.of("data", "filter", dir.toString(), "-q");
        assertThat(filter.exit()).as(filter.err()).isZero();
        assertThat(filter.out()).containsPattern("filter: kept \\d+ of 20 trajectories");
        List<DataTrajectory> kept = Jsonl.read(dir.resolve("data/trajectories.jsonl"), DataTrajectory.class);
        assertThat(kept).isNotEmpty();
        for (DataTrajectory t : kept) {
            double first = t.turns().getFirst().scorer().overall();
            double last = t.turns().getLast().scorer().overall();
            assertThat(last).as(t.id()).isGreaterThanOrEqualTo(first);
            assertThat(t.turns()).as(t.id()).hasSizeGreaterThanOrEqualTo(2);
        }
        // the plain edits are done at turn 1: nothing later to compare with
        assertThat(filter.out()).contains("only one turn");
        byte[] firstRun = Files.readAllBytes(dir.resolve("data/trajectories.jsonl"));
        assertThat(CliRun.of("data", "filter", dir.toString(), "-q").exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("data/trajectories.jsonl"))).isEqualTo(firstRun);
        // images are stored once by content: four sources, named by their hash
        try (var files = Files.list(dir.resolve("data/images"))) {
            List<Path> images = files.toList();
            assertThat(images).allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.(png|jpg)"));
            for (Path p : images) {
                assertThat(p.getFileName().toString())
                        .startsWith(dev.editloop.core.BackendIdentity.sha256(Files.readAllBytes(p)));
            }
        }

        CliRun unroll = CliRun.of("data", "unroll", dir.toString());
        assertThat(unroll.exit()).as(unroll.err()).isZero();
        List<StepSample> steps = Jsonl.read(dir.resolve("data/steps.jsonl"), StepSample.class);
        assertThat(steps).hasSize(kept.stream().mapToInt(t -> t.turns().size()).sum());
        assertThat(steps.stream().filter(s -> s.target().label().equals("stop")))
                .hasSize(kept.size());

        CliRun balance = CliRun.of("data", "balance", dir.toString(), "--by", "task,score", "--seed", "3");
        assertThat(balance.exit()).as(balance.err()).isZero();
        assertThat(balance.out()).contains("balance: kept");

        CliRun split = CliRun.of("data", "split", dir.toString(), "--rl-trajectories", "2");
        assertThat(split.exit()).as(split.err()).isZero();
        List<StepSample> sft = Jsonl.read(dir.resolve("data/sft.jsonl"), StepSample.class);
        List<StepSample> rl = Jsonl.read(dir.resolve("data/rl.jsonl"), StepSample.class);
        Set<String> rlTrajectories = new HashSet<>();
        rl.forEach(s -> rlTrajectories.add(s.trajectory()));
        assertThat(rlTrajectories).hasSize(2);
        assertThat(sft).noneMatch(s -> rlTrajectories.contains(s.trajectory()));

        CliRun sftJson = CliRun.of("data", "export", dir.toString(), "--format", "sft", "--to", "jsonl", "-q");
        assertThat(sftJson.exit()).as(sftJson.err()).isZero();
        Path sftFile = dir.resolve("data/export/sft-llamafactory.jsonl");
        for (String line : Files.readAllLines(sftFile)) {
            var row = Jsonl.mapper().readTree(line);
            assertThat(row.get("messages")).hasSize(2);
            assertThat(row.get("messages").get(0).get("role").asText()).isEqualTo("user");
            String user = row.get("messages").get(0).get("content").asText();
            assertThat(user).startsWith("<image><image>");
            assertThat(row.get("images")).hasSize(2);
            for (var image : row.get("images")) {
                assertThat(dir.resolve("data").resolve(image.asText())).isRegularFile();
            }
            String reply = row.get("messages").get(1).get("content").asText();
            assertThat(dev.editloop.data.reward.ReplyFormat.check(reply).perfect())
                    .as(reply)
                    .isTrue();
        }
        assertThat(Files.readString(dir.resolve("data/export/dataset_info.json")))
                .contains("\"formatting\" : \"sharegpt\"");

        CliRun rlParquet = CliRun.of("data", "export", dir.toString(), "--format", "rl", "--to", "parquet", "-q");
        assertThat(rlParquet.exit()).as(rlParquet.err()).isZero();
        assertThat(rlParquet.out()).contains("rl-verl.parquet (" + rl.size() + " records");
        Path rlFile = dir.resolve("data/export/rl-verl.parquet");
        try (var c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement()) {
            ResultSet schema = s.executeQuery(
                    "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '" + rlFile.toAbsolutePath() + "')");
            List<String> columns = new ArrayList<>();
            while (schema.next()) {
                columns.add(schema.getString(1) + " " + schema.getString(2));
            }
            assertThat(columns)
                    .contains(
                            "data_source VARCHAR",
                            "prompt STRUCT(\"role\" VARCHAR, \"content\" VARCHAR)[]",
                            "images STRUCT(bytes BLOB, path VARCHAR)[]",
                            "reward_model STRUCT(style VARCHAR, ground_truth VARCHAR)");
            ResultSet rows = s.executeQuery("SELECT len(images), octet_length(images[1].bytes), prompt[1].content,"
                    + " reward_model.ground_truth FROM '" + rlFile.toAbsolutePath() + "'");
            int n = 0;
            while (rows.next()) {
                n++;
                assertThat(rows.getInt(1)).isEqualTo(2);
                assertThat(rows.getLong(2)).isGreaterThan(1000);
                assertThat(rows.getString(3)).startsWith("<image><image>");
                assertThat(Jsonl.mapper()
                                .readTree(rows.getString(4))
                                .get("scorer_overall")
                                .isNumber())
                        .isTrue();
            }
            assertThat(n).isEqualTo(rl.size());
        }

        if (System.getenv("EDITLOOP_DATA_TEST_PRINT") != null) {
            for (CliRun r : List.of(gen, filter, unroll, balance, split, sftJson, rlParquet)) {
                System.err.println(r.out());
            }
        }
        CliRun stats = CliRun.of("data", "stats", dir.toString());
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("trajectories  20 generated").contains("split         SFT");
        if (System.getenv("EDITLOOP_DATA_TEST_PRINT") != null) {
            System.err.println(stats.out());
        }
        String html = Files.readString(dir.resolve("data/stats.html"));
        assertThat(html)
                .contains("<svg")
                .doesNotContain("<script")
                .doesNotContain("http://cdn")
                .doesNotContain("https://");
    }

    @Test
    void theRewardCommandScoresTheExampleRolloutsRunningOnlyTheEditThatIsNeeded() throws Exception {
        String rollouts =
                TestImages.repoRoot().resolve("examples/data/rollouts.jsonl").toString();
        Path out = tmp.resolve("rewards.jsonl");
        CliRun run = CliRun.of("data", "reward", "--rollouts", rollouts, "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("reward: 3 rollouts", "1 edits run");
        List<String> lines = Files.readAllLines(out);
        var good = Jsonl.mapper().readTree(lines.get(0));
        assertThat(good.get("format").asDouble()).isEqualTo(1.0);
        assertThat(good.get("edit").asDouble()).isGreaterThan(0.5); // the spelled-out effects beat the unchanged image
        var lazy = Jsonl.mapper().readTree(lines.get(1));
        assertThat(lazy.get("critic").asDouble()).isEqualTo(0.5); // claims (9, 9) where the scorer gave (0, 10)
        assertThat(lazy.get("edit").asDouble()).isZero();
        var sloppy = Jsonl.mapper().readTree(lines.get(2));
        assertThat(sloppy.get("total").asDouble()).isEqualTo(-1.0);
        CliRun bad = CliRun.of("data", "reward", "--rollouts", rollouts, "--weights", "1,x,1");
        assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.errorLines()).singleElement().asString().contains("--weights expects three numbers");
    }

    @Test
    void theSyntheticBenchmarkTimesEveryStage() {
        CliRun run = CliRun.of("data", "bench", tmp.resolve("synthetic").toString(), "--steps", "3000");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("filter", "unroll", "balance", "split", "export sft jsonl", "export rl parquet")
                .containsPattern("make +[0-9.]+ s");
        assertThat(tmp.resolve("synthetic/data/export/rl-verl.parquet")).isRegularFile();
        CliRun again = CliRun.of("data", "bench", tmp.resolve("synthetic").toString(), "--steps", "10");
        assertThat(again.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(again.errorLines()).singleElement().asString().contains("is not empty");
    }

    @Test
    void aStageBeforeItsInputSaysWhichCommandToRunFirst() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        CliRun unroll = CliRun.of("data", "unroll", dir.toString());
        assertThat(unroll.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(unroll.errorLines()).singleElement().asString().contains("run 'editloop data filter");
        CliRun split = CliRun.of("data", "split", dir.toString(), "--rl-trajectories", "3");
        assertThat(split.errorLines()).singleElement().asString().contains("run 'editloop data unroll");
        CliRun export =
                CliRun.of("data", "export", dir.toString(), "--format", "sft", "--to", "jsonl", "--images", "embed");
        assertThat(export.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(export.errorLines()).singleElement().asString().contains("--images embed needs --to parquet");
        CliRun bad = CliRun.of("data", "balance", dir.toString(), "--by", "mood");
        assertThat(bad.errorLines()).singleElement().asString().contains("unknown key 'mood'");
    }
}
