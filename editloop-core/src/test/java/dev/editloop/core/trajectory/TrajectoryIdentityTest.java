package dev.editloop.core.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopEvent;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Backends are written to {@code trajectory.json} as identities, and files with the old display strings still read. */
class TrajectoryIdentityTest {
    private static final BackendIdentity EDITOR = BackendIdentity.of(
            "comfyui",
            null,
            List.of("http://gpu2:8188", "http://gpu3:8188"),
            Map.of("workflow", "qwen-image-edit", "workflow_sha256", "ab".repeat(32), "steps", 50, "guidance", 5.0));
    private static final BackendIdentity THINKER = BackendIdentity.of(
            "openai-chat",
            "EditThinker-8B",
            List.of("http://gpu1:8000/v1"),
            Map.of("temperature", 0.0, "prompt.think-while-edit.sha256", "cd".repeat(32)));

    private final Picture source = Picture.solid(8, 8, Color.GRAY);

    private static Editor editor() {
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                return EditResult.of(call.image(), List.of());
            }

            @Override
            public BackendIdentity identity() {
                return EDITOR;
            }

            @Override
            public String describe() {
                return EDITOR.display();
            }
        };
    }

    private static Thinker thinker() {
        return new Thinker() {
            @Override
            public Critique critique(CritiqueCall call) {
                return new Critique(9.0, 9.0, "fine", "same", Verdict.SUCCESS, null, "raw", Usage.NONE);
            }

            @Override
            public Plan plan(PlanCall call) {
                throw new UnsupportedOperationException();
            }

            @Override
            public BackendIdentity identity() {
                return THINKER;
            }

            @Override
            public String describe() {
                return THINKER.display();
            }
        };
    }

    private LoopResult run(List<LoopEvent> events) {
        return new LoopEngine(editor(), thinker()).run(LoopRequest.of(source, "make it warmer"), events::add);
    }

    @Test
    void theRunCarriesTheIdentitiesFromItsFirstEventToItsResult() {
        List<LoopEvent> events = new ArrayList<>();
        LoopResult result = run(events);

        LoopEvent.RunStarted started = (LoopEvent.RunStarted) events.getFirst();
        assertThat(started.editor()).isEqualTo(EDITOR);
        assertThat(started.thinker()).isEqualTo(THINKER);
        assertThat(result.editor()).isEqualTo(EDITOR);
        assertThat(result.thinker()).isEqualTo(THINKER);
    }

    @Test
    void editorAndThinkerAreWrittenAsObjectsWithTheirDisplayAndReadBackEqual() throws Exception {
        Trajectory written = Trajectory.of(run(new ArrayList<>()));
        String json = TrajectoryJson.toJson(written);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.get("schema_version").asInt()).isEqualTo(2);
        JsonNode editor = tree.get("editor");
        assertThat(iterable(editor.fieldNames())).containsExactly("kind", "model", "endpoints", "params", "display");
        assertThat(editor.get("kind").asText()).isEqualTo("comfyui");
        assertThat(editor.get("model").isNull()).isTrue();
        assertThat(editor.get("endpoints").get(1).asText()).isEqualTo("http://gpu3:8188");
        assertThat(iterable(editor.get("params").fieldNames()))
                .as("params sorted by name")
                .containsExactly("guidance", "steps", "workflow", "workflow_sha256");
        assertThat(editor.get("params").get("steps").asText()).isEqualTo("50");
        assertThat(editor.get("display").asText())
                .isEqualTo("comfyui:http://gpu2:8188,http://gpu3:8188?workflow=qwen-image-edit");
        assertThat(tree.get("thinker").get("model").asText()).isEqualTo("EditThinker-8B");
        assertThat(tree.get("thinker").get("display").asText())
                .isEqualTo("openai-chat:http://gpu1:8000/v1?model=EditThinker-8B");

        Trajectory read = TrajectoryJson.fromJson(json, "test");
        assertThat(read).isEqualTo(written);
        assertThat(read.editor().identity()).isEqualTo(EDITOR);
        assertThat(read.thinker().identity()).isEqualTo(THINKER);
    }

    @Test
    void aVersionOneFileWithDisplayStringsStillReads() {
        String old = """
                {
                  "schema_version" : 1,
                  "instruction" : "make it warmer",
                  "strategy" : "think-while-edit",
                  "editor" : "openai-images:http://gpu2:8000/v1?model=Qwen/Qwen-Image-Edit-2511&steps=40&timeout=300",
                  "thinker" : "embedded",
                  "max_turns" : 5,
                  "threshold" : { "rule" : "both", "value" : 8.0 },
                  "seed" : 0,
                  "source_image" : "source.png",
                  "plan" : null,
                  "turns" : [ ],
                  "best_turn" : null,
                  "final_image" : null,
                  "stop_reason" : "max_turns",
                  "error" : null
                }
                """;
        Trajectory t = TrajectoryJson.fromJson(old, "old.json");

        assertThat(t.editor().display())
                .as("the old string is kept as it was")
                .isEqualTo("openai-images:http://gpu2:8000/v1?model=Qwen/Qwen-Image-Edit-2511&steps=40&timeout=300");
        assertThat(t.editor().kind()).isEqualTo("openai-images");
        assertThat(t.editor().model()).isEqualTo("Qwen/Qwen-Image-Edit-2511");
        assertThat(t.editor().endpoints()).containsExactly("http://gpu2:8000/v1");
        assertThat(t.editor().params()).containsEntry("steps", "40");
        assertThat(t.thinker().kind()).isEqualTo("embedded");
        assertThat(t.thinker().display()).isEqualTo("embedded");
        assertThat(t.schemaVersion()).isEqualTo(1);
        assertThat(t.stopReason()).isEqualTo("max_turns");
    }

    @Test
    void theReportShowsTheDisplayAndTheParameters() {
        Trajectory t = Trajectory.of(run(new ArrayList<>()));
        Function<String, Picture> none = name -> null;
        String html = HtmlReport.render(t, none);

        assertThat(html).contains("comfyui:http://gpu2:8188,http://gpu3:8188?workflow=qwen-image-edit");
        assertThat(html).contains("steps 50").contains("workflow_sha256 " + "ab".repeat(6));
        assertThat(html).doesNotContain("ab".repeat(32));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
