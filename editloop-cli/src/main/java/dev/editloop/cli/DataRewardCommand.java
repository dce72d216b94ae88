package dev.editloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.bench.protocol.Protocols;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.data.Jsonl;
import dev.editloop.data.reward.BackendEditScorer;
import dev.editloop.data.reward.EditTask;
import dev.editloop.data.reward.RewardBatch;
import dev.editloop.data.reward.RewardInput;
import dev.editloop.data.reward.RewardResult;
import dev.editloop.data.reward.RewardWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code editloop data reward}: the GRPO rewards of a batch of thinker replies. */
@Command(
        name = "reward",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Score a batch of thinker replies with the three GRPO rewards: format (tags in order, numeric scores in"
                    + " range), critic (predicted scores close to the scorer's) and edit (the refined instruction,"
                    + " run by the editor and scored, beats the critiqued turn). Edits run concurrently, each"
                    + " distinct one once. A rollout is a JSON line: id, reply, scorer_semantic, scorer_quality, and"
                    + " for the edit reward source_image, original_instruction, previous_instruction, task, seed.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data reward --rollouts rollouts.jsonl",
            "  ./editloop data reward --rollouts rollouts.jsonl \\",
            "      --editor comfyui:http://gpu1:8188?workflow=qwen-image-edit \\",
            "      --scorer openai-chat:http://127.0.0.1:8000/v1?model=judge \\",
            "      --concurrency 16 --out rewards.jsonl"
        })
final class DataRewardCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rollouts", paramLabel = "FILE", required = true, description = "The replies, JSON Lines.")
    Path rollouts;

    @Option(
            names = "--editor",
            paramLabel = "SPEC",
            defaultValue = "embedded",
            description = "The editor that runs refined instructions (default: ${DEFAULT-VALUE}).")
    String editor;

    @Option(
            names = "--scorer",
            paramLabel = "SPEC",
            defaultValue = "embedded",
            description = "The scorer that judges the edits, VIEScore protocol (default: ${DEFAULT-VALUE}).")
    String scorer;

    @Option(
            names = {"-k", "--concurrency"},
            paramLabel = "K",
            defaultValue = "4",
            description = "Edits at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--weights",
            paramLabel = "F,C,E",
            defaultValue = "1,1,1",
            description = "Weights of format, critic and edit in the total (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--no-edit", description = "Leave the edit reward out (no editor, no scorer calls).")
    boolean noEdit;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rewards here (default: standard output).")
    Path out;

    @Mixin(name = ConfigOption.NAME)
    ConfigOption config;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(rollouts)) {
            throw new InvalidInputException("--rollouts " + rollouts + ": no such file");
        }
        RewardWeights w = weights(weights);
        List<RewardInput> inputs = read(rollouts);
        EditLoopConfig cfg = config.config();
        BackendSession session = new BackendSession(BackendRegistry.load(), cfg::resolve);
        try (session) {
            BackendEditScorer edits = noEdit
                    ? null
                    : new BackendEditScorer(
                            session.editor(editor), session.judge(scorer), Protocols.get("vie", Map.of()));
            RewardBatch batch = new RewardBatch(edits, w, concurrency);
            long start = System.nanoTime();
            List<RewardResult> results = batch.score(inputs);
            List<ObjectNode> rows = new ArrayList<>();
            double sum = 0;
            for (RewardResult r : results) {
                rows.add(row(r));
                sum += r.total();
            }
            var err = spec.commandLine().getErr();
            if (out == null) {
                var stdout = spec.commandLine().getOut();
                rows.forEach(stdout::println);
                stdout.flush();
            } else {
                Jsonl.write(out, rows);
            }
            err.println(String.format(
                    Locale.ROOT,
                    "reward: %d rollouts, mean total %.3f, %d edits run in %s%s",
                    results.size(),
                    results.isEmpty() ? 0.0 : sum / results.size(),
                    batch.editsRun(),
                    BenchProgressBar.duration(java.time.Duration.ofNanos(System.nanoTime() - start)),
                    out == null ? "" : " · " + out));
            err.flush();
        }
        return Main.OK;
    }

    static RewardWeights weights(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new InvalidInputException("--weights expects three numbers F,C,E, got '" + text + "'");
        }
        try {
            return new RewardWeights(
                    Double.parseDouble(parts[0].strip()),
                    Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--weights expects three numbers F,C,E, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--weights: " + e.getMessage());
        }
    }

    private static List<RewardInput> read(Path file) {
        Path base = file.toAbsolutePath().getParent();
        List<RewardInput> inputs = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            try {
                JsonNode n = Jsonl.mapper().readTree(line);
                String id = n.hasNonNull("id") ? n.get("id").asText() : Integer.toString(i + 1);
                EditTask task = null;
                if (n.hasNonNull("source_image")) {
                    Path image = base.resolve(n.get("source_image").asText());
                    if (!Files.isRegularFile(image)) {
                        throw new InvalidInputException(where + ": source_image " + image + " does not exist");
                    }
                    task = new EditTask(
                            image,
                            text(n, "original_instruction", where),
                            n.path("previous_instruction").asText(null),
                            n.path("task").asText(null),
                            n.path("seed").asLong(0));
                }
                if (!n.path("scorer_semantic").isNumber()
                        || !n.path("scorer_quality").isNumber()) {
                    throw new InvalidInputException(where + ": scorer_semantic and scorer_quality must be numbers");
                }
                inputs.add(new RewardInput(
                        id,
                        n.path("reply").asText(""),
                        n.get("scorer_semantic").asDouble(),
                        n.get("scorer_quality").asDouble(),
                        task));
            } catch (IOException e) {
                throw new InvalidInputException(where + ": not JSON ("
                        + e.getMessage().lines().findFirst().orElse("") + ")");
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + ": " + e.getMessage());
            }
        }
        return inputs;
    }

    private static String text(JsonNode n, String field, String where) {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            throw new InvalidInputException(where + ": " + field + " is required with source_image");
        }
        return n.get(field).asText();
    }

    private static ObjectNode row(RewardResult r) {
        ObjectNode o = Jsonl.mapper().createObjectNode();
        o.put("id", r.id());
        o.put("format", r.format());
        o.put("critic", r.critic());
        number(o, "edit", r.edit());
        o.put("total", r.total());
        number(o, "predicted_semantic", r.predictedSemantic());
        number(o, "predicted_quality", r.predictedQuality());
        o.put("refined_instruction", r.refinedInstruction());
        number(o, "overall_after", r.overallAfter());
        var problems = o.putArray("problems");
        r.problems().forEach(problems::add);
        return o;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
