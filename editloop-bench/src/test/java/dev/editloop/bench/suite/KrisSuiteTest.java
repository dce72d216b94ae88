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

class KrisSuiteTest {
    @TempDir
    Path temp;

    private Path root;

    private SuiteOptions options() {
        return new SuiteOptions(null, temp.resolve("work"));
    }

    private void image(String relative) throws Exception {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.copy(SharedData.photo("chelsea.png"), path);
    }

    /**
     * Two categories as KRIS-Bench ships them (an object keyed by index), one with a ground-truth image, plus a
     * category written as a list, and a multi-image case.
     */
    @BeforeEach
    void writeBenchmark() throws Exception {
        root = temp.resolve("KRIS_Bench");
        image("color_change/1.jpg");
        image("color_change/2.png");
        image("color_change/2_gt.png");
        image("multi-element_composition/1_a.png");
        image("multi-element_composition/1_b.png");
        image("abstract_reasoning/1.jpg");
        Files.writeString(root.resolve("color_change/annotation.json"), """
                {"1": {"ori_img": "1.jpg", "ins_en": "Make the cat blue.", "explain_en": "The fur turns blue."},
                 "2": {"ori_img": ["2.png"], "gt_img": "2_gt.png", "ins_en": "Make the sky red.",
                       "explain_en": "Sunset colours."}}""");
        Files.writeString(root.resolve("multi-element_composition/annotation.json"), """
                {"1": {"ori_img": ["1_a.png", "1_b.png"], "ins_en": "Put the hat on the cat.",
                       "explain_en": "Combine them."}}""");
        Files.writeString(root.resolve("abstract_reasoning/annotation.json"), """
                [{"ori_img": "1.jpg", "ins_en": "Fill in the number.", "explain_en": "It is 32."}]""");
    }

    @Test
    void readsCategoryFoldersAndSkipsMultiImageCases() {
        SuiteData data = new KrisSuite().load(root, options());

        assertThat(data.cases())
                .extracting(BenchCase::id)
                .containsExactly("abstract_reasoning/1", "color_change/1", "color_change/2");
        assertThat(data.countsByCategory())
                .containsExactly(Map.entry("abstract_reasoning", 1), Map.entry("color_change", 2));
        assertThat(data.skipped())
                .containsExactly(Map.entry("multi-element_composition/1", KrisSuite.MULTI_IMAGE_REASON));
        assertThat(KrisSuite.MULTI_IMAGE_REASON)
                .isEqualTo("needs several source images; no editor port takes them yet");

        BenchCase withTruth = data.cases().get(2);
        assertThat(withTruth.instruction()).isEqualTo("Make the sky red.");
        assertThat(withTruth.image()).isEqualTo(root.resolve("color_change/2.png"));
        assertThat(withTruth.referenceImage()).isEqualTo(root.resolve("color_change/2_gt.png"));
        assertThat(withTruth.referenceText()).isEqualTo("Sunset colours.");
        assertThat(withTruth.fields())
                .containsExactly(
                        Map.entry("category", "color_change"),
                        Map.entry("index", "2"),
                        Map.entry("ori_img", "2.png"),
                        Map.entry("gt_img", "2_gt.png"));
        assertThat(data.cases().get(1).referenceImage()).isNull();
        assertThat(data.dataHash()).hasSize(64);
    }

    @Test
    void acceptsTheParentOfKrisBenchAndASingleCategoryFolder() {
        assertThat(new KrisSuite().load(temp, options()).cases()).hasSize(3);
        SuiteData one = new KrisSuite().load(root.resolve("color_change"), options());
        assertThat(one.cases()).extracting(BenchCase::id).containsExactly("color_change/1", "color_change/2");
    }

    @Test
    void theHashFollowsTheAnnotationsNotTheImages() throws Exception {
        String before = new KrisSuite().load(root, options()).dataHash();
        Files.copy(
                SharedData.photo("coffee.png"),
                root.resolve("color_change/1.jpg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(new KrisSuite().load(root, options()).dataHash()).isEqualTo(before);
        Files.writeString(root.resolve("abstract_reasoning/annotation.json"), """
                [{"ori_img": "1.jpg", "ins_en": "Fill in the number!", "explain_en": "It is 32."}]""");
        assertThat(new KrisSuite().load(root, options()).dataHash()).isNotEqualTo(before);
    }

    @Test
    void aMissingImageOrMalformedEntryFailsWithOneLine() throws Exception {
        Files.writeString(root.resolve("color_change/annotation.json"), """
                {"1": {"ori_img": "1.jpg", "ins_en": "Make the cat blue."},
                 "3": {"ori_img": "3.jpg", "ins_en": "Make the dog green."}}""");
        assertThatThrownBy(() -> new KrisSuite().load(root, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("color_change/annotation.json: case \"3\": ori_img 3.jpg not found under "
                        + root.resolve("color_change"));

        Files.writeString(root.resolve("color_change/annotation.json"), """
                {"1": {"ori_img": "1.jpg", "gt_img": "missing.png", "ins_en": "Make the cat blue."}}""");
        assertThatThrownBy(() -> new KrisSuite().load(root, options()))
                .hasMessage("color_change/annotation.json: case \"1\": gt_img missing.png not found under "
                        + root.resolve("color_change"));

        Files.writeString(root.resolve("color_change/annotation.json"), """
                {"1": {"ori_img": 4, "ins_en": "Make the cat blue."}}""");
        assertThatThrownBy(() -> new KrisSuite().load(root, options()))
                .hasMessage("color_change/annotation.json: case \"1\": field \"ori_img\" must be a file name or a"
                        + " list of them, got a number");

        Files.writeString(root.resolve("color_change/annotation.json"), """
                {"1": {"ori_img": "1.jpg"}}""");
        assertThatThrownBy(() -> new KrisSuite().load(root, options()))
                .hasMessage("color_change/annotation.json: case \"1\": field \"ins_en\" is missing");
    }

    @Test
    void aFolderWithoutAnnotationsIsNamed() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> new KrisSuite().load(empty, options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("kris: no <category>/annotation.json under " + empty);
    }
}
