package dev.editloop.llm;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Criterion;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Usage;
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
 * A judge over any chat model: it sends the question's images in order, each preceded by a line naming its role
 * ("Image 1: the SOURCE image, before editing"), then the question's prompt and the reply format (one JSON object
 * with an integer per criterion and a short {@code explanation}; a JSON schema of that object when the spec sets
 * {@code response_format=json_schema}). The reply is read tolerantly ({@link JudgeReply}) and every value must lie on
 * its criterion's scale. An unreadable reply is asked again with a short repair message (at most {@code repairs}
 * times) and then fails with a {@link NonRetriableException} naming what could not be read: unlike the benchmarks'
 * reference code, no score is ever made up. The judgement records the model name the server reported. Thread-safe.
 */
public final class ChatJudge implements Judge {
    private final ChatClient client;
    private final ChatSettings settings;
    private final BackendIdentity identity;

    /** A judge over the client's endpoints. */
    public ChatJudge(ChatClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = client.settings();
        this.identity = settings.judgeIdentity();
    }

    @Override
    public Judgement judge(JudgeCall call) {
        Objects.requireNonNull(call, "call");
        String form = form(call.criteria());
        List<Content> first = new ArrayList<>();
        int n = 0;
        for (JudgeImage image : call.images()) {
            n++;
            first.add(TextContent.from("Image " + n + ": " + label(image.role())));
            first.add(PictureParts.image(image.picture(), settings.imageBudget(), settings.jpegQuality()));
        }
        String format = settings.judgePrompts().get(JudgePrompts.FORMAT).render(Map.of("form", form));
        first.add(TextContent.from(call.prompt().strip() + "\n\n" + format));
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(UserMessage.from(first));
        Usage usage = Usage.NONE;
        List<String> raws = new ArrayList<>();
        var responseFormat = settings.jsonSchema() ? ReplySchemas.judge(call.criteria()) : null;
        String what = call.protocol() + "/" + call.question();
        for (int attempt = 0; ; attempt++) {
            ChatReply reply = client.send(List.copyOf(messages), responseFormat);
            usage = usage.plus(reply.usage());
            raws.add(reply.text());
            JudgeReply parsed = JudgeReply.parse(reply.text(), call.criteria());
            if (parsed.readable()) {
                return new Judgement(
                        call.protocol(),
                        parsed.scores(),
                        parsed.reasoning(),
                        String.join("\n\n[repair]\n", raws),
                        usage,
                        reply.model());
            }
            if (attempt >= settings.repairs()) {
                throw new NonRetriableException(settings.remote()
                        .key()
                        .redact(HttpFailures.where(settings.kind(), reply.endpoint())
                                + ": judge reply had no readable scores for question " + what + " ("
                                + parsed.problem() + ")"
                                + (attempt == 0 ? "" : " after " + attempt + (attempt == 1 ? " repair" : " repairs"))
                                + "; check that model " + settings.model() + " can grade images, or raise repairs=N"));
            }
            messages.add(AiMessage.from(reply.text().isEmpty() ? "(empty reply)" : reply.text()));
            messages.add(UserMessage.from(settings.judgePrompts()
                    .get(JudgePrompts.REPAIR)
                    .render(Map.of("problem", parsed.problem(), "form", form))));
        }
    }

    /**
     * {@code {"edit_success": <integer 0-10>, …, "explanation": "<a few sentences>"}}; the text field is not called
     * {@code reasoning} because RISE has a criterion of that name.
     */
    static String form(List<Criterion> criteria) {
        StringBuilder b = new StringBuilder("{");
        for (Criterion c : criteria) {
            b.append('"')
                    .append(c.name())
                    .append("\": <integer ")
                    .append(c.range())
                    .append(">, ");
        }
        return b.append("\"explanation\": \"<a few sentences on what you saw>\"}")
                .toString();
    }

    private static String label(String role) {
        return switch (role) {
            case JudgeImage.SOURCE -> "the SOURCE image, before editing";
            case JudgeImage.EDITED -> "the EDITED image, the result being judged";
            case JudgeImage.REFERENCE -> "the REFERENCE image, the expected result";
            default -> "the " + role.toUpperCase(java.util.Locale.ROOT).replace('_', ' ') + " image";
        };
    }

    /** See {@link ChatSettings#judgeIdentity()}. */
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
}
