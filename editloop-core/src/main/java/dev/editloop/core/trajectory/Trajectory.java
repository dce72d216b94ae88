package dev.editloop.core.trajectory;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.Plan;
import dev.editloop.core.Usage;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.region.RegionReport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The record of one run as written to {@code trajectory.json} (DESIGN §5), with snake_case names in the file.
 *
 * <p>Fields of DESIGN §5: {@code schema_version}, {@code instruction}, {@code strategy}, {@code editor}, {@code
 * thinker}, {@code max_turns}, {@code threshold}, {@code source_image}, {@code turns}, {@code best_turn}, {@code
 * final_image}, {@code stop_reason}. Added for the record (DESIGN §1.6): {@code seed}, {@code plan} (the thinker's
 * rewrite or reflect's target description), {@code error} (the one-line message when {@code stop_reason} is
 * {@code error}), {@code accept} and {@code accepted} (the acceptance floor and whether the best turn met it). Image
 * fields hold file names relative to the run folder.
 *
 * @param schemaVersion the format version, {@link #SCHEMA_VERSION}
 * @param instruction the user's instruction
 * @param strategy the strategy id, e.g. {@code think-while-edit}
 * @param editor the editor's identity as written: kind, model, endpoints, result-changing parameters and the display
 *     string (never a key)
 * @param thinker the thinker's identity as written
 * @param maxTurns the turn limit that applied
 * @param threshold the stop threshold
 * @param seed the seed of every call
 * @param sourceImage the source image's file name
 * @param plan the thinker's plan, or null
 * @param turns the turns, in order
 * @param bestTurn the best turn's index (from 1), or null when there is none
 * @param finalImage the final image's file name, or null when there is none: a copy of the best turn when it reaches
 *     the acceptance floor, else of the unchanged source
 * @param stopReason why the run stopped (snake_case), or null while it runs
 * @param error the error message when the run stopped on an error, else null
 * @param accept the acceptance floor that applied, or null when there was none (and in files written before it
 *     existed)
 * @param accepted whether the best turn was handed over as the answer; false when {@code final_image} is the source;
 *     null while the run works (and in older files)
 * @param strategyParams the strategy's settings ({@link dev.editloop.core.loop.Strategy#params()}: best-of-N's
 *     {@code candidates}, {@code budget}, {@code min_gain}); left out of the file when empty
 * @param region the region the user confined the edit to: its description and the mask file; null for none
 * @param references the reference images' file names after the source, in order ({@code reference-1.png} is image 2);
 *     empty for none
 */
public record Trajectory(
        int schemaVersion,
        String instruction,
        String strategy,
        BackendRecord editor,
        BackendRecord thinker,
        int maxTurns,
        ThresholdRecord threshold,
        long seed,
        String sourceImage,
        PlanRecord plan,
        List<TurnRecord> turns,
        Integer bestTurn,
        String finalImage,
        String stopReason,
        String error,
        ThresholdRecord accept,
        Boolean accepted,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> strategyParams,
        RegionInfo region,
        List<String> references) {

    /**
     * The version this code writes: 2 records {@code editor} and {@code thinker} as objects (version 1 had display
     * strings there; {@link TrajectoryJson} still reads it).
     */
    public static final int SCHEMA_VERSION = 2;

    /** The oldest version this code reads. */
    public static final int OLDEST_SCHEMA_VERSION = 1;

    public Trajectory {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(strategy, "strategy");
        turns = turns == null ? List.of() : List.copyOf(turns);
        strategyParams = strategyParams == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(strategyParams));
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A trajectory of a strategy without settings, with no region and no reference images. */
    public Trajectory(
            int schemaVersion,
            String instruction,
            String strategy,
            BackendRecord editor,
            BackendRecord thinker,
            int maxTurns,
            ThresholdRecord threshold,
            long seed,
            String sourceImage,
            PlanRecord plan,
            List<TurnRecord> turns,
            Integer bestTurn,
            String finalImage,
            String stopReason,
            String error,
            ThresholdRecord accept,
            Boolean accepted) {
        this(
                schemaVersion,
                instruction,
                strategy,
                editor,
                thinker,
                maxTurns,
                threshold,
                seed,
                sourceImage,
                plan,
                turns,
                bestTurn,
                finalImage,
                stopReason,
                error,
                accept,
                accepted,
                Map.of(),
                null,
                List.of());
    }

    /**
     * The region a run was confined to.
     *
     * @param description {@code box 0,0,640,200} or {@code mask sky.png}
     * @param mask the mask's file name in the run folder ({@link #REGION_IMAGE}: white may change)
     */
    public record RegionInfo(String description, String mask) {}

    /** File name of the region's mask in a run folder. */
    public static final String REGION_IMAGE = "region.png";

    /** File name of the editor's own result of a turn whose outside the loop put back: {@code turn-1-editor.png}. */
    public static String editorImage(int index) {
        return "turn-" + index + "-editor.png";
    }

    /** File name of the i-th reference image (from 1; image i+1 of the request). */
    public static String referenceImage(int index) {
        return "reference-" + index + ".png";
    }

    /**
     * A backend as written: its {@link BackendIdentity} and the display string derived from it, e.g. {@code {"kind":
     * "comfyui", "model": null, "endpoints": ["http://gpu2:8188"], "params": {"steps": "50", "workflow":
     * "qwen-image-edit", "workflow_sha256": "…"}, "display": "comfyui:http://gpu2:8188?workflow=qwen-image-edit"}}.
     *
     * @param kind the spec kind
     * @param model the model, or null
     * @param endpoints the endpoints (no user info)
     * @param params the result-changing parameters, sorted by name
     * @param display how people see the backend
     */
    public record BackendRecord(
            String kind, String model, List<String> endpoints, Map<String, String> params, String display) {
        public BackendRecord {
            Objects.requireNonNull(kind, "kind");
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
            params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
            display =
                    display == null ? identityOf(kind, model, endpoints, params).display() : display;
        }

        /** The record of an identity. */
        public static BackendRecord of(BackendIdentity identity) {
            return new BackendRecord(
                    identity.kind(), identity.model(), identity.endpoints(), identity.params(), identity.display());
        }

        /**
         * A record read back from a display string (what version 1 wrote): the text is kept as the display, and kind,
         * endpoints, model and parameters are recovered from it as well as they can be.
         */
        public static BackendRecord fromDisplay(String display) {
            BackendIdentity identity = BackendIdentity.fromDisplay(display);
            return new BackendRecord(
                    identity.kind(), identity.model(), identity.endpoints(), identity.params(), display);
        }

        /** The identity this record holds. */
        public BackendIdentity identity() {
            return identityOf(kind, model, endpoints, params);
        }

        private static BackendIdentity identityOf(
                String kind, String model, List<String> endpoints, Map<String, String> params) {
            return new BackendIdentity(kind, model, endpoints, new TreeMap<>(params));
        }
    }

    /** The threshold as written: {@code {"rule": "both"|"overall", "value": 8.0}}. */
    public record ThresholdRecord(String rule, double value) {}

    /**
     * The thinker's planning output (think-before-edit's rewrite, reflect's rewrite and target description).
     *
     * @param instruction the rewritten instruction
     * @param actions its concrete actions
     * @param targetDescription reflect's description of the intended result
     * @param reasoning the thinker's explanation
     * @param raw the thinker's raw text
     * @param thinkMs wall time of the planning calls
     */
    public record PlanRecord(
            String instruction,
            List<String> actions,
            String targetDescription,
            String reasoning,
            String raw,
            long thinkMs) {}

    /**
     * One turn.
     *
     * @param index the turn number, from 1
     * @param instruction the instruction used
     * @param image the turn's image file name
     * @param base {@code source} or {@code previous}
     * @param critique the critique, or null when the thinker failed on this turn
     * @param editorNotes what the editor reported
     * @param timings wall times
     * @param usage tokens the thinker used on this turn
     * @param candidates a best-of-N turn's candidates, the kept one marked {@code won}; left out of the file for a
     *     turn of one edit
     */
    public record TurnRecord(
            int index,
            String instruction,
            String image,
            String base,
            CritiqueRecord critique,
            List<String> editorNotes,
            Timings timings,
            UsageRecord usage,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CandidateRecord> candidates,
            RegionReport region,
            String editorImage) {
        public TurnRecord {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        /** A turn of one edit with no region. */
        public TurnRecord(
                int index,
                String instruction,
                String image,
                String base,
                CritiqueRecord critique,
                List<String> editorNotes,
                Timings timings,
                UsageRecord usage) {
            this(index, instruction, image, base, critique, editorNotes, timings, usage, List.of(), null, null);
        }
    }

    /**
     * One candidate of a best-of-N turn.
     *
     * @param number its number within the turn, from 1
     * @param seed the seed the editor received
     * @param image its image file name, or null when the edit failed
     * @param critique the thinker's critique of it, or null when the edit or the critique failed
     * @param editorNotes what the editor reported
     * @param timings wall times of its edit and critique
     * @param error why the edit or critique failed, or null
     * @param won whether the turn kept this candidate
     */
    public record CandidateRecord(
            int number,
            long seed,
            String image,
            CritiqueRecord critique,
            List<String> editorNotes,
            Timings timings,
            String error,
            boolean won) {
        public CandidateRecord {
            editorNotes = editorNotes == null ? List.of() : List.copyOf(editorNotes);
        }
    }

    /**
     * A critique as written; scores are null when the thinker's reply could not be read ({@code verdict} {@code
     * invalid}, the raw text kept). {@code region} holds the boxes the thinker proposed ({@code x,y,w,h; …}), or null.
     */
    public record CritiqueRecord(
            Double semantic,
            Double quality,
            Double overall,
            String reasoning,
            String refinedInstruction,
            String verdict,
            String targetDescription,
            String raw,
            String region) {
        /** A critique that proposed no region. */
        public CritiqueRecord(
                Double semantic,
                Double quality,
                Double overall,
                String reasoning,
                String refinedInstruction,
                String verdict,
                String targetDescription,
                String raw) {
            this(semantic, quality, overall, reasoning, refinedInstruction, verdict, targetDescription, raw, null);
        }
    }

    /** Wall times of a turn's edit and critique, in milliseconds. */
    public record Timings(long editMs, long thinkMs) {}

    /** Token counts. */
    public record UsageRecord(long promptTokens, long completionTokens) {}

    /** File name of a turn's image: {@code turn-1.png} for turn 1. */
    public static String turnImage(int index) {
        return "turn-" + index + ".png";
    }

    /** File name of a best-of-N candidate's image: {@code turn-2-candidate-3.png} for turn 2's third candidate. */
    public static String candidateImage(int turn, int number) {
        return "turn-" + turn + "-candidate-" + number + ".png";
    }

    /** File name of the source image in a run folder. */
    public static final String SOURCE_IMAGE = "source.png";

    /** File name of the final image in a run folder. */
    public static final String FINAL_IMAGE = "final.png";

    /** The trajectory of a finished run or of a run's progress so far. */
    public static Trajectory of(LoopResult result) {
        var request = result.request();
        List<TurnRecord> turns = result.turns().stream().map(Trajectory::turn).toList();
        PlanRecord plan = null;
        Plan p = result.plan();
        if (p != null || result.targetDescription() != null) {
            plan = new PlanRecord(
                    p == null ? null : p.instruction(),
                    p == null ? List.of() : p.actions(),
                    result.targetDescription(),
                    p == null ? null : p.reasoning(),
                    p == null ? null : p.raw(),
                    result.planMs());
        }
        return new Trajectory(
                SCHEMA_VERSION,
                request.instruction(),
                request.strategy().id(),
                BackendRecord.of(result.editor()),
                BackendRecord.of(result.thinker()),
                result.turnLimit(),
                new ThresholdRecord(
                        request.threshold().rule().id(), request.threshold().value()),
                request.seed(),
                SOURCE_IMAGE,
                plan,
                turns,
                result.bestTurn() == 0 ? null : result.bestTurn(),
                result.finished() && result.bestTurn() > 0 ? FINAL_IMAGE : null,
                result.stopReason() == null ? null : result.stopReason().id(),
                result.error(),
                request.accept() == null
                        ? null
                        : new ThresholdRecord(
                                request.accept().rule().id(), request.accept().value()),
                result.finished() ? result.accepted() : null,
                request.strategy().params(),
                request.region() == null
                        ? null
                        : new RegionInfo(request.region().description(), REGION_IMAGE),
                java.util.stream.IntStream.rangeClosed(1, request.references().size())
                        .mapToObj(Trajectory::referenceImage)
                        .toList());
    }

    private static TurnRecord turn(Turn turn) {
        Critique c = turn.critique();
        CritiqueRecord critique = critique(c);
        Usage usage = c == null ? Usage.NONE : c.usage();
        List<CandidateRecord> candidates = turn.candidates().stream()
                .map(k -> new CandidateRecord(
                        k.number(),
                        k.seed(),
                        k.image() == null ? null : candidateImage(turn.index(), k.number()),
                        critique(k.critique()),
                        k.editorNotes(),
                        new Timings(k.editMs(), k.thinkMs()),
                        k.error(),
                        k.won()))
                .toList();
        return new TurnRecord(
                turn.index(),
                turn.instruction(),
                turnImage(turn.index()),
                turn.base().id(),
                critique,
                turn.editorNotes(),
                new Timings(turn.editMs(), turn.thinkMs()),
                new UsageRecord(usage.promptTokens(), usage.completionTokens()),
                candidates,
                turn.region(),
                turn.region() != null && turn.region().repaired() ? editorImage(turn.index()) : null);
    }

    private static CritiqueRecord critique(Critique c) {
        return c == null
                ? null
                : new CritiqueRecord(
                        c.semantic(),
                        c.quality(),
                        c.overall(),
                        c.reasoning(),
                        c.refinedInstruction(),
                        c.verdict().id(),
                        c.targetDescription(),
                        c.raw(),
                        c.region().isEmpty()
                                ? null
                                : String.join(
                                        "; ",
                                        c.region().stream()
                                                .map(Object::toString)
                                                .toList()));
    }

    /** The best turn's record, or null. */
    public TurnRecord best() {
        if (bestTurn == null) {
            return null;
        }
        return turns.stream().filter(t -> t.index() == bestTurn).findFirst().orElse(null);
    }
}
