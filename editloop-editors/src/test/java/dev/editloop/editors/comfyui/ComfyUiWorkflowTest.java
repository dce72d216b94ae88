package dev.editloop.editors.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComfyUiWorkflowTest {
    @TempDir
    Path dir;

    static final String MINIMAL = """
            {"1": {"class_type": "LoadImage", "inputs": {"image": "{{image}}"}},
             "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["3", 0]}},
             "3": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": 4}},
             "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "x"}}}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"qwen-image-edit", "flux-kontext-dev", "qwen-image-edit-inpaint", "qwen-image-edit-2509"})
    void builtInsLoadWithEveryPlaceholderTheyNeedAndTheirDefaults(String name) {
        ComfyUiWorkflow workflow = ComfyUiWorkflow.load(name);

        assertThat(workflow.name()).isEqualTo(name);
        assertThat(workflow.has(ComfyUiWorkflow.IMAGE)).isTrue();
        assertThat(workflow.has(ComfyUiWorkflow.PROMPT)).isTrue();
        assertThat(workflow.has(ComfyUiWorkflow.SEED)).isTrue();
        assertThat(workflow.has(ComfyUiWorkflow.STEPS)).isTrue();
        assertThat(workflow.has(ComfyUiWorkflow.GUIDANCE)).isTrue();
        assertThat(workflow.defaults().steps()).isEqualTo(20);
        assertThat(workflow.defaults().guidance()).isEqualTo(2.5);
        assertThat(workflow.graph().has("_editloop")).isFalse();
        assertThat(workflow.graph().path(workflow.saveNode()).path("class_type").asText())
                .isEqualTo("SaveImage");
    }

    @Test
    void referencePlaceholdersCountTheImagesAndMustHaveNoGaps() {
        ComfyUiWorkflow two = ComfyUiWorkflow.parse(
                "w",
                "test workflow",
                bytes(MINIMAL.replace(
                        "\"4\": {",
                        "\"5\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"{{image2}}\"}}, \"4\": {")));
        assertThat(two.maxImages()).isEqualTo(2);
        assertThat(two.takesMask()).isFalse();
        assertThat(ComfyUiWorkflow.builtIn("qwen-image-edit-inpaint").takesMask())
                .isTrue();
        assertThat(ComfyUiWorkflow.builtIn("qwen-image-edit").maxImages()).isEqualTo(1);
        assertThatThrownBy(
                        () -> ComfyUiWorkflow.parse(
                                "w",
                                "test workflow",
                                bytes(
                                        MINIMAL.replace(
                                                "\"4\": {",
                                                "\"5\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"{{image3}}\"}}, \"4\": {"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("uses {{image3}} but not {{image2}}");
    }

    @Test
    void fillingPutsNumbersWhereNumbersGoAndTextWhereTextGoes() throws IOException {
        Path file = write("flow.json", """
                {"1": {"class_type": "LoadImage", "inputs": {"image": "{{image}}"}},
                 "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "photo: {{ prompt }}, seed {{seed}}"}},
                 "3": {"class_type": "KSampler",
                       "inputs": {"seed": "{{seed}}", "steps": "{{steps}}", "cfg": "{{guidance}}"}},
                 "4": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative_prompt}}"}},
                 "5": {"class_type": "SaveImage", "inputs": {"images": ["3", 0]}}}
                """);
        ComfyUiWorkflow workflow = ComfyUiWorkflow.load(file.toString());

        ObjectNode filled =
                workflow.fill(new ComfyUiWorkflow.Filling("up.png", "make it \"blue\" {{seed}}", 42, 8, 3.5, "blurry"));

        assertThat(filled.at("/1/inputs/image").asText()).isEqualTo("up.png");
        assertThat(filled.at("/2/inputs/text").asText()).isEqualTo("photo: make it \"blue\" {{seed}}, seed 42");
        JsonNode seed = filled.at("/3/inputs/seed");
        assertThat(seed.isIntegralNumber()).isTrue();
        assertThat(seed.asLong()).isEqualTo(42);
        assertThat(filled.at("/3/inputs/steps").isInt()).isTrue();
        assertThat(filled.at("/3/inputs/steps").asInt()).isEqualTo(8);
        assertThat(filled.at("/3/inputs/cfg").isDouble()).isTrue();
        assertThat(filled.at("/3/inputs/cfg").asDouble()).isEqualTo(3.5);
        assertThat(filled.at("/4/inputs/text").asText()).isEqualTo("blurry");
        assertThat(workflow.name()).isEqualTo("flow.json");
    }

    @Test
    void aNegativeSeedIsSentAsTheUnsigned64BitNumberComfyUiAccepts() {
        ComfyUiWorkflow workflow = ComfyUiWorkflow.parse("m", "test workflow", bytes(MINIMAL));

        ObjectNode filled = workflow.fill(new ComfyUiWorkflow.Filling("a.png", "x", -1, null, null, null));

        assertThat(filled.at("/3/inputs/seed").bigIntegerValue().toString()).isEqualTo("18446744073709551615");
        assertThat(filled.at("/3/inputs/seed").asText()).doesNotStartWith("-");
    }

    @Test
    void notJsonIsRejectedNamingTheFile() throws IOException {
        Path file = write("broken.json", "{\"1\": {\"class_type\": ");

        assertThatThrownBy(() -> ComfyUiWorkflow.load(file.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not JSON")
                .hasMessageContaining("Save (API)");
    }

    @Test
    void theUiFormatIsRecognisedAndTheApiExportExplained() throws IOException {
        Path file = write("ui.json", """
                {"last_node_id": 9, "last_link_id": 9,
                 "nodes": [{"id": 1, "type": "LoadImage", "widgets_values": ["{{image}}"]}],
                 "links": [], "version": 0.4}
                """);

        assertThatThrownBy(() -> ComfyUiWorkflow.load(file.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("UI format")
                .hasMessageContaining("Save (API)");
    }

    @Test
    void aMissingPromptPlaceholderIsNamed() throws IOException {
        Path file = write("noprompt.json", MINIMAL.replace("{{prompt}}", "a cat"));

        assertThatThrownBy(() -> ComfyUiWorkflow.load(file.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("{{prompt}}")
                .hasMessageNotContaining("{{image}}");
    }

    @Test
    void aMissingImagePlaceholderIsNamed() {
        assertThatThrownBy(() -> ComfyUiWorkflow.parse(
                        "m", "workflow file m.json", bytes(MINIMAL.replace("{{image}}", "cat.png"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("workflow file m.json")
                .hasMessageContaining("{{image}}");
    }

    @Test
    void aMisspelledPlaceholderIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> ComfyUiWorkflow.parse(
                        "m", "workflow file m.json", bytes(MINIMAL.replace("{{seed}}", "{{sead}}"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{{sead}}")
                .hasMessageContaining("{{seed}}");
    }

    @Test
    void aWorkflowWithoutSaveImageIsRejected() {
        assertThatThrownBy(() -> ComfyUiWorkflow.parse(
                        "m", "workflow file m.json", bytes(MINIMAL.replace("SaveImage", "PreviewImage"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SaveImage");
    }

    @Test
    void aNodeWithoutClassTypeIsNotApiFormat() {
        assertThatThrownBy(() -> ComfyUiWorkflow.parse(
                        "m", "workflow file m.json", bytes("{\"prompt\": {\"1\": {\"class_type\": \"X\"}}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("API format")
                .hasMessageContaining("'prompt'");
    }

    @Test
    void aMissingFileAndAnUnknownBuiltInSayWhatCanBeGiven() {
        assertThatThrownBy(() -> ComfyUiWorkflow.load(dir.resolve("nope.json").toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("qwen-image-edit");
        assertThatThrownBy(() -> ComfyUiWorkflow.load(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("workflow=");
    }

    @Test
    void stepsPlaceholderWithoutAnyValueIsRefusedAtFilling() {
        ComfyUiWorkflow workflow =
                ComfyUiWorkflow.parse("m", "workflow file m.json", bytes(MINIMAL.replace("4}", "\"{{steps}}\"}")));

        assertThatThrownBy(() -> workflow.fill(new ComfyUiWorkflow.Filling("a.png", "x", 1, null, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{{steps}}")
                .hasMessageContaining("steps=");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
