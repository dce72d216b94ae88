package dev.editloop.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * KRIS-Bench: a folder per category, each with {@code annotation.json} (an object keyed by case index, as the
 * benchmark ships it; a JSON list is read too, indexed from 1) and that category's images. A case whose
 * {@code ori_img} lists several source images is skipped with the reason, since no editor port takes several yet.
 */
public final class KrisSuite implements Suite {
    static final String FILE = "annotation.json";

    /** Why a case with several source images is left out. */
    public static final String MULTI_IMAGE_REASON = "needs several source images; no editor port takes them yet";

    @Override
    public String name() {
        return "kris";
    }

    @Override
    public String description() {
        return "KRIS-Bench: knowledge-based reasoning edits, 1,267 cases in category folders";
    }

    @Override
    public String layout() {
        return """
                --data is the benchmark's root folder (or KRIS_Bench/ inside it, or one category folder):
                  <category>/annotation.json {"<index>": {"ori_img": "<file>" or [files...], "gt_img": "<file>"
                                             (optional), "ins_en": ..., "explain_en": ...}}
                  <category>/<file>          the category's images, next to its annotation.json
                cases with several source images are skipped (no editor port takes several yet)""";
    }

    @Override
    public String protocol() {
        return "kris";
    }

    @Override
    public SuiteData load(Path data, SuiteOptions options) {
        Path root = SuiteIo.existing(name(), data);
        if (Files.isRegularFile(root)) {
            root = root.getParent();
        }
        List<Path> annotations = annotationFiles(root);
        if (annotations.isEmpty() && Files.isDirectory(root.resolve("KRIS_Bench"))) {
            root = root.resolve("KRIS_Bench");
            annotations = annotationFiles(root);
        }
        if (annotations.isEmpty()) {
            throw new InvalidInputException(
                    "kris: no <category>/annotation.json under " + root + " (see `editloop bench suites`)");
        }
        List<BenchCase> cases = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Path file : annotations) {
            readCategory(file, cases, skipped);
        }
        return new SuiteData(name(), cases, SuiteIo.sha256(annotations), skipped);
    }

    /** The annotation files: the folder's own when it holds one (a single category), else one per sub-folder. */
    private static List<Path> annotationFiles(Path root) {
        if (Files.isRegularFile(root.resolve(FILE))) {
            return List.of(root.resolve(FILE));
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(dir -> dir.resolve(FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException("kris: cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private void readCategory(Path file, List<BenchCase> cases, Map<String, String> skipped) {
        Path folder = file.getParent();
        String category = folder.getFileName().toString();
        String shown = category + "/" + FILE;
        JsonNode json = SuiteIo.readJson(file, shown);
        if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                readCase(folder, category, shown, entry.getKey(), entry.getValue(), cases, skipped);
            }
        } else if (json.isArray()) {
            int index = 0;
            for (JsonNode entry : json) {
                index++;
                readCase(folder, category, shown, Integer.toString(index), entry, cases, skipped);
            }
        } else {
            throw SuiteIo.fail(
                    shown, "must be a JSON object keyed by case index (or a list), got " + SuiteIo.kind(json));
        }
    }

    private void readCase(
            Path folder,
            String category,
            String shown,
            String index,
            JsonNode entry,
            List<BenchCase> cases,
            Map<String, String> skipped) {
        String id = category + "/" + index;
        String record = SuiteIo.caseName(index);
        if (!entry.isObject()) {
            throw SuiteIo.fail(shown, record, "must be a JSON object, got " + SuiteIo.kind(entry));
        }
        List<String> sources = sourceImages(entry, shown, record);
        String instruction = SuiteIo.text(entry, "ins_en", shown, record);
        if (sources.size() > 1) {
            skipped.put(id, MULTI_IMAGE_REASON);
            return;
        }
        Path image = SuiteIo.image(folder, sources.get(0), "ori_img", shown, record);
        String gtName = singleName(entry, "gt_img", shown, record);
        Path reference = gtName == null ? null : SuiteIo.image(folder, gtName, "gt_img", shown, record);
        String explanation = SuiteIo.optionalText(entry, "explain_en", shown, record);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("category", category);
        fields.put("index", index);
        fields.put("ori_img", sources.get(0));
        if (gtName != null) {
            fields.put("gt_img", gtName);
        }
        cases.add(new BenchCase(name(), id, category, instruction, image, explanation, reference, fields));
    }

    /** {@code ori_img}: one file name, or a non-empty list of them. */
    private static List<String> sourceImages(JsonNode entry, String shown, String record) {
        JsonNode node = entry.get("ori_img");
        if (node == null || node.isNull()) {
            throw SuiteIo.fail(shown, record, "field \"ori_img\" is missing");
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            return List.of(node.asText());
        }
        if (node.isArray() && !node.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : node) {
                if (!name.isTextual() || name.asText().isBlank()) {
                    throw SuiteIo.fail(
                            shown, record, "field \"ori_img\" must list file names, found " + SuiteIo.kind(name));
                }
                names.add(name.asText());
            }
            return names;
        }
        throw SuiteIo.fail(
                shown, record, "field \"ori_img\" must be a file name or a list of them, got " + SuiteIo.kind(node));
    }

    /** An optional image field: a file name, or a list holding one. */
    private static String singleName(JsonNode entry, String field, String shown, String record) {
        JsonNode node = entry.get(field);
        if (node != null && node.isArray()) {
            if (node.isEmpty()) {
                return null;
            }
            if (node.size() > 1 || !node.get(0).isTextual()) {
                throw SuiteIo.fail(shown, record, "field \"" + field + "\" must be one file name");
            }
            return node.get(0).asText().isBlank() ? null : node.get(0).asText();
        }
        return SuiteIo.optionalText(entry, field, shown, record);
    }
}
