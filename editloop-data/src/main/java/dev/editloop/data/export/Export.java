package dev.editloop.data.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.prompt.Prompts;
import dev.editloop.data.DataDir;
import dev.editloop.data.Jsonl;
import dev.editloop.data.StageProgress;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.StepSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code editloop data export}: files a trainer reads as they are. Files go to {@code data/export/}; image paths in
 * them are relative to the data folder ({@code images/<sha256>.png}), so a trainer is pointed at {@code DIR/data} as
 * its media folder (LLaMA-Factory's {@code media_dir}), or the images are embedded ({@code --images embed}, Parquet
 * only). Schemas: see the README's "Training data" section; the tests read every file back and check them.
 */
public final class Export {
    /** What to export. */
    public enum Format {
        SFT,
        RL,
        REASONEDIT;

        public static Format parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "--format: unknown format '" + s + "'; the formats are sft, rl, reasonedit");
            }
        }
    }

    /** The options. */
    public record Options(Format format, boolean parquet, String layout, boolean embedImages) {
        public Options {
            layout = layout == null
                    ? (format == Format.RL ? "verl" : "llamafactory")
                    : layout.strip().toLowerCase(Locale.ROOT);
            List<String> layouts = switch (format) {
                case SFT -> List.of("llamafactory", "trl");
                case RL -> List.of("verl");
                case REASONEDIT -> List.of("reasonedit");
            };
            if (format == Format.REASONEDIT && layout.equals("llamafactory")) {
                layout = "reasonedit";
            }
            if (!layouts.contains(layout)) {
                throw new InvalidInputException("--layout: '" + layout + "' is not a layout of --format "
                        + format.name().toLowerCase(Locale.ROOT) + "; it has " + String.join(", ", layouts));
            }
            if (embedImages && !parquet) {
                throw new InvalidInputException(
                        "--images embed needs --to parquet (JSON Lines files refer to images" + " by path)");
            }
        }
    }

    /** The files written and how many records each holds. */
    public record Result(Map<Path, Integer> files) {}

    private static final ObjectMapper JSON = Jsonl.mapper();
    private static final String IMAGES = "<image><image>";

    private Export() {}

    /** The user turn's text: the think-while-edit prompt with both instructions, after one image token per image. */
    public static String prompt(StepSample s) {
        return IMAGES
                + Prompts.defaults()
                        .render(
                                Prompts.THINK_WHILE_EDIT,
                                Map.of(
                                        "original_instruction", s.originalInstruction(),
                                        "previous_instruction", s.previousInstruction()));
    }

    /** Runs the export. */
    public static Result run(DataDir dir, Options options, StageProgress progress) {
        Map<Path, Integer> files = new LinkedHashMap<>();
        String ext = options.parquet() ? ".parquet" : ".jsonl";
        switch (options.format()) {
            case SFT -> {
                List<StepSample> steps = Jsonl.read(dir.require(dir.sft(), "split"), StepSample.class);
                Path out = dir.export().resolve("sft-" + options.layout() + ext);
                List<ObjectNode> rows = new ArrayList<>();
                for (StepSample s : steps) {
                    rows.add(options.layout().equals("trl") ? trl(dir, s, options) : llamaFactory(dir, s, options));
                }
                write(dir, rows, out, options, sftColumns(options), sftSelect(options), progress);
                files.put(out, rows.size());
                if (options.layout().equals("llamafactory")) {
                    Path info = dir.export().resolve("dataset_info.json");
                    Jsonl.writeJson(info, datasetInfo(out.getFileName().toString()));
                    files.put(info, 1);
                }
            }
            case RL -> {
                List<StepSample> steps = Jsonl.read(dir.require(dir.rl(), "split"), StepSample.class);
                Path out = dir.export().resolve("rl-verl" + ext);
                List<ObjectNode> rows = new ArrayList<>();
                int index = 0;
                for (StepSample s : steps) {
                    rows.add(verl(dir, s, index++, options));
                }
                write(dir, rows, out, options, rlColumns(options), rlSelect(options), progress);
                files.put(out, rows.size());
            }
            case REASONEDIT -> {
                List<DataTrajectory> trajectories =
                        Jsonl.read(dir.require(dir.trajectories(), "filter"), DataTrajectory.class);
                List<StepSample> steps = Jsonl.read(dir.require(dir.steps(), "unroll"), StepSample.class);
                List<ObjectNode> pairs = new ArrayList<>();
                for (DataTrajectory t : trajectories) {
                    ObjectNode p = thinkingPair(t);
                    if (p != null) {
                        pairs.add(p);
                    }
                }
                List<ObjectNode> triples = new ArrayList<>();
                for (StepSample s : steps) {
                    triples.add(reflectionTriple(s));
                }
                Path pairsOut = dir.export().resolve("reasonedit-thinking" + ext);
                Path triplesOut = dir.export().resolve("reasonedit-reflection" + ext);
                Options plain = new Options(options.format(), options.parquet(), options.layout(), false);
                write(dir, pairs, pairsOut, plain, PAIR_COLUMNS, "*", progress);
                write(dir, triples, triplesOut, plain, TRIPLE_COLUMNS, "*", progress);
                files.put(pairsOut, pairs.size());
                files.put(triplesOut, triples.size());
            }
        }
        return new Result(files);
    }

    // ---- SFT ------------------------------------------------------------------------------------------------------

    static ObjectNode llamaFactory(DataDir dir, StepSample s, Options o) {
        ObjectNode row = JSON.createObjectNode();
        ArrayNode messages = row.putArray("messages");
        messages.addObject().put("role", "user").put("content", prompt(s));
        messages.addObject().put("role", "assistant").put("content", s.target().reply());
        images(dir, row, s, o);
        row.put("id", s.id());
        return row;
    }

    static ObjectNode trl(DataDir dir, StepSample s, Options o) {
        ObjectNode row = JSON.createObjectNode();
        ArrayNode messages = row.putArray("messages");
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "image").putNull("text").put("index", 0);
        content.addObject().put("type", "image").putNull("text").put("index", 1);
        content.addObject()
                .put("type", "text")
                .put("text", prompt(s).substring(IMAGES.length()))
                .putNull("index");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", s.target().reply())
                .putNull("index");
        images(dir, row, s, o);
        row.put("id", s.id());
        return row;
    }

    private static String sftColumns(Options o) {
        String content = o.layout().equals("trl") ? "STRUCT(type VARCHAR, text VARCHAR, index BIGINT)[]" : "VARCHAR";
        return "{'messages': 'STRUCT(role VARCHAR, content " + content
                + ")[]', 'images': 'VARCHAR[]', 'id': 'VARCHAR'}";
    }

    private static String sftSelect(Options o) {
        return "messages, " + imagesSelect(o) + " AS images, id";
    }

    static Map<String, Object> datasetInfo(String file) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file_name", file);
        entry.put("formatting", "sharegpt");
        entry.put("columns", Map.of("messages", "messages", "images", "images"));
        entry.put(
                "tags",
                Map.of("role_tag", "role", "content_tag", "content", "user_tag", "user", "assistant_tag", "assistant"));
        return Map.of("editloop_thinker_sft", entry);
    }

    // ---- RL -------------------------------------------------------------------------------------------------------

    static ObjectNode verl(DataDir dir, StepSample s, int index, Options o) {
        ObjectNode row = JSON.createObjectNode();
        row.put("data_source", "editloop/thinker");
        String prompt = prompt(s);
        row.putArray("prompt").addObject().put("role", "user").put("content", prompt);
        if (o.parquet() && !o.embedImages()) {
            // verl reads {"image": path}; relative paths would depend on the trainer's working folder
            ArrayNode images = row.putArray("images");
            images.add(dir.data().resolve(s.sourceImage()).toAbsolutePath().toString());
            images.add(dir.data().resolve(s.currentImage()).toAbsolutePath().toString());
        } else {
            images(dir, row, s, o);
        }
        row.put("ability", "image-edit-critique");
        ObjectNode truth = JSON.createObjectNode();
        truth.put("scorer_semantic", s.scorer().semantic());
        truth.put("scorer_quality", s.scorer().quality());
        truth.put("scorer_overall", s.scorer().overall());
        truth.put("source_image", s.sourceImage());
        truth.put("original_instruction", s.originalInstruction());
        truth.put("previous_instruction", s.previousInstruction());
        truth.put("task", s.task());
        String groundTruth = truth.toString();
        row.putObject("reward_model").put("style", "rule").put("ground_truth", groundTruth);
        ObjectNode extra = row.putObject("extra_info");
        extra.put("split", "train");
        extra.put("index", index);
        extra.put("id", s.id());
        extra.put("trajectory", s.trajectory());
        extra.put("turn", s.turn());
        extra.put("task", s.task());
        extra.put("original_instruction", s.originalInstruction());
        extra.put("previous_instruction", s.previousInstruction());
        extra.put("scorer_semantic", s.scorer().semantic());
        extra.put("scorer_quality", s.scorer().quality());
        extra.put("scorer_overall", s.scorer().overall());
        extra.put("score_delta", s.scoreDelta());
        extra.put("expert_reply", s.target().reply());
        row.put("problem", prompt);
        row.put("answer", groundTruth);
        return row;
    }

    private static String rlColumns(Options o) {
        return "{'data_source': 'VARCHAR', 'prompt': 'STRUCT(role VARCHAR, content VARCHAR)[]', 'images': 'VARCHAR[]',"
                + " 'ability': 'VARCHAR', 'reward_model': 'STRUCT(style VARCHAR, ground_truth VARCHAR)',"
                + " 'extra_info': 'STRUCT(split VARCHAR, index BIGINT, id VARCHAR, trajectory VARCHAR, turn BIGINT,"
                + " task VARCHAR, original_instruction VARCHAR, previous_instruction VARCHAR, scorer_semantic DOUBLE,"
                + " scorer_quality DOUBLE, scorer_overall DOUBLE, score_delta DOUBLE, expert_reply VARCHAR)',"
                + " 'problem': 'VARCHAR', 'answer': 'VARCHAR'}";
    }

    private static String rlSelect(Options o) {
        String images = o.embedImages() ? imagesSelect(o) : "list_transform(images, x -> {'image': x})";
        return "data_source, prompt, " + images + " AS images, ability, reward_model, extra_info, problem, answer";
    }

    // ---- ReasonEdit -----------------------------------------------------------------------------------------------

    private static final String PAIR_COLUMNS = "{'id': 'VARCHAR', 'task': 'VARCHAR', 'image': 'VARCHAR',"
            + " 'abstract_instruction': 'VARCHAR', 'concrete_instruction': 'VARCHAR', 'actions': 'VARCHAR[]'}";
    private static final String TRIPLE_COLUMNS = "{'id': 'VARCHAR', 'task': 'VARCHAR', 'images': 'VARCHAR[]',"
            + " 'instruction': 'VARCHAR', 'original_instruction': 'VARCHAR', 'reasoning': 'VARCHAR',"
            + " 'verdict': 'VARCHAR', 'correction': 'VARCHAR'}";

    /**
     * A thinking pair: the user's (abstract) instruction and the concrete instruction that made the best turn, split
     * into its actions; null when the best turn used the user's instruction unchanged (nothing was made concrete).
     */
    static ObjectNode thinkingPair(DataTrajectory t) {
        String concrete = t.turns().getLast().instruction().strip();
        if (concrete.equals(t.instruction().strip())) {
            return null;
        }
        ObjectNode row = JSON.createObjectNode();
        row.put("id", t.id());
        row.put("task", t.task());
        row.put("image", t.source());
        row.put("abstract_instruction", t.instruction());
        row.put("concrete_instruction", concrete);
        ArrayNode actions = row.putArray("actions");
        for (String a : concrete.split("(?i)\\s*(?:;|,\\s*then|\\bthen\\b|,\\s*and\\s+then)\\s*")) {
            if (!a.isBlank()) {
                actions.add(a.strip());
            }
        }
        return row;
    }

    /**
     * A reflection triple: the images (source, edit), the instruction that made the edit, and the verdict with its
     * correction: {@code SUCCESS} on the step where the expert's trajectory stops, else {@code REFLECTION} with the
     * next instruction as the correction.
     */
    static ObjectNode reflectionTriple(StepSample s) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", s.id());
        row.put("task", s.task());
        row.putArray("images").add(s.sourceImage()).add(s.currentImage());
        row.put("instruction", s.previousInstruction());
        row.put("original_instruction", s.originalInstruction());
        row.put("reasoning", s.target().reasoning());
        boolean stop = StepSample.Target.STOP.equals(s.target().label());
        row.put("verdict", stop ? "SUCCESS" : "REFLECTION");
        if (stop) {
            row.putNull("correction");
        } else {
            row.put("correction", s.target().refinedInstruction());
        }
        return row;
    }

    // ---- images and files -----------------------------------------------------------------------------------------

    /**
     * The {@code images} field: paths relative to the data folder; with {@code embed}, each image's bytes as base64
     * (turned into BLOBs when the Parquet file is written).
     */
    private static void images(DataDir dir, ObjectNode row, StepSample s, Options o) {
        ArrayNode images = row.putArray("images");
        for (String p : List.of(s.sourceImage(), s.currentImage())) {
            if (o.embedImages()) {
                try {
                    images.add(Base64.getEncoder()
                            .encodeToString(Files.readAllBytes(dir.data().resolve(p))));
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot read the image " + dir.data().resolve(p) + ": " + e.getMessage(), e);
                }
            } else {
                images.add(p);
            }
        }
    }

    /** Embedded: a list of {bytes, path} structs (the Hugging Face image layout verl and TRL read); else paths. */
    private static String imagesSelect(Options o) {
        return o.embedImages()
                ? "list_transform(images, x -> {'bytes': from_base64(x), 'path': CAST(NULL AS VARCHAR)})"
                : "images";
    }

    private static void write(
            DataDir dir,
            List<ObjectNode> rows,
            Path out,
            Options o,
            String columns,
            String select,
            StageProgress progress) {
        if (!o.parquet()) {
            Jsonl.write(out, rows);
            progress.update(rows.size(), rows.size());
            return;
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".rows.jsonl");
        try {
            Jsonl.write(tmp, rows);
            progress.update(rows.size() / 2, rows.size());
            Parquet.write(tmp, columns, select, out);
            progress.update(rows.size(), rows.size());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover is overwritten by the next export
            }
        }
    }
}
