package dev.editloop.editors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.core.trajectory.HtmlReport;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.editors.comfyui.ComfyUiEditor;
import dev.editloop.editors.comfyui.ComfyUiWorkflow;
import dev.editloop.editors.editthinker.EditThinkerEditor;
import dev.editloop.editors.gemini.GeminiImageEditor;
import dev.editloop.editors.openai.OpenAiImagesEditor;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each HTTP editor names itself by what changes its images, and never by its key. */
class EditorIdentityTest {
    private static final String KEY = "sk-identity-5e1d0c4b";
    private static final String URL = "http://127.0.0.1:9/v1";

    @TempDir
    Path tmp;

    @Test
    void openAiImagesRecordsModelStepsGuidanceSizeAndSeedHandling() {
        try (Editor editor = new OpenAiImagesEditor(
                BackendSpec.parse("openai-images:" + URL + "?model=Qwen/Qwen-Image-Edit-2511&steps=40&guidance=4"
                        + "&size=source&quality=high&timeout=30&concurrency=2&retries=5"),
                Map.of("OPENAI_API_KEY", KEY))) {
            BackendIdentity id = editor.identity();
            assertThat(id.kind()).isEqualTo("openai-images");
            assertThat(id.model()).isEqualTo("Qwen/Qwen-Image-Edit-2511");
            assertThat(id.endpoints()).containsExactly(URL);
            assertThat(id.params())
                    .containsEntry("num_inference_steps", "40")
                    .containsEntry("guidance_scale", "4")
                    .containsEntry("size", "source")
                    .containsEntry("quality", "high")
                    .containsEntry("seed", "per-call")
                    .as("transport settings do not change images")
                    .doesNotContainKeys("timeout", "concurrency", "retries", "key_env", "model");
            assertThat(editor.describe())
                    .isEqualTo(id.display())
                    .isEqualTo("openai-images:" + URL + "?model=Qwen/Qwen-Image-Edit-2511");
            assertThat(id.toString() + TrajectoryJson.toJson(trajectoryOf(id))).doesNotContain(KEY);
        }
        try (Editor other = new OpenAiImagesEditor(
                BackendSpec.parse("openai-images:" + URL + "?model=Qwen/Qwen-Image-Edit-2511&steps=20&guidance=4"
                        + "&size=source&quality=high&seed=7"),
                Map.of())) {
            assertThat(other.identity().params())
                    .containsEntry("num_inference_steps", "20")
                    .containsEntry("seed", "7");
        }
    }

    @Test
    void geminiImageAndEditThinkerRecordTheirOwnSettings() {
        try (Editor gemini = new GeminiImageEditor(
                BackendSpec.parse("gemini-image:?model=models/gemini-2.5-flash-image&aspect_ratio=1:1"),
                Map.of("GEMINI_API_KEY", KEY))) {
            BackendIdentity id = gemini.identity();
            assertThat(id.kind()).isEqualTo("gemini-image");
            assertThat(id.model()).isEqualTo("gemini-2.5-flash-image");
            assertThat(id.params())
                    .containsEntry("aspect_ratio", "1:1")
                    .containsEntry("modalities", "TEXT,IMAGE")
                    .containsEntry("seed", "not-sent");
            assertThat(id.toString() + id.params()).doesNotContain(KEY);
        }
        try (Editor editthinker = new EditThinkerEditor(
                BackendSpec.parse("editthinker-http:http://gpu2:8005,http://gpu3:8005?preset=flux-kontext&steps=30"),
                Map.of())) {
            BackendIdentity id = editthinker.identity();
            assertThat(id.model()).isNull();
            assertThat(id.endpoints()).containsExactly("http://gpu2:8005", "http://gpu3:8005");
            assertThat(id.params())
                    .containsEntry("preset", "flux-kontext")
                    .as("the spec's steps win over the preset's 28; the preset's guidance applies")
                    .containsEntry("steps", "30")
                    .containsEntry("guidance", "2.5")
                    .containsEntry("seed", "per-call");
            assertThat(editthinker.describe())
                    .isEqualTo("editthinker-http:http://gpu2:8005,http://gpu3:8005?preset=flux-kontext");
        }
    }

    @Test
    void comfyUiRecordsTheWorkflowByNameAndHashWithStepsAndGuidance() throws Exception {
        BackendIdentity builtIn;
        try (Editor editor = new ComfyUiEditor(
                BackendSpec.parse("comfyui:http://gpu2:8188?workflow=qwen-image-edit&steps=30&guidance=4.5"),
                Map.of())) {
            builtIn = editor.identity();
        }
        ComfyUiWorkflow workflow = ComfyUiWorkflow.builtIn("qwen-image-edit");
        assertThat(builtIn.kind()).isEqualTo("comfyui");
        assertThat(builtIn.params())
                .containsEntry("workflow", "qwen-image-edit")
                .containsEntry("workflow_sha256", BackendIdentity.sha256(ComfyUiWorkflow.toJson(workflow.graph())))
                .containsEntry("steps", "30")
                .containsEntry("guidance", "4.5")
                .containsEntry("seed", "per-call");
        assertThat(builtIn.display()).isEqualTo("comfyui:http://gpu2:8188?workflow=qwen-image-edit");

        // the same workflow saved as a file with one sampler setting changed: another hash
        String json = new String(
                ComfyUiWorkflow.class
                        .getResourceAsStream("workflows/qwen-image-edit.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = tmp.resolve("mine.json");
        Files.writeString(file, json.replaceFirst("\"euler\"", "\"dpmpp_2m\""));
        assertThat(Files.readString(file)).isNotEqualTo(json);
        try (Editor edited = new ComfyUiEditor(
                BackendSpec.parse("comfyui:http://gpu2:8188?workflow=" + file + "&steps=30&guidance=4.5"), Map.of())) {
            assertThat(edited.identity().params().get("workflow_sha256"))
                    .isNotEqualTo(builtIn.params().get("workflow_sha256"));
        }
    }

    @Test
    void aKeyFromTheEnvironmentReachesNeitherTheIdentityNorTheTrajectoryNorTheReport() {
        try (FakeOpenAiImagesServer fake = new FakeOpenAiImagesServer().models("gpt-image-1")) {
            fake.requireKey(KEY);
            try (Editor editor = new OpenAiImagesEditor(
                    BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=gpt-image-1&steps=8"),
                    Map.of("OPENAI_API_KEY", KEY))) {
                LoopResult result = new LoopEngine(editor, thinker())
                        .run(LoopRequest.of(Picture.solid(32, 24, Color.DARK_GRAY), "make it brighter"), null);
                assertThat(result.stopReason()).as(result.error()).isEqualTo(StopReason.THRESHOLD);
                assertThat(fake.forms())
                        .as("the key was accepted: the edit ran")
                        .hasSize(1);

                Trajectory trajectory = Trajectory.of(result);
                String json = TrajectoryJson.toJson(trajectory);
                assertThat(json).contains("\"num_inference_steps\" : \"8\"").doesNotContain(KEY);
                assertThat(HtmlReport.render(trajectory, name -> null)).doesNotContain(KEY);
                assertThat(result.editor().toString()).doesNotContain(KEY);
            }
        }
    }

    private static Thinker thinker() {
        return new Thinker() {
            @Override
            public Critique critique(CritiqueCall call) {
                return new Critique(9.0, 9.0, "fine", call.currentInstruction(), Verdict.SUCCESS, null, "", Usage.NONE);
            }

            @Override
            public Plan plan(PlanCall call) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String describe() {
                return "test-thinker";
            }
        };
    }

    private static Trajectory trajectoryOf(BackendIdentity id) {
        return new Trajectory(
                Trajectory.SCHEMA_VERSION,
                "x",
                "single",
                Trajectory.BackendRecord.of(id),
                Trajectory.BackendRecord.of(id),
                1,
                null,
                0,
                Trajectory.SOURCE_IMAGE,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
