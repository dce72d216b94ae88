package dev.editloop.llm;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.parse.PlanReply;
import dev.editloop.core.parse.ReplyRepair;
import dev.editloop.core.parse.ThinkerReplyParser;
import dev.editloop.core.prompt.Prompts;
import dev.editloop.remote.HttpFailures;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A thinker over any chat model: renders the project's prompts (or the user's replacements), sends the pictures as
 * high-detail PNG parts (JPEG with {@code image_format=jpeg}), and reads the reply with the tolerant parser, asking again with a short repair message when a
 * reply cannot be read. An unreadable critique becomes {@link Critique#invalid} with the raw text kept; an unreadable
 * plan is an error. Never invents a score.
 *
 * <p>What each call sends: think-while-edit, the source then the edit (two images) with the user's and the previous
 * instruction; reflect, the edited image alone with the target description; think-before-edit, the source with the
 * instruction; reflect's target description, the source with the instruction. Thread-safe.
 */
public final class ChatThinker implements Thinker {
    static final String REWRITE_FORMAT =
            "<think>what the image shows and what the request means for it</think>\n<answer>the rewritten instruction</answer>";
    static final String TARGET_FORMAT = "<target>the description of the intended result</target>";

    private final ChatClient client;
    private final ChatSettings settings;
    private final BackendIdentity identity;
    private final ReplyRepair repair;
    private final ThinkerReplyParser parser = new ThinkerReplyParser();

    /** A thinker over the client's endpoints. */
    public ChatThinker(ChatClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = client.settings();
        this.identity = settings.thinkerIdentity();
        this.repair = new ReplyRepair(parser, settings.prompts().get(Prompts.REPAIR), settings.repairs());
    }

    @Override
    public Critique critique(CritiqueCall call) {
        Objects.requireNonNull(call, "call");
        if (call.mode() == CritiqueMode.COMPARE) {
            String text = settings.prompts()
                    .render(
                            Prompts.THINK_WHILE_EDIT,
                            Map.of(
                                    "original_instruction", call.originalInstruction(),
                                    "previous_instruction", call.currentInstruction()));
            ReplySchemas.Shape shape = settings.jsonSchema() ? ReplySchemas.COMPARE : null;
            List<Content> parts = new ArrayList<>(List.of(image(call.source()), image(call.edited())));
            text = withContext(text, call, 3, parts);
            parts.add(TextContent.from(withNote(text, shape)));
            Conversation conversation = new Conversation(parts, shape);
            return repair.critique(conversation::exchange);
        }
        String target =
                call.targetDescription() == null || call.targetDescription().isBlank()
                        ? "(no description was written: judge the picture against the edit instruction)"
                        : call.targetDescription();
        String text = settings.prompts()
                .render(
                        Prompts.REFLECT_JUDGE,
                        Map.of("instruction", call.currentInstruction(), "target_description", target));
        ReplySchemas.Shape shape = settings.jsonSchema() ? ReplySchemas.REFLECT : null;
        List<Content> parts = new ArrayList<>(List.of(image(call.edited())));
        text = withContext(text, call, 2, parts);
        parts.add(TextContent.from(withNote(text, shape)));
        Conversation conversation = new Conversation(parts, shape);
        return repair.reflect(call.targetDescription(), conversation::exchange);
    }

    @Override
    public Plan plan(PlanCall call) {
        Objects.requireNonNull(call, "call");
        boolean rewrite = call.kind() == PlanKind.REWRITE;
        String text = rewrite
                ? settings.prompts()
                        .render(
                                Prompts.THINK_BEFORE_EDIT,
                                Map.of(
                                        "instruction",
                                        call.instruction(),
                                        "max_actions",
                                        Integer.toString(call.maxActions())))
                : settings.prompts().render(Prompts.REFLECT_TARGET, Map.of("instruction", call.instruction()));
        ReplySchemas.Shape shape =
                settings.jsonSchema() ? (rewrite ? ReplySchemas.REWRITE : ReplySchemas.TARGET) : null;
        List<Content> parts = new ArrayList<>(List.of(image(call.source())));
        text = withReferences(text, call.references(), 2, parts);
        parts.add(TextContent.from(withNote(text, shape)));
        Conversation conversation = new Conversation(parts, shape);
        String format = rewrite ? REWRITE_FORMAT : TARGET_FORMAT;
        Usage usage = Usage.NONE;
        ReplyRepair.Repair next = null;
        for (int attempt = 0; ; attempt++) {
            ReplyRepair.Response response = conversation.exchange(next);
            usage = usage.plus(response.usage());
            PlanReply reply = parser.parsePlan(response.text(), call.kind());
            if (reply.readable()) {
                return reply.toPlan(call.instruction(), usage);
            }
            if (attempt >= settings.repairs()) {
                String what = rewrite ? "rewritten instruction" : "target description";
                throw new NonRetriableException(HttpFailures.where(settings.kind(), conversation.lastEndpoint())
                        + ": the thinker's " + what + " could not be read (" + reply.problem() + ")"
                        + (attempt == 0 ? "" : " after " + attempt + (attempt == 1 ? " repair" : " repairs"))
                        + "; check that model " + settings.model() + " follows the prompt, or raise repairs=N");
            }
            String message =
                    settings.prompts().render(Prompts.REPAIR, Map.of("problem", reply.problem(), "format", format));
            next = new ReplyRepair.Repair(attempt + 1, response.text(), reply.problem(), message);
        }
    }

    /**
     * The critique prompt with the region's context (where the edit was confined, what changed outside it) and the
     * reference images' (which image is which; the pictures go into {@code parts} after the prompt's own) added
     * after it, when the call has them.
     *
     * @param firstNumber the number the first reference gets among the images sent
     */
    private String withContext(String text, CritiqueCall call, int firstNumber, List<Content> parts) {
        StringBuilder out = new StringBuilder(text.strip());
        if (call.region() != null) {
            String measured = call.preservation() == null
                    ? "not measured"
                    : call.preservation().summary();
            out.append("\n\n")
                    .append(settings.prompts()
                            .render(
                                    Prompts.REGION,
                                    Map.of("region", call.region().description(), "preservation", measured))
                            .strip());
        }
        return withReferences(out.toString(), call.references(), firstNumber, parts);
    }

    /**
     * The prompt with the reference images' context added (which image is which), the pictures added to {@code parts}
     * after the prompt's own; the prompt unchanged when there are none.
     */
    private String withReferences(String text, List<Picture> references, int firstNumber, List<Content> parts) {
        if (references.isEmpty()) {
            return text;
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < references.size(); i++) {
            lines.append("- Image ")
                    .append(firstNumber + i)
                    .append(" here is the user's image ")
                    .append(i + 2)
                    .append(" (reference ")
                    .append(i + 1)
                    .append(")\n");
            parts.add(image(references.get(i)));
        }
        return text.strip() + "\n\n"
                + settings.prompts()
                        .render(
                                Prompts.REFERENCES,
                                Map.of("images", lines.toString().strip()))
                        .strip();
    }

    /** See {@link ChatSettings#thinkerIdentity()}. */
    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return identity.display();
    }

    @Override
    public void close() {
        client.close();
    }

    private Content image(dev.editloop.core.image.Picture picture) {
        return PictureParts.image(picture, settings.imageBudget(), settings.jpegQuality());
    }

    private static String withNote(String text, ReplySchemas.Shape shape) {
        return shape == null || shape.note() == null ? text : text + shape.note();
    }

    /**
     * One conversation with the model: the first message, then for each repair the model's unreadable reply and the
     * repair message. Used by one call on one thread.
     */
    private final class Conversation {
        private final List<ChatMessage> messages = new ArrayList<>();
        private final ReplySchemas.Shape shape;
        private java.net.URI lastEndpoint;

        Conversation(List<Content> first, ReplySchemas.Shape shape) {
            this.messages.add(UserMessage.from(first));
            this.shape = shape;
        }

        ReplyRepair.Response exchange(ReplyRepair.Repair repair) {
            if (repair != null) {
                messages.add(
                        AiMessage.from(repair.previousReply().isEmpty() ? "(empty reply)" : repair.previousReply()));
                messages.add(UserMessage.from(repair.message()));
            }
            ChatReply reply = client.send(List.copyOf(messages), shape == null ? null : shape.format());
            lastEndpoint = reply.endpoint();
            return new ReplyRepair.Response(reply.text(), reply.usage());
        }

        java.net.URI lastEndpoint() {
            return lastEndpoint == null ? client.endpoints().get(0) : lastEndpoint;
        }
    }
}
