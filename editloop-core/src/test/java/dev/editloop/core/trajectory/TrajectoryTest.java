package dev.editloop.core.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.Strategy;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryTest {
    @TempDir
    Path tmp;

    private final Picture source = Picture.solid(16, 12, new Color(40, 80, 120));

    /** Editor: inverts the image; fails on the call number given. */
    private static Editor inverter(int failAt) {
        return new Editor() {
            int calls;

            @Override
            public EditResult edit(EditCall call) {
                if (++calls == failAt) {
                    throw new RetriableException("editor embedded failed: out of patience");
                }
                byte[] bgr = call.image().bgr();
                for (int i = 0; i < bgr.length; i++) {
                    bgr[i] = (byte) (255 - (bgr[i] & 0xff) + calls);
                }
                return EditResult.of(
                        Picture.ofBgr(call.image().width(), call.image().height(), bgr), List.of("applied: invert"));
            }

            @Override
            public String describe() {
                return "test-editor:http://127.0.0.1:9/v1?model=m";
            }
        };
    }

    private static Thinker thinker(Critique... critiques) {
        Iterator<Critique> it = List.of(critiques).iterator();
        return new Thinker() {
            @Override
            public Critique critique(CritiqueCall call) {
                return it.next();
            }

            @Override
            public Plan plan(PlanCall call) {
                return new Plan("concrete: " + call.instruction(), List.of("a"), "target", "r", "raw", Usage.NONE);
            }

            @Override
            public String describe() {
                return "test-thinker";
            }
        };
    }

    private static Critique c(double sc, double pq, String refined) {
        return new Critique(
                sc,
                pq,
                "looked <closely> & \"well\"",
                refined,
                Verdict.REFINE,
                null,
                "<think>x</think>",
                new Usage(120, 40));
    }

    @Test
    void writesTheExactFieldsOfDesignSection5InSnakeCase() throws Exception {
        LoopResult result = new LoopEngine(inverter(-1), thinker(c(4, 9, "again"), c(9, 9, "again")))
                .run(LoopRequest.of(source, "invert it"));
        JsonNode json = new ObjectMapper().readTree(TrajectoryJson.toJson(Trajectory.of(result)));

        assertThat(iterable(json.fieldNames()))
                .containsExactly(
                        "schema_version",
                        "instruction",
                        "strategy",
                        "editor",
                        "thinker",
                        "max_turns",
                        "threshold",
                        "seed",
                        "source_image",
                        "plan",
                        "turns",
                        "best_turn",
                        "final_image",
                        "stop_reason",
                        "error",
                        "accept",
                        "accepted",
                        "region",
                        "references");
        JsonNode turn = json.get("turns").get(0);
        assertThat(iterable(turn.fieldNames()))
                .containsExactly(
                        "index",
                        "instruction",
                        "image",
                        "base",
                        "critique",
                        "editor_notes",
                        "timings",
                        "usage",
                        "region",
                        "editor_image");
        assertThat(iterable(turn.get("critique").fieldNames()))
                .containsExactly(
                        "semantic",
                        "quality",
                        "overall",
                        "reasoning",
                        "refined_instruction",
                        "verdict",
                        "target_description",
                        "raw",
                        "region");
        assertThat(iterable(turn.get("timings").fieldNames())).containsExactly("edit_ms", "think_ms");
        assertThat(turn.get("index").asInt()).isEqualTo(1);
        assertThat(turn.get("image").asText()).isEqualTo("turn-1.png");
        assertThat(turn.get("base").asText()).isEqualTo("source");
        assertThat(turn.get("critique").get("overall").asDouble()).isEqualTo(6.0);
        assertThat(json.get("strategy").asText()).isEqualTo("think-while-edit");
        assertThat(json.get("max_turns").asInt()).isEqualTo(5);
        assertThat(json.get("threshold").get("rule").asText()).isEqualTo("both");
        assertThat(json.get("best_turn").asInt()).isEqualTo(2);
        assertThat(json.get("final_image").asText()).isEqualTo("final.png");
        assertThat(json.get("source_image").asText()).isEqualTo("source.png");
        assertThat(json.get("stop_reason").asText()).isEqualTo("threshold");
    }

    @Test
    void roundTripsThroughJson() {
        LoopResult result = new LoopEngine(inverter(-1), thinker(c(4, 9, "again"), c(9, 9, "x")))
                .run(LoopRequest.of(source, "invert it").withStrategy(Strategy.REFLECT));
        Trajectory written = Trajectory.of(result);
        Trajectory read = TrajectoryJson.fromJson(TrajectoryJson.toJson(written), "test");
        assertThat(read).isEqualTo(written);
        assertThat(read.plan().instruction()).isEqualTo("concrete: invert it");
        assertThat(read.plan().targetDescription()).isEqualTo("target");
    }

    @Test
    void anInvalidCritiqueIsWrittenWithNullScoresAndItsRawText() {
        LoopResult result = new LoopEngine(inverter(-1), thinker(Critique.invalid("no score", "rambling", Usage.NONE)))
                .run(LoopRequest.of(source, "invert it"));
        Trajectory read = TrajectoryJson.fromJson(TrajectoryJson.toJson(Trajectory.of(result)), "test");
        var critique = read.turns().getFirst().critique();
        assertThat(critique.semantic()).isNull();
        assertThat(critique.overall()).isNull();
        assertThat(critique.verdict()).isEqualTo("invalid");
        assertThat(critique.raw()).isEqualTo("rambling");
        assertThat(read.stopReason()).isEqualTo("error");
    }

    @Test
    void readingRejectsOtherFilesClearly() {
        assertThatThrownBy(() -> TrajectoryJson.fromJson("[1,2]", "x.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.json is not a trajectory");
        assertThatThrownBy(() -> TrajectoryJson.fromJson("{\"schema_version\": 99}", "x.json"))
                .hasMessageContaining("schema_version 99");
        assertThatThrownBy(() -> TrajectoryJson.fromJson("{nope", "x.json"))
                .hasMessageContaining("x.json is not valid trajectory JSON");
        assertThatThrownBy(() -> TrajectoryJson.read(tmp.resolve("missing.json")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theRunFolderHoldsEveryFileAndTheReport() throws Exception {
        Path dir = tmp.resolve("run");
        LoopResult result = new LoopEngine(inverter(-1), thinker(c(4, 9, "again"), c(9, 9, "x")))
                .run(LoopRequest.of(source, "invert it"), RunFolder.create(dir));

        assertThat(dir.resolve("source.png")).exists();
        assertThat(dir.resolve("turn-1.png")).exists();
        assertThat(dir.resolve("turn-2.png")).exists();
        assertThat(Images.read(dir.resolve("final.png")))
                .isEqualTo(result.turns().get(1).image());
        assertThat(Images.read(dir.resolve("source.png"))).isEqualTo(source);
        assertThat(TrajectoryJson.read(dir.resolve("trajectory.json"))).isEqualTo(Trajectory.of(result));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html)
                .contains("invert it")
                .contains("Turn 2 <span class=\"badge\">best</span>")
                .contains("data:image/jpeg;base64,")
                .contains("looked &lt;closely&gt; &amp; &quot;well&quot;")
                .doesNotContain("<closely>");
    }

    @Test
    void finishedTurnsAreOnDiskWhenALaterStepFails() {
        Path dir = tmp.resolve("run");
        List<String> seenBeforeFinish = new ArrayList<>();
        RunFolder folder = RunFolder.create(dir);
        LoopResult result = new LoopEngine(inverter(2), thinker(c(4, 9, "again")))
                .run(LoopRequest.of(source, "invert it"), event -> {
                    folder.on(event);
                    if (event instanceof dev.editloop.core.loop.LoopEvent.CritiqueDone) {
                        seenBeforeFinish.add(TrajectoryJson.read(dir.resolve("trajectory.json"))
                                        .turns()
                                        .size() + "");
                    }
                });
        assertThat(seenBeforeFinish).containsExactly("1");
        Trajectory t = TrajectoryJson.read(dir.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("error");
        assertThat(t.error()).contains("out of patience");
        assertThat(t.turns()).hasSize(1);
        assertThat(dir.resolve("turn-1.png")).exists();
        assertThat(dir.resolve("final.png")).exists();
        assertThat(result.bestTurn()).isEqualTo(1);
    }

    @Test
    void anUnwritableOrUsedFolderIsRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> RunFolder.create(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a file, not a folder");
        Path used = tmp.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("trajectory.json"), "{}");
        assertThatThrownBy(() -> RunFolder.create(used)).hasMessageContaining("already holds a run");
        assertThatThrownBy(() -> RunFolder.create(file.resolve("sub")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be written");
    }

    @Test
    void freshFoldersAreNamedAfterTimeAndInstructionAndNeverReused() throws Exception {
        var now = java.time.LocalDateTime.of(2026, 11, 23, 15, 30, 12);
        Path first = RunFolder.fresh(tmp, "Make it look like an OLD photograph!", now);
        assertThat(first.getFileName().toString()).isEqualTo("20261123-153012-make-it-look-like-an-old-photograph");
        Files.createDirectories(first);
        assertThat(RunFolder.fresh(tmp, "Make it look like an OLD photograph!", now)
                        .getFileName()
                        .toString())
                .endsWith("-2");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
