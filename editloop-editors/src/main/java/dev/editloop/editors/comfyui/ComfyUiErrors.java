package dev.editloop.editors.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.remote.HttpReply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns ComfyUI's own error reports into one-line messages: the 400 of {@code POST /prompt} (a workflow the server
 * rejects) and the {@code execution_error} of a run that failed in a node.
 */
final class ComfyUiErrors {
    private static final int MAX = 400;

    private ComfyUiErrors() {}

    /**
     * The exception for a 400 from {@code /prompt}: a model file the server lacks says which file and which folder
     * (an {@link InvalidInputException}); anything else quotes {@code error.type} and each node's errors.
     *
     * @param where {@code comfyui at http://host:8188}
     * @param server {@code ComfyUI at http://host:8188}
     * @param sent the workflow as sent, to name the class type and value when the reply omits them
     */
    static NonRetriableException rejected(
            HttpReply reply, String where, String server, ComfyUiWorkflow workflow, JsonNode sent) {
        JsonNode body;
        try {
            body = reply.json();
        } catch (NonRetriableException e) {
            return new NonRetriableException(where + ": ComfyUI rejected " + workflow.source() + " (HTTP 400, "
                    + reply.text().strip() + ")");
        }
        JsonNode error = body.path("error");
        String type = error.isTextual() ? error.asText() : error.path("type").asText("");
        String message = error.path("message").asText("");
        List<String> models = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("node_errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode node = entry.getValue();
            String classType = node.path("class_type")
                    .asText(sent.path(id).path("class_type").asText("?"));
            List<String> parts = new ArrayList<>();
            for (JsonNode e : node.path("errors")) {
                String errorType = e.path("type").asText("error");
                String input = e.path("extra_info").path("input_name").asText("");
                if (errorType.equals("value_not_in_list")
                        && !input.isEmpty()
                        && ObjectInfoCheck.isModelInput(classType, input)) {
                    String value = e.path("extra_info")
                            .path("received_value")
                            .asText(sent.path(id).path("inputs").path(input).asText("?"));
                    models.add(ObjectInfoCheck.missingModel(server, classType, input, value));
                    continue;
                }
                String details = e.path("details").asText("");
                String text = e.path("message").asText(errorType);
                parts.add(
                        errorType + (input.isEmpty() ? "" : " " + input) + ": " + (details.isEmpty() ? text : details));
            }
            if (!parts.isEmpty()) {
                nodes.add("node " + id + " (" + classType + ") " + String.join(", ", parts));
            }
        }
        if (!models.isEmpty()) {
            return new InvalidInputException(cut(String.join("; ", models)));
        }
        if (type.equals("invalid_prompt") && nodes.isEmpty()) {
            return new InvalidInputException(
                    cut(where + ": ComfyUI rejected " + workflow.source() + " (invalid_prompt: " + message + " "
                                            + error.path("details").asText(""))
                                    .strip()
                            + "): check the class_type names, or install the custom nodes the workflow needs");
        }
        String summary = type
                + (message.isEmpty() ? "" : ": " + message)
                + (nodes.isEmpty() ? "" : "; " + String.join("; ", nodes));
        return new NonRetriableException(cut(where + ": ComfyUI rejected " + workflow.source() + " (" + summary + ")"));
    }

    /**
     * The exception for a run whose history says {@code status_str: "error"}: it quotes the node and the exception
     * of the {@code execution_error} message.
     */
    static NonRetriableException failed(JsonNode entry, String where, ComfyUiWorkflow workflow, String promptId) {
        for (JsonNode message : entry.path("status").path("messages")) {
            if (message.isArray() && message.size() >= 2) {
                String kind = message.get(0).asText();
                JsonNode data = message.get(1);
                if (kind.equals("execution_error")) {
                    String type = data.path("exception_type").asText("");
                    String text = data.path("exception_message").asText("").strip();
                    return new NonRetriableException(cut(
                            where + ": " + workflow.source() + " failed in node "
                                    + data.path("node_id").asText("?") + " ("
                                    + data.path("node_type").asText("?") + "): "
                                    + (type.isEmpty() ? "" : type + ": ") + oneLine(text),
                            " (prompt " + promptId + ")"));
                }
                if (kind.equals("execution_interrupted")) {
                    return new NonRetriableException(where + ": " + workflow.source() + " was interrupted in node "
                            + data.path("node_id").asText("?") + " ("
                            + data.path("node_type").asText("?")
                            + "): someone cancelled prompt " + promptId + " on the server");
                }
            }
        }
        return new NonRetriableException(where + ": " + workflow.source() + " failed (prompt " + promptId
                + ", status " + entry.path("status").path("status_str").asText("?")
                + ") without an execution_error message: see the ComfyUI server's log");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String s) {
        return cut(s, "");
    }

    /**
     * One line of at most {@link #MAX} characters (an ellipsis marks a cut) followed by a tail that is never cut, such
     * as {@code " (prompt ID)"}: the id is what a user needs to find the run in the server's log.
     */
    static String cut(String s, String tail) {
        String line = oneLine(s);
        int room = Math.max(0, MAX - tail.length());
        return (line.length() <= room ? line : line.substring(0, room) + "…") + tail;
    }
}
