package dev.editloop.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSuiteTest {
    @TempDir
    Path temp;

    private Path photo;

    private SuiteOptions options() {
        return new SuiteOptions(null, temp.resolve("work"));
    }

    @BeforeEach
    void photos() throws Exception {
        photo = SharedData.photo("chelsea.png");
        Files.createDirectories(temp.resolve("set/photos"));
        Files.copy(photo, temp.resolve("set/photos/cat.png"));
    }

    private Path write(String text) throws Exception {
        Path file = temp.resolve("set/cases.jsonl");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsCasesSkippingBlankLinesAndComments() throws Exception {
        Path file = write("""
                # my own cases

                {"id": "c1", "image": "photos/cat.png", "instruction": "Make the cat blue.", "category": "color", "reference": "A blue cat.", "difficulty": 2}
                {"id": 2, "image": "%s", "instruction": "Add a hat."}
                """.formatted(photo.toAbsolutePath()));

        SuiteData data = new JsonlSuite().load(file, options());

        assertThat(data.cases()).extracting(BenchCase::id).containsExactly("c1", "2");
        BenchCase first = data.cases().get(0);
        assertThat(first.image()).isEqualTo(temp.resolve("set/photos/cat.png"));
        assertThat(first.category()).isEqualTo("color");
        assertThat(first.referenceText()).isEqualTo("A blue cat.");
        assertThat(first.fields()).containsEntry("difficulty", "2").containsEntry("id", "c1");
        BenchCase second = data.cases().get(1);
        assertThat(second.category()).isEqualTo(JsonlSuite.DEFAULT_CATEGORY).isEqualTo("default");
        assertThat(second.image()).isEqualTo(photo.toAbsolutePath().normalize());
        assertThat(second.referenceText()).isNull();
        assertThat(data.countsByCategory()).containsExactly(Map.entry("color", 1), Map.entry("default", 1));
        assertThat(new JsonlSuite().load(temp.resolve("set"), options()).dataHash())
                .isEqualTo(data.dataHash());
    }

    @Test
    void aDuplicateIdFailsNamingBothLines() throws Exception {
        Path file = write("""
                {"id": "c1", "image": "photos/cat.png", "instruction": "one"}
                # comment
                {"id": "c1", "image": "photos/cat.png", "instruction": "two"}
                """);

        assertThatThrownBy(() -> new JsonlSuite().load(file, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cases.jsonl: line 3 (case \"c1\"): id \"c1\" was already used on line 1");
    }

    @Test
    void badLinesFailWithOneLineNamingTheLineAndTheField() throws Exception {
        assertThatThrownBy(() -> new JsonlSuite()
                        .load(
                                write("{\"id\": \"c1\", \"image\": \"photos/dog.png\", \"instruction\": \"x\"}"),
                                options()))
                .hasMessage("cases.jsonl: line 1 (case \"c1\"): image photos/dog.png not found under "
                        + temp.resolve("set"));
        assertThatThrownBy(() ->
                        new JsonlSuite().load(write("\n{\"id\": \"c1\", \"image\": \"photos/cat.png\"}"), options()))
                .hasMessage("cases.jsonl: line 2 (case \"c1\"): field \"instruction\" is missing");
        assertThatThrownBy(() -> new JsonlSuite()
                        .load(write("{\"image\": \"photos/cat.png\", \"instruction\": \"x\"}"), options()))
                .hasMessage("cases.jsonl: line 1: field \"id\" is missing");
        assertThatThrownBy(
                        () -> new JsonlSuite().load(write("{\"id\": \"c1\", \"image\": \"photos/cat.png\""), options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cases.jsonl: line 1: not valid JSON at column")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new JsonlSuite().load(write("[1, 2]"), options()))
                .hasMessage("cases.jsonl: line 1: must be a JSON object, got a list");
        assertThatThrownBy(() -> new JsonlSuite().load(write("# nothing\n\n"), options()))
                .hasMessage("cases.jsonl: holds no cases");
    }
}
