package dev.editloop.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;

/**
 * The JSON schemas sent with {@code response_format=json_schema}: each asks for the same parts the tagged prompt does,
 * under the field names {@link dev.editloop.core.parse.ThinkerReplyParser} reads, so the one tolerant parser reads
 * both shapes. Each schema comes with a one-line note appended to the prompt, telling the model to put the parts in
 * the JSON fields instead of the tags.
 */
final class ReplySchemas {
    /** A schema and the note that goes with it. */
    record Shape(ResponseFormat format, String note) {}

    /** Think-while-edit: reasoning, two scores, the next instruction. */
    static final Shape COMPARE = shape(
            "critique",
            JsonObjectSchema.builder()
                    .addStringProperty("reasoning", "your judgement, then your plan")
                    .addNumberProperty("semantic", "semantic consistency, 0 to 10")
                    .addNumberProperty("quality", "perceptual quality, 0 to 10")
                    .addStringProperty("answer", "the next instruction")
                    .required("reasoning", "semantic", "quality", "answer")
                    .additionalProperties(false)
                    .build(),
            "reasoning (the judgement and plan), semantic, quality and answer (the next instruction)");

    /** Reflect: judgement as reasoning, two scores, a verdict, the correction. */
    static final Shape REFLECT = shape(
            "reflection",
            JsonObjectSchema.builder()
                    .addStringProperty("reasoning", "your check, statement by statement")
                    .addNumberProperty("semantic", "how much of the description the picture matches, 0 to 10")
                    .addNumberProperty("quality", "how natural and clean the picture looks, 0 to 10")
                    .addEnumProperty("verdict", List.of("SUCCESS", "REFLECTION", "FAILED"))
                    .addStringProperty("answer", "the correcting or new instruction; empty for SUCCESS")
                    .required("reasoning", "semantic", "quality", "verdict", "answer")
                    .additionalProperties(false)
                    .build(),
            "reasoning (the check), semantic, quality, verdict and answer");

    /** Think-before-edit: reasoning and the rewritten instruction. */
    static final Shape REWRITE = shape(
            "rewrite",
            JsonObjectSchema.builder()
                    .addStringProperty("reasoning", "what the image shows and what the request means for it")
                    .addStringProperty("answer", "the rewritten instruction")
                    .required("reasoning", "answer")
                    .additionalProperties(false)
                    .build(),
            "reasoning and answer (the rewritten instruction)");

    /** Reflect's target description. */
    static final Shape TARGET = shape(
            "target",
            JsonObjectSchema.builder()
                    .addStringProperty("target", "the description of the intended result")
                    .required("target")
                    .additionalProperties(false)
                    .build(),
            "target (the description of the intended result)");

    /** A judge reply for these criteria: one integer field per criterion, then the explanation. */
    static ResponseFormat judge(List<dev.editloop.core.Criterion> criteria) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder();
        List<String> required = new java.util.ArrayList<>();
        for (dev.editloop.core.Criterion c : criteria) {
            root.addProperty(
                    c.name(),
                    JsonIntegerSchema.builder()
                            .description("a whole number from " + c.min() + " to " + c.max())
                            .build());
            required.add(c.name());
        }
        root.addStringProperty("explanation", "a few sentences on what you saw");
        required.add("explanation");
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("grades")
                        .rootElement(root.required(required)
                                .additionalProperties(false)
                                .build())
                        .build())
                .build();
    }

    private ReplySchemas() {}

    private static Shape shape(String name, JsonObjectSchema root, String fields) {
        ResponseFormat format = ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(name).rootElement(root).build())
                .build();
        String note = fields == null
                ? null
                : "\n\nWrite your reply as one JSON object with the fields " + fields
                        + ", holding the parts described above in place of the tags.";
        return new Shape(format, note);
    }
}
