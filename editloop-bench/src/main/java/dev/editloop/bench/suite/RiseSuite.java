package dev.editloop.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.bench.BenchCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RISEBench: {@code data_total.json}, a JSON array of cases with images relative to its folder. Reads both the
 * 64-case subset and the 360-case release (which adds {@code subtask} and {@code reasoning_img}).
 */
public final class RiseSuite implements Suite {
    static final String FILE = "data_total.json";

    @Override
    public String name() {
        return "rise";
    }

    @Override
    public String description() {
        return "RISEBench: temporal, causal, spatial and logical reasoning edits (64-case subset or 360 cases)";
    }

    @Override
    public String layout() {
        return """
                --data is the folder holding data_total.json (or that file itself):
                  data_total.json            a JSON array; each case has index, category, instruction, image,
                                             and reference (text), reference_txt or reference_img; newer releases
                                             add subtask and reasoning_img
                  <category>_images/...      the images, at the paths the cases give relative to the json's folder""";
    }

    @Override
    public String protocol() {
        return "rise";
    }

    @Override
    public SuiteData load(Path data, SuiteOptions options) {
        Path file = SuiteIo.fileIn(name(), data, FILE);
        Path root = file.getParent();
        String shown = file.getFileName().toString();
        JsonNode json = SuiteIo.readJson(file, shown);
        if (!json.isArray()) {
            throw SuiteIo.fail(shown, "must be a JSON array of cases, got " + SuiteIo.kind(json));
        }
        List<BenchCase> cases = new ArrayList<>(json.size());
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (JsonNode entry : json) {
            position++;
            String record = "entry " + position;
            if (!entry.isObject()) {
                throw SuiteIo.fail(shown, record, "must be a JSON object, got " + SuiteIo.kind(entry));
            }
            String index = SuiteIo.text(entry, "index", shown, record);
            record = SuiteIo.caseName(index);
            if (!seen.add(index)) {
                throw SuiteIo.fail(shown, record, "index appears twice");
            }
            String category = SuiteIo.text(entry, "category", shown, record);
            String instruction = SuiteIo.text(entry, "instruction", shown, record);
            Path image = SuiteIo.image(root, SuiteIo.text(entry, "image", shown, record), "image", shown, record);
            String reference = SuiteIo.optionalText(entry, "reference", shown, record);
            if (reference == null) {
                reference = SuiteIo.optionalText(entry, "reference_txt", shown, record);
            }
            String referenceImageName = SuiteIo.optionalText(entry, "reference_img", shown, record);
            Path referenceImage = referenceImageName == null
                    ? null
                    : SuiteIo.image(root, referenceImageName, "reference_img", shown, record);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("index", index);
            fields.put("category", category);
            String subtask = SuiteIo.optionalText(entry, "subtask", shown, record);
            if (subtask != null) {
                fields.put("subtask", subtask);
            }
            cases.add(new BenchCase(name(), index, category, instruction, image, reference, referenceImage, fields));
        }
        return new SuiteData(name(), cases, SuiteIo.sha256(List.of(file)), Map.of());
    }
}
