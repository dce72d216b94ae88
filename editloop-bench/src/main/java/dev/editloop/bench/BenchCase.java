package dev.editloop.bench;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One case of a benchmark suite: what to edit, how, and what the judge compares against.
 *
 * @param suite the suite's name, e.g. {@code rise}
 * @param id the case's id, unique in its suite, in the benchmark's own terms (GEdit {@code key}, ImgEdit's key, KRIS
 *     {@code category/index}, RISE {@code index})
 * @param category the category the benchmark averages over (GEdit {@code task_type}, ImgEdit {@code edit_type}, KRIS
 *     the folder, RISE {@code category}); never blank
 * @param instruction the instruction given to the editor
 * @param image the source image on disk (suites whose images live inside their data files extract them)
 * @param referenceText a text reference for the judge (RISE {@code reference} or {@code reference_txt}, KRIS
 *     {@code explain_en}), or null
 * @param referenceImage an image reference for the judge (RISE {@code reference_img}, KRIS {@code gt_img}), or null
 * @param fields the benchmark's own fields for this case, by their names in its data (ids, categories, language,
 *     {@code Intersection_exist}, {@code subtask}…), as text; the {@code cases} export writes them back unchanged
 */
public record BenchCase(
        String suite,
        String id,
        String category,
        String instruction,
        Path image,
        String referenceText,
        Path referenceImage,
        Map<String, String> fields) {
    public BenchCase {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(image, "image");
        if (id.isBlank() || category.isBlank()) {
            throw new IllegalArgumentException("a benchmark case needs an id and a category");
        }
        referenceText = referenceText == null || referenceText.isBlank() ? null : referenceText;
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field that confines a case's edit to a box: {@code "x,y,w,h"} in pixels. */
    public static final String REGION = "region";

    /** The field that confines a case's edit to a mask image (its absolute path once loaded; white may change). */
    public static final String MASK = "mask";

    /** One of the benchmark's own fields, or null. */
    public String field(String name) {
        return fields.get(name);
    }
}
