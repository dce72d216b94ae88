package dev.editloop.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImgEditSuiteTest {
    @TempDir
    Path temp;

    private SuiteOptions options() {
        return new SuiteOptions(null, temp.resolve("work"));
    }

    /** A folder holding the real basic_edit.json and an image root where every id links to one shared photo. */
    private Path realJsonWithLinkedImages(Path imageRoot) throws Exception {
        Path json = SharedData.benchmark("imgedit/basic_edit.json");
        Path photo = SharedData.photo("chelsea.png");
        Path folder = Files.createDirectories(temp.resolve("imgedit"));
        Files.copy(json, folder.resolve("basic_edit.json"));
        JsonNode cases = new ObjectMapper().readTree(json.toFile());
        for (JsonNode c : cases) {
            Path link = imageRoot.resolve(c.get("id").asText());
            Files.createDirectories(link.getParent());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, photo);
            }
        }
        return folder;
    }

    @Test
    void readsThe737RealCasesWithTheirTypeCounts() throws Exception {
        Path folder = temp.resolve("imgedit");
        realJsonWithLinkedImages(folder);

        SuiteData data = new ImgEditSuite().load(folder, options());

        assertThat(data.cases()).hasSize(737);
        assertThat(data.countsByCategory())
                .containsOnly(
                        Map.entry("extract", 117),
                        Map.entry("style", 100),
                        Map.entry("add", 95),
                        Map.entry("adjust", 94),
                        Map.entry("background", 94),
                        Map.entry("replace", 92),
                        Map.entry("remove", 86),
                        Map.entry("action", 36),
                        Map.entry("compose", 23));
        BenchCase first = data.cases().get(0);
        assertThat(first.id()).isEqualTo("1082");
        assertThat(first.category()).isEqualTo("adjust");
        assertThat(first.instruction()).isEqualTo("Change the tortoise's shell texture to a smooth surface.");
        assertThat(first.image()).isEqualTo(folder.resolve("animal/000342021.jpg"));
        assertThat(first.fields())
                .containsExactly(
                        Map.entry("key", "1082"),
                        Map.entry("id", "animal/000342021.jpg"),
                        Map.entry("edit_type", "adjust"));
        assertThat(data.cases()).extracting(BenchCase::id).doesNotHaveDuplicates();
        assertThat(data.dataHash()).hasSize(64);
        assertThat(new ImgEditSuite()
                        .load(folder.resolve("basic_edit.json"), options())
                        .dataHash())
                .isEqualTo(data.dataHash());
    }

    @Test
    void findsTheImagesInTheArchivesSingleturnFolder() throws Exception {
        Path folder = realJsonWithLinkedImages(temp.resolve("imgedit/Benchmark/singleturn"));

        SuiteData data = new ImgEditSuite().load(folder, options());

        assertThat(data.cases()).hasSize(737);
        assertThat(data.cases().get(0).image()).isEqualTo(folder.resolve("Benchmark/singleturn/animal/000342021.jpg"));
    }

    @Test
    void aMissingImageFailsWithOneLineNamingTheCaseAndTheRoot() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("imgedit"));
        Files.copy(SharedData.benchmark("imgedit/basic_edit.json"), folder.resolve("basic_edit.json"));

        assertThatThrownBy(() -> new ImgEditSuite().load(folder, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("basic_edit.json: case \"1082\": image animal/000342021.jpg not found under " + folder);
    }

    @Test
    void aMalformedRecordNamesTheCaseAndTheField() throws Exception {
        Files.copy(SharedData.photo("chelsea.png"), temp.resolve("a.jpg"));
        Files.writeString(temp.resolve("basic_edit.json"), """
                {"5": {"id": "a.jpg", "prompt": "Add a hat.", "edit_type": "add"},
                 "9": {"id": "a.jpg", "edit_type": "add"}}""");

        assertThatThrownBy(() -> new ImgEditSuite().load(temp, options()))
                .hasMessage("basic_edit.json: case \"9\": field \"prompt\" is missing");

        Files.writeString(temp.resolve("basic_edit.json"), "[{\"id\": \"a.jpg\"}]");
        assertThatThrownBy(() -> new ImgEditSuite().load(temp, options()))
                .hasMessage("basic_edit.json: must be a JSON object keyed by case id, got a list");
    }
}
