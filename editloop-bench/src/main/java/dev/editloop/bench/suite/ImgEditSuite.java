package dev.editloop.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.bench.BenchCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ImgEdit-Bench "Basic": {@code basic_edit.json}, an object keyed by case id whose values name the source image
 * ({@code id}, relative to the image root), the instruction ({@code prompt}) and the edit type. The image root is
 * the benchmark archive's {@code singleturn/} folder when it lies next to the json (as {@code singleturn/},
 * {@code Benchmark/singleturn/} or {@code ../singleturn/}), else the json's own folder.
 */
public final class ImgEditSuite implements Suite {
    static final String FILE = "basic_edit.json";

    @Override
    public String name() {
        return "imgedit";
    }

    @Override
    public String description() {
        return "ImgEdit-Bench Basic: 737 single-turn edits in 9 edit types";
    }

    @Override
    public String layout() {
        return """
                --data is the folder holding basic_edit.json (or that file itself):
                  basic_edit.json            {"<case id>": {"id": "<folder>/<file>.jpg", "prompt": ..., "edit_type": ...}}
                  <image root>/<id>          the source images from the benchmark's image archive; the image root is
                                             singleturn/, Benchmark/singleturn/ or ../singleturn/ next to the json
                                             when one exists, else the json's own folder""";
    }

    @Override
    public String protocol() {
        return "imgedit";
    }

    @Override
    public SuiteData load(Path data, SuiteOptions options) {
        Path file = SuiteIo.fileIn(name(), data, FILE);
        String shown = file.getFileName().toString();
        Path root = imageRoot(file.getParent());
        JsonNode json = SuiteIo.readJson(file, shown);
        if (!json.isObject()) {
            throw SuiteIo.fail(shown, "must be a JSON object keyed by case id, got " + SuiteIo.kind(json));
        }
        List<BenchCase> cases = new ArrayList<>(json.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String record = SuiteIo.caseName(key);
            JsonNode value = entry.getValue();
            if (key.isBlank()) {
                throw SuiteIo.fail(shown, record, "the case id is blank");
            }
            if (!value.isObject()) {
                throw SuiteIo.fail(shown, record, "must be a JSON object, got " + SuiteIo.kind(value));
            }
            String id = SuiteIo.text(value, "id", shown, record);
            String prompt = SuiteIo.text(value, "prompt", shown, record);
            String editType = SuiteIo.text(value, "edit_type", shown, record);
            Path image = SuiteIo.image(root, id, "image", shown, record);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("key", key);
            fields.put("id", id);
            fields.put("edit_type", editType);
            cases.add(new BenchCase(name(), key, editType, prompt, image, null, null, fields));
        }
        return new SuiteData(name(), cases, SuiteIo.sha256(List.of(file)), Map.of());
    }

    /** Where the source images are: the archive's {@code singleturn/} folder when it lies near, else the json's folder. */
    static Path imageRoot(Path jsonFolder) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(jsonFolder.resolve("singleturn"));
        candidates.add(jsonFolder.resolve("Benchmark").resolve("singleturn"));
        if (jsonFolder.getParent() != null) {
            candidates.add(jsonFolder.getParent().resolve("singleturn"));
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return jsonFolder;
    }
}
