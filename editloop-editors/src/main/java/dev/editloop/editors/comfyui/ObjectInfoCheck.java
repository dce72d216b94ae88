package dev.editloop.editors.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a workflow against a ComfyUI server's {@code GET /object_info} before anything is queued: every node type
 * must be known to the server, and every fixed choice (above all the model files the loaders name) must be among the
 * values the server offers. The messages say which model file is missing and which {@code models/} folder ComfyUI
 * reads it from.
 */
final class ObjectInfoCheck {
    /** The models/ folder of each loader input, for ComfyUI's standard layout. */
    private static final Map<String, String> FOLDERS = Map.ofEntries(
            Map.entry("unet_name", "models/diffusion_models/"),
            Map.entry("clip_name", "models/text_encoders/"),
            Map.entry("clip_name1", "models/text_encoders/"),
            Map.entry("clip_name2", "models/text_encoders/"),
            Map.entry("clip_name3", "models/text_encoders/"),
            Map.entry("clip_name4", "models/text_encoders/"),
            Map.entry("vae_name", "models/vae/"),
            Map.entry("ckpt_name", "models/checkpoints/"),
            Map.entry("lora_name", "models/loras/"),
            Map.entry("control_net_name", "models/controlnet/"),
            Map.entry("style_model_name", "models/style_models/"),
            Map.entry("gligen_name", "models/gligen/"),
            Map.entry("hypernetwork_name", "models/hypernetworks/"));

    private ObjectInfoCheck() {}

    /**
     * The counts of what was checked, for {@code backends check}.
     *
     * @param nodeTypes distinct node types the workflow uses
     * @param modelFiles model files its loaders name
     * @param problems what is wrong, one sentence each; empty when the workflow can run
     */
    record Result(int nodeTypes, int modelFiles, List<String> problems) {
        Result {
            problems = List.copyOf(problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a workflow.
     *
     * @param objectInfo the server's {@code /object_info} reply
     * @param workflow the workflow
     * @param server how to name the server in messages: {@code ComfyUI at http://host:8188}
     */
    static Result check(JsonNode objectInfo, ComfyUiWorkflow workflow, String server) {
        List<String> problems = new ArrayList<>();
        JsonNode graph = workflow.graph();
        long types = workflow.classTypes().values().stream().distinct().count();
        int models = 0;
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> entry : workflow.classTypes().entrySet()) {
            String id = entry.getKey();
            String type = entry.getValue();
            JsonNode info = objectInfo.get(type);
            if (info == null || !info.isObject()) {
                if (!unknown.contains(type)) {
                    unknown.add(type);
                    problems.add(server + " has no node type '" + type + "' (node " + id + " of "
                            + workflow.source()
                            + "): install the custom node that provides it, or update ComfyUI");
                }
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            graph.path(id).path("inputs").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> input = it.next();
                JsonNode value = input.getValue();
                if (!value.isValueNode() || ComfyUiWorkflow.isPlaceholder(value)) {
                    continue;
                }
                boolean model = isModelInput(type, input.getKey());
                if (model) {
                    models++;
                }
                List<String> allowed = allowedValues(info, input.getKey());
                if (allowed == null || allowed.contains(value.asText())) {
                    continue;
                }
                if (model) {
                    problems.add(missingModel(server, type, input.getKey(), value.asText()));
                } else {
                    problems.add(server + " does not offer " + type + " " + input.getKey() + " '" + value.asText()
                            + "' (node " + id + " of " + workflow.source() + "; it offers " + sample(allowed) + ")");
                }
            }
        }
        return new Result((int) types, models, problems);
    }

    /** Whether an input of a node type names a model file: a loader's {@code *_name} input (or {@code clip_name1}…). */
    static boolean isModelInput(String classType, String input) {
        return classType.toLowerCase(Locale.ROOT).contains("loader") && input.matches(".*_name[0-9]*");
    }

    /** The folder ComfyUI reads a loader input's files from, e.g. {@code models/diffusion_models/}. */
    static String folder(String classType, String input) {
        if (classType.equals("CLIPVisionLoader")) {
            return "models/clip_vision/";
        }
        if (classType.equals("UpscaleModelLoader")) {
            return "models/upscale_models/";
        }
        String folder = FOLDERS.get(input);
        return folder != null ? folder : "the models/ folder " + classType + " loads from";
    }

    /** The message for a model file a server lacks. */
    static String missingModel(String server, String classType, String input, String file) {
        return server + " has no " + classType + " model '" + file + "': put it in " + folder(classType, input);
    }

    /**
     * The values a node input accepts, or null when it is not a choice: ComfyUI lists them as
     * {@code [["a", "b"], {…}]}, or {@code ["COMBO", {"options": ["a", "b"]}]} for newer nodes.
     */
    static List<String> allowedValues(JsonNode info, String input) {
        JsonNode spec = info.path("input").path("required").get(input);
        if (spec == null) {
            spec = info.path("input").path("optional").get(input);
        }
        if (spec == null || !spec.isArray() || spec.isEmpty()) {
            return null;
        }
        JsonNode first = spec.get(0);
        JsonNode options = null;
        if (first.isArray()) {
            options = first;
        } else if (first.isTextual()
                && first.asText().equals("COMBO")
                && spec.size() > 1
                && spec.get(1).path("options").isArray()) {
            options = spec.get(1).get("options");
        }
        if (options == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        options.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String sample(List<String> values) {
        if (values.isEmpty()) {
            return "nothing";
        }
        List<String> shown = values.subList(0, Math.min(values.size(), 8)).stream()
                .map(v -> "'" + v + "'")
                .toList();
        return String.join(", ", shown) + (values.size() > shown.size() ? ", …" : "");
    }
}
