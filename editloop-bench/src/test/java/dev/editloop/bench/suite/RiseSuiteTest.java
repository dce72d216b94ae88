package dev.editloop.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiseSuiteTest {
    @TempDir
    Path temp;

    private SuiteOptions options() {
        return new SuiteOptions(null, temp.resolve("work"));
    }

    @Test
    void readsThe64CaseSubsetWithEveryImageAndReference() throws Exception {
        Path folder = SharedData.benchmark("risebench-64");
        SuiteData data = new RiseSuite().load(folder, options());

        assertThat(data.suite()).isEqualTo("rise");
        assertThat(data.cases()).hasSize(64);
        assertThat(data.countsByCategory())
                .containsExactly(
                        Map.entry("temporal_reasoning", 16),
                        Map.entry("causal_reasoning", 16),
                        Map.entry("spatial_reasoning", 16),
                        Map.entry("logical_reasoning", 16));
        assertThat(data.skipped()).isEmpty();
        List<BenchCase> cases = data.cases();
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.image()).isRegularFile();
            assertThat(c.referenceImage() == null || Files.isRegularFile(c.referenceImage()))
                    .isTrue();
            assertThat(c.fields()).containsEntry("index", c.id()).containsEntry("category", c.category());
        });
        long textOnlyNonLogical = cases.stream()
                .filter(c -> !c.category().equals("logical_reasoning") && c.referenceText() != null)
                .count();
        assertThat(textOnlyNonLogical).isEqualTo(48);
        assertThat(cases.stream().filter(c -> c.referenceImage() != null)).hasSize(12);
        assertThat(cases.stream().filter(c -> c.category().equals("logical_reasoning") && c.referenceText() != null))
                .hasSize(4);
        assertThat(cases.stream().filter(c -> c.referenceText() == null && c.referenceImage() == null))
                .isEmpty();

        BenchCase first = cases.get(0);
        assertThat(first.id()).isEqualTo("temporal_reasoning_1");
        assertThat(first.instruction()).startsWith("Draw what it will look like");
        assertThat(first.image())
                .isEqualTo(folder.toAbsolutePath().normalize().resolve("temporal_reasoning_images/1.png"));
        assertThat(first.referenceText()).isEqualTo("Rotten, blackened banana.");

        byte[] json = Files.readAllBytes(folder.resolve("data_total.json"));
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        assertThat(data.dataHash()).isEqualTo(expected);
        assertThat(new RiseSuite()
                        .load(folder.resolve("data_total.json"), options())
                        .cases())
                .hasSize(64);
    }

    @Test
    void readsTheNewerShapeWithSubtaskAndReasoningImage() throws Exception {
        Files.createDirectories(temp.resolve("logical_reasoning_images"));
        Files.copy(SharedData.photo("chelsea.png"), temp.resolve("logical_reasoning_images/1.png"));
        Files.copy(SharedData.photo("coffee.png"), temp.resolve("logical_reasoning_images/1_ref.png"));
        Files.writeString(temp.resolve("data_total.json"), """
                [{"index": "logical_reasoning_1", "category": "logical_reasoning", "subtask": "sudoku",
                  "instruction": "Solve the puzzle.", "image": "logical_reasoning_images/1.png",
                  "reference_img": "logical_reasoning_images/1_ref.png", "reasoning_img": null},
                 {"index": 7, "category": "temporal_reasoning", "subtask": "life_progression",
                  "instruction": "Ten years later.", "image": "logical_reasoning_images/1.png",
                  "reference_txt": "An old cat."}]""");

        SuiteData data = new RiseSuite().load(temp, options());

        assertThat(data.cases()).hasSize(2);
        BenchCase logical = data.cases().get(0);
        assertThat(logical.fields())
                .containsExactly(
                        Map.entry("index", "logical_reasoning_1"),
                        Map.entry("category", "logical_reasoning"),
                        Map.entry("subtask", "sudoku"));
        assertThat(logical.referenceImage()).isEqualTo(temp.resolve("logical_reasoning_images/1_ref.png"));
        assertThat(logical.referenceText()).isNull();
        BenchCase temporal = data.cases().get(1);
        assertThat(temporal.id()).isEqualTo("7");
        assertThat(temporal.referenceText()).isEqualTo("An old cat.");
    }

    @Test
    void aMissingImageFailsWithOneLineNamingTheCaseAndTheField() throws Exception {
        Files.writeString(temp.resolve("data_total.json"), """
                [{"index": "causal_reasoning_3", "category": "causal_reasoning", "instruction": "x",
                  "image": "causal_reasoning_images/3.png", "reference": "y"}]""");

        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "data_total.json: case \"causal_reasoning_3\": image causal_reasoning_images/3.png not found"
                                + " under " + temp);
    }

    @Test
    void malformedRecordsFailNamingTheRecordAndTheField() throws Exception {
        Path photo = SharedData.photo("chelsea.png");
        Files.copy(photo, temp.resolve("a.png"));
        Path file = temp.resolve("data_total.json");

        Files.writeString(file, "[{\"index\": \"t_1\", \"category\": \"temporal_reasoning\", \"image\": \"a.png\"}]");
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .hasMessage("data_total.json: case \"t_1\": field \"instruction\" is missing");

        Files.writeString(file, "[{\"category\": \"temporal_reasoning\"}]");
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .hasMessage("data_total.json: entry 1: field \"index\" is missing");

        Files.writeString(
                file, "[{\"index\": \"t_1\", \"category\": [\"x\"], \"instruction\": \"i\", \"image\": \"a.png\"}]");
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .hasMessage("data_total.json: case \"t_1\": field \"category\" must be text, got a list");

        Files.writeString(file, "{\"index\": 1}");
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .hasMessage("data_total.json: must be a JSON array of cases, got an object");

        Files.writeString(file, "[{\"index\": \"t_1\",\n \"category\" \"x\"}]");
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("data_total.json: not valid JSON at line 2, column")
                .hasMessageNotContaining("\n");

        String twice = "{\"index\": \"t_1\", \"category\": \"c\", \"instruction\": \"i\", \"image\": \"a.png\"}";
        Files.writeString(file, "[" + twice + "," + twice + "]");
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .hasMessage("data_total.json: case \"t_1\": index appears twice");
    }

    @Test
    void aFolderWithoutTheFileIsNamed() {
        assertThatThrownBy(() -> new RiseSuite().load(temp, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("rise: no data_total.json in " + temp);
        assertThatThrownBy(() -> new RiseSuite().load(temp.resolve("nope"), options()))
                .hasMessage("rise: --data " + temp.resolve("nope") + " does not exist");
    }
}
