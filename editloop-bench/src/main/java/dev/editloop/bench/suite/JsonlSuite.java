package dev.editloop.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's own set: a JSONL file, one case a line ({@code id}, {@code image}, {@code instruction}, optional
 * {@code category}, {@code reference}, {@code reference_image}, and a region the edit is confined to: {@code region}
 * as {@code "x,y,w,h"} in pixels or {@code mask}, a mask image, white where the edit may change); images are relative
 * to the file's folder or absolute. Blank lines and lines starting with {@code #} are skipped. Every other text or number field of a line is
 * kept among the case's fields.
 */
public final class JsonlSuite implements Suite {
    /** The category of a case that names none. */
    public static final String DEFAULT_CATEGORY = "default";

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "your own cases: one JSON object a line";
    }

    @Override
    public String layout() {
        return """
                --data is a .jsonl file (or a folder holding exactly one), one case a line:
                  {"id": "c1", "image": "photos/cat.png", "instruction": "...", "category": "color",
                   "reference": "what the result should show", "reference_image": "refs/c1.png"}
                  id, image and instruction are required; category defaults to "default"; images are relative
                  to the file's folder or absolute; blank lines and lines starting with # are skipped;
                  "region": "x,y,w,h" (pixels) or "mask": "masks/c1.png" (white may change) confine the edit""";
    }

    @Override
    public String protocol() {
        return "vie";
    }

    @Override
    public SuiteData load(Path data, SuiteOptions options) {
        Path file = jsonlFile(SuiteIo.existing(name(), data));
        Path root = file.getParent();
        String shown = file.getFileName().toString();
        List<BenchCase> cases = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String record = "line " + number;
                JsonNode json = SuiteIo.readJson(trimmed, shown, record);
                if (!json.isObject()) {
                    throw SuiteIo.fail(shown, record, "must be a JSON object, got " + SuiteIo.kind(json));
                }
                String id = SuiteIo.text(json, "id", shown, record);
                record = record + " (case \"" + id + "\")";
                Integer earlier = lineOfId.putIfAbsent(id, number);
                if (earlier != null) {
                    throw SuiteIo.fail(shown, record, "id \"" + id + "\" was already used on line " + earlier);
                }
                cases.add(toCase(json, id, root, shown, record));
            }
        } catch (IOException e) {
            throw new InvalidInputException("jsonl: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (cases.isEmpty()) {
            throw SuiteIo.fail(shown, "holds no cases");
        }
        return new SuiteData(name(), cases, SuiteIo.sha256(List.of(file)), Map.of());
    }

    private BenchCase toCase(JsonNode json, String id, Path root, String shown, String record) {
        String instruction = SuiteIo.text(json, "instruction", shown, record);
        Path image = SuiteIo.image(root, SuiteIo.text(json, "image", shown, record), "image", shown, record);
        String category = SuiteIo.optionalText(json, "category", shown, record);
        category = category == null ? DEFAULT_CATEGORY : category;
        String reference = SuiteIo.optionalText(json, "reference", shown, record);
        String referenceImageName = SuiteIo.optionalText(json, "reference_image", shown, record);
        Path referenceImage = referenceImageName == null
                ? null
                : SuiteIo.image(root, referenceImageName, "reference_image", shown, record);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("category", category);
        String maskName = SuiteIo.optionalText(json, BenchCase.MASK, shown, record);
        String region = SuiteIo.optionalText(json, BenchCase.REGION, shown, record);
        if (maskName != null && region != null) {
            throw SuiteIo.fail(shown, record, "gives both \"mask\" and \"region\": give one of them");
        }
        if (maskName != null) {
            fields.put(
                    BenchCase.MASK,
                    SuiteIo.image(root, maskName, BenchCase.MASK, shown, record).toString());
        }
        if (region != null && !region.strip().matches("\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+")) {
            throw SuiteIo.fail(shown, record, "\"region\" must be \"x,y,w,h\" in whole pixels, got \"" + region + "\"");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if ((value.isTextual() || value.isNumber() || value.isBoolean()) && !fields.containsKey(field.getKey())) {
                fields.put(field.getKey(), value.asText());
            }
        }
        return new BenchCase(name(), id, category, instruction, image, reference, referenceImage, fields);
    }

    /** The file itself, or the one {@code .jsonl} file in a folder. */
    private static Path jsonlFile(Path data) {
        if (!Files.isDirectory(data)) {
            return data;
        }
        List<Path> files;
        try (Stream<Path> children = Files.list(data)) {
            files = children.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException("jsonl: cannot list " + data + ": " + e.getMessage(), e);
        }
        if (files.size() != 1) {
            throw new InvalidInputException("jsonl: --data " + data + " must be a .jsonl file or a folder with exactly "
                    + "one, found " + files.size());
        }
        return files.get(0);
    }
}
