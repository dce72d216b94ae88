package dev.editloop.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.bench.protocol.Protocols;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.data.reward.BackendEditScorer;
import dev.editloop.data.reward.EditTask;
import dev.editloop.data.reward.RewardBatch;
import dev.editloop.data.reward.RewardInput;
import dev.editloop.data.reward.RewardResult;
import dev.editloop.data.reward.RewardWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code POST /v1/rewards}: the GRPO rewards of a batch of thinker replies (the data module's {@link RewardBatch}).
 *
 * <p>One {@link RewardBatch} serves every request, so an edit (source bytes, user instruction, refined instruction,
 * seed) runs once for the life of the server, whichever batch asks for it first; its editor and scorer come from the
 * server's shared {@link BackendSession}. At most {@link RewardOptions#batches()} batches are admitted at once (the
 * next gets 429 with {@code Retry-After}), and their edits share {@link RewardOptions#editConcurrency()} slots.
 *
 * <p>Source images arrive as base64 in the JSON body, per rollout ({@code source_image}) or once per batch in
 * {@code images} and named by the rollouts ({@code source_image_ref}: a GRPO group shares one source). They are checked
 * like uploads (format by the first bytes, pixel count from the header), then written under {@code <data>/rewards/}
 * named by their content's hash while a batch needs them, and deleted after.
 */
final class RewardService implements AutoCloseable {
    static final String ROUTE = "/v1/rewards";

    private static final Set<String> TOP = Set.of("rollouts", "weights", "images");
    private static final List<String> ROLLOUT = List.of(
            "id",
            "reply",
            "scorer_semantic",
            "scorer_quality",
            "source_image",
            "source_image_ref",
            "original_instruction",
            "previous_instruction",
            "task",
            "seed");
    private static final Set<String> WEIGHTS = Set.of("format", "critic", "edit");
    private static final int MAX_REPLY_CHARS = 64_000;
    private static final int MAX_ID_CHARS = 256;

    private final ServerOptions options;
    private final RewardOptions limits;
    private final RewardBatch batch;
    private final Semaphore admission;
    private final Path dir;
    private final UnaryOperator<String> scrub;
    private final Map<Path, Integer> inUse = new HashMap<>();
    private final ReentrantLock files = new ReentrantLock();
    private final String editorName;
    private final String scorerName;
    // average wall time of a batch, for Retry-After (ms; an exponential moving average)
    private volatile double averageMs = 5_000;

    /**
     * @throws InvalidInputException when the reward editor or scorer spec cannot be resolved
     */
    RewardService(ServerOptions options, BackendSession session, UnaryOperator<String> scrub) throws IOException {
        this.options = options;
        this.limits = options.rewards();
        this.scrub = scrub;
        String editorSpec = limits.editor() != null ? limits.editor() : options.editor();
        String scorerSpec = limits.scorer() != null ? limits.scorer() : options.thinker();
        BackendSpec editor = resolve(options, editorSpec, "--reward-editor");
        BackendSpec scorer = resolve(options, scorerSpec, "--reward-scorer");
        BackendEditScorer edits;
        try {
            edits = new BackendEditScorer(
                    session.editor(editor), session.judge(scorer), Protocols.get("vie", Map.of()));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("the reward endpoint's backends: " + e.getMessage(), e);
        }
        this.editorName = editor.display();
        this.scorerName = scorer.display();
        this.batch = new RewardBatch(edits, RewardWeights.EQUAL, limits.editConcurrency());
        this.admission = new Semaphore(limits.batches());
        this.dir = options.dataDir().resolve("rewards");
        Files.createDirectories(dir);
        // images a previous server left behind (it stopped mid-batch)
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static BackendSpec resolve(ServerOptions options, String spec, String option) {
        try {
            return options.config().resolve(spec);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + " '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** The editor and scorer the endpoint runs edits with, for {@code /api/options}. */
    String editorName() {
        return editorName;
    }

    String scorerName() {
        return scorerName;
    }

    /** Edits run so far (each distinct edit once). */
    long editsRun() {
        return batch.editsRun();
    }

    void handle(Http h) throws IOException {
        if (!admission.tryAcquire()) {
            throw new ApiError(
                    429,
                    "the reward endpoint is busy (" + limits.batches() + " batches at once); try again later",
                    null,
                    Long.toString(retryAfterSeconds()));
        }
        List<Path> held = new ArrayList<>();
        ObjectNode out;
        try {
            long start = System.nanoTime();
            String type = h.header("Content-Type");
            if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new ApiError(
                        415,
                        "send the batch as JSON (Content-Type: application/json), not " + Multipart.clip(type),
                        null);
            }
            byte[] body = h.body(limits.maxBytes());
            Parsed parsed = parse(body);
            List<RewardInput> inputs = new ArrayList<>(parsed.rollouts.size());
            Map<String, Path> byKey = new HashMap<>();
            for (int i = 0; i < parsed.rollouts.size(); i++) {
                Rollout r = parsed.rollouts.get(i);
                EditTask task = null;
                if (r.image != null) {
                    Path file = byKey.get(r.image.key);
                    if (file == null) {
                        file = hold(r.image);
                        held.add(file);
                        byKey.put(r.image.key, file);
                    }
                    task = new EditTask(file, r.original, r.previous, r.task, r.seed);
                }
                inputs.add(new RewardInput(r.id, r.reply, r.semantic, r.quality, task));
            }
            List<RewardResult> results = batch.score(inputs);
            out = Json.object();
            ArrayNode rewards = out.putArray("rewards");
            Set<String> distinct = new LinkedHashSet<>();
            for (int i = 0; i < results.size(); i++) {
                RewardResult r = results.get(i);
                rewards.add(row(r, parsed.weights));
                if (r.refinedInstruction() != null) {
                    Rollout in = parsed.rollouts.get(i);
                    distinct.add(String.join(
                            "\u0000", in.image.key, in.original, r.refinedInstruction(), Long.toString(in.seed)));
                }
            }
            ObjectNode w = out.putObject("weights");
            w.put("format", parsed.weights.format());
            w.put("critic", parsed.weights.critic());
            w.put("edit", parsed.weights.edit());
            out.put("edits", distinct.size());
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.put("ms", ms);
            averageMs = averageMs * 0.8 + ms * 0.2;
        } finally {
            release(held);
            admission.release();
        }
        // the slot is free before the answer leaves: a client that has its rewards can send the next batch at once
        h.json(200, out);
    }

    private ObjectNode row(RewardResult r, RewardWeights weights) {
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("format", r.format());
        o.put("critic", r.critic());
        number(o, "edit", r.edit());
        o.put("total", weights.total(r.format(), r.critic(), r.edit()));
        number(o, "predicted_semantic", r.predictedSemantic());
        number(o, "predicted_quality", r.predictedQuality());
        o.put("refined_instruction", r.refinedInstruction());
        number(o, "overall_after", r.overallAfter());
        ArrayNode problems = o.putArray("problems");
        r.problems().forEach(p -> problems.add(scrub.apply(p)));
        return o;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    long retryAfterSeconds() {
        return Math.max(1, Math.min(600, (long) Math.ceil(averageMs / 1000.0)));
    }

    // ---- the request ----------------------------------------------------------------------------------------

    /** A source image of the batch: its bytes, checked, and the key that names its content. */
    private record Image(String key, byte[] bytes) {}

    private record Rollout(
            String id,
            String reply,
            double semantic,
            double quality,
            Image image,
            String original,
            String previous,
            String task,
            long seed) {}

    private record Parsed(List<Rollout> rollouts, RewardWeights weights) {}

    private Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER
                    .reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw ApiError.bad(
                    "the body is not JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": "
                            + Multipart.clip(why.lines().findFirst().orElse(why)) + ")",
                    null);
        } catch (IOException e) {
            throw ApiError.bad("the body is not JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw ApiError.bad(
                    "the body must be a JSON object {\"rollouts\": [...], \"weights\": {...}, \"images\": {...}}",
                    null);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP.contains(f)) {
                throw ApiError.bad(
                        "unknown field '" + Multipart.clip(f) + "' (known: rollouts, weights, images)",
                        Multipart.clip(f));
            }
        }
        RewardWeights weights = weights(root.get("weights"));
        Map<String, Image> images = images(root.get("images"));
        JsonNode list = root.get("rollouts");
        if (list == null || list.isNull()) {
            throw ApiError.bad("the field 'rollouts' is missing: send a list of rollouts", "rollouts");
        }
        if (!list.isArray()) {
            throw ApiError.bad("'rollouts' must be a list, got " + kind(list), "rollouts");
        }
        if (list.isEmpty()) {
            throw ApiError.bad("'rollouts' is empty: send at least one rollout", "rollouts");
        }
        if (list.size() > limits.maxRollouts()) {
            throw new ApiError(
                    413,
                    "the batch has " + list.size() + " rollouts, above this server's limit of " + limits.maxRollouts()
                            + "; split it",
                    "rollouts");
        }
        Map<String, Image> inline = new HashMap<>();
        List<Rollout> rollouts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            rollouts.add(rollout(list.get(i), i, images, inline));
        }
        return new Parsed(rollouts, weights);
    }

    private static RewardWeights weights(JsonNode node) {
        if (node == null || node.isNull()) {
            return RewardWeights.EQUAL;
        }
        if (!node.isObject()) {
            throw ApiError.bad(
                    "'weights' must be an object {\"format\": 1, \"critic\": 1, \"edit\": 1}, got " + kind(node),
                    "weights");
        }
        double[] w = {1, 1, 1};
        List<String> names = List.of("format", "critic", "edit");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String param = "weights." + Multipart.clip(e.getKey());
            if (!WEIGHTS.contains(e.getKey())) {
                throw ApiError.bad(
                        "unknown weight '" + Multipart.clip(e.getKey()) + "' (known: format, critic, edit)", param);
            }
            JsonNode v = e.getValue();
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
                throw ApiError.bad(param + " must be a number of at least 0, got " + shown(v), param);
            }
            w[names.indexOf(e.getKey())] = v.asDouble();
        }
        return new RewardWeights(w[0], w[1], w[2]);
    }

    private Map<String, Image> images(JsonNode node) {
        Map<String, Image> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ApiError.bad("'images' must be an object of name → base64 image, got " + kind(node), "images");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String param = "images." + Multipart.clip(e.getKey());
            out.put(e.getKey(), image(e.getValue(), param));
        }
        return out;
    }

    private Rollout rollout(JsonNode n, int index, Map<String, Image> images, Map<String, Image> inline) {
        String at = "rollouts[" + index + "]";
        if (n == null || !n.isObject()) {
            throw ApiError.bad(at + " must be an object, got " + kind(n), at);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ROLLOUT.contains(f)) {
                throw ApiError.bad(
                        at + ": unknown field '" + Multipart.clip(f) + "' (known: " + String.join(", ", ROLLOUT) + ")",
                        at + "." + Multipart.clip(f));
            }
        }
        String id = Integer.toString(index);
        JsonNode idNode = n.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
                throw ApiError.bad(at + ".id must be a string or a whole number, got " + kind(idNode), at + ".id");
            }
            id = idNode.asText();
            if (id.length() > MAX_ID_CHARS) {
                throw ApiError.bad(at + ".id is longer than " + MAX_ID_CHARS + " characters", at + ".id");
            }
        }
        String reply = text(n, "reply", at, true);
        if (reply.length() > MAX_REPLY_CHARS) {
            throw ApiError.bad(
                    at + ".reply is " + reply.length() + " characters, above the limit of " + MAX_REPLY_CHARS,
                    at + ".reply");
        }
        double semantic = score(n, "scorer_semantic", at);
        double quality = score(n, "scorer_quality", at);
        String sourceText = text(n, "source_image", at, false);
        String ref = text(n, "source_image_ref", at, false);
        Image image = null;
        if (sourceText != null && ref != null) {
            throw ApiError.bad(at + ": give source_image or source_image_ref, not both", at + ".source_image_ref");
        }
        if (ref != null) {
            image = images.get(ref);
            if (image == null) {
                throw ApiError.bad(
                        at + ".source_image_ref '" + Multipart.clip(ref) + "' names no entry of 'images'"
                                + (images.isEmpty() ? " (the batch has no 'images')" : ""),
                        at + ".source_image_ref");
            }
        } else if (sourceText != null) {
            image = inline.get(sourceText);
            if (image == null) {
                image = image(n.get("source_image"), at + ".source_image");
                inline.put(sourceText, image);
            }
        }
        String original = text(n, "original_instruction", at, false);
        String previous = text(n, "previous_instruction", at, false);
        String task = text(n, "task", at, false);
        long seed = 0;
        JsonNode s = n.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                throw ApiError.bad(at + ".seed must be a whole number, got " + shown(s), at + ".seed");
            }
            seed = s.asLong();
        }
        if (image != null) {
            if (original == null || original.isBlank()) {
                throw ApiError.bad(
                        at + ".original_instruction is required with a source image (the scorer judges the edit"
                                + " against it)",
                        at + ".original_instruction");
            }
            checkInstruction(original, at + ".original_instruction");
            if (previous != null) {
                checkInstruction(previous, at + ".previous_instruction");
            }
        } else {
            for (String f : List.of("original_instruction", "previous_instruction", "task", "seed")) {
                if (n.hasNonNull(f)) {
                    throw ApiError.bad(
                            at + "." + f + " needs a source image (source_image or source_image_ref) for the edit"
                                    + " reward; leave it out to skip the edit reward",
                            at + "." + f);
                }
            }
        }
        return new Rollout(id, reply, semantic, quality, image, original, previous, task, seed);
    }

    private void checkInstruction(String text, String param) {
        int chars = text.codePointCount(0, text.length());
        if (chars > options.maxInstructionChars()) {
            throw ApiError.bad(
                    param + " is " + chars + " characters, above this server's limit of "
                            + options.maxInstructionChars(),
                    param);
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiError.bad(param + " holds control characters", param);
        }
    }

    /** Base64 (or a {@code data:image/…;base64,} URL) of an accepted image, checked like an upload. */
    private Image image(JsonNode node, String param) {
        if (node == null || !node.isTextual()) {
            throw ApiError.bad(param + " must be a base64 string of the image's bytes, got " + kind(node), param);
        }
        String text = node.asText().strip();
        if (text.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = text.indexOf(',');
            if (comma < 0 || !text.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw ApiError.bad(param + " is a data URL but not a base64 one (data:image/png;base64,...)", param);
            }
            text = text.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.bad(param + " is not valid base64 (" + Multipart.clip(e.getMessage()) + ")", param);
        }
        if (bytes.length == 0) {
            throw ApiError.bad(param + " is empty (0 bytes)", param);
        }
        try {
            Uploads.decode(bytes, options.maxPixels(), param);
        } catch (ApiError e) {
            throw e.getMessage().contains(param) ? e : ApiError.bad(param + ": " + e.getMessage(), param);
        }
        return new Image(BackendIdentity.sha256(bytes), bytes);
    }

    private static String text(JsonNode n, String field, String at, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiError.bad(at + "." + field + " is missing", at + "." + field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.bad(at + "." + field + " must be a string, got " + kind(v), at + "." + field);
        }
        return v.asText();
    }

    private static double score(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        String param = at + "." + field;
        if (v == null || v.isNull()) {
            throw ApiError.bad(param + " is missing: the scorer's score of the critiqued image, 0–10", param);
        }
        if (!v.isNumber()) {
            throw ApiError.bad(param + " must be a number within 0–10, got " + kind(v), param);
        }
        double d = v.asDouble();
        if (!(d >= 0 && d <= 10)) {
            throw ApiError.bad(param + " must be within 0–10, got " + shown(v), param);
        }
        return d;
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String shown(JsonNode v) {
        return v.isNumber() ? v.asText() : kind(v);
    }

    // ---- images on disk while a batch needs them ----------------------------------------------------------

    /** Writes an image under its content hash (once, however many batches use it) and counts the batch in. */
    private Path hold(Image image) throws IOException {
        Path file = dir.resolve(image.key());
        files.lock();
        try {
            Integer n = inUse.get(file);
            if (n == null) {
                Path tmp = Files.createTempFile(dir, "upload-", ".part");
                try {
                    Files.write(tmp, image.bytes());
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            inUse.put(file, n == null ? 1 : n + 1);
        } finally {
            files.unlock();
        }
        return file;
    }

    private void release(List<Path> held) {
        files.lock();
        try {
            for (Path file : held) {
                Integer n = inUse.get(file);
                if (n == null) {
                    continue;
                }
                if (n <= 1) {
                    inUse.remove(file);
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // left for the next start to clear
                    }
                } else {
                    inUse.put(file, n - 1);
                }
            }
        } finally {
            files.unlock();
        }
    }

    /** Admits no more batches; running ones finish on their own threads. */
    @Override
    public void close() {
        admission.drainPermits();
    }
}
