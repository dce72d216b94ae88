package dev.editloop.llm;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.remote.HttpFailures;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VIEScore judge over any chat model: semantic consistency is judged on the source and the edit (two images),
 * perceptual quality on the edit alone; each reply lists sub-scores from 0 to 10. SC is the smallest of the SC
 * sub-scores (edit success, over-editing), PQ the smallest of the PQ sub-scores (naturalness, artifacts), and overall
 * is sqrt(SC·PQ). A reply without a readable score is asked again with a repair message (at most {@code repairs}
 * times) and then fails: unlike the benchmark's reference code, no score is ever made up. Thread-safe.
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
        if (!JudgeCall.VIESCORE.equals(call.protocol())) {
            throw new InvalidInputException("judge " + describe() + " does not know the protocol '" + call.protocol()
                    + "'; supported: " + JudgeCall.VIESCORE);
        }
        String semanticText =
                settings.judgePrompts().get(JudgePrompts.SEMANTIC).render(Map.of("instruction", call.instruction()));
        Asked semantic = ask("semantic consistency", List.of(call.source(), call.edited()), semanticText);
        String qualityText = settings.judgePrompts().get(JudgePrompts.QUALITY).render(Map.of());
        Asked quality = ask("perceptual quality", List.of(call.edited()), qualityText);
        double sc = semantic.reply.min();
        double pq = quality.reply.min();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("semantic", sc);
        scores.put("quality", pq);
        scores.put("overall", Math.sqrt(sc * pq));
        String reasoning = "Semantic consistency " + semantic.reply.scores() + ": " + semantic.reply.reasoning()
                + "\n\nPerceptual quality " + quality.reply.scores() + ": " + quality.reply.reasoning();
        String raw = "[semantic]\n" + semantic.raw + "\n\n[quality]\n" + quality.raw;
        return new Judgement(JudgeCall.VIESCORE, scores, reasoning, raw, semantic.usage.plus(quality.usage));
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

    /** One graded question: the readable reply, every raw reply, and the tokens of every call. */
    private record Asked(JudgeReply reply, String raw, Usage usage) {}

    private Asked ask(String what, List<Picture> pictures, String text) {
        List<Content> first = new ArrayList<>();
        for (Picture p : pictures) {
            first.add(PictureParts.image(p, settings.imageBudget(), settings.jpegQuality()));
        }
        first.add(TextContent.from(text));
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(UserMessage.from(first));
        Usage usage = Usage.NONE;
        List<String> raws = new ArrayList<>();
        var format = settings.jsonSchema() ? ReplySchemas.JUDGE.format() : null;
        for (int attempt = 0; ; attempt++) {
            ChatReply reply = client.send(List.copyOf(messages), format);
            usage = usage.plus(reply.usage());
            raws.add(reply.text());
            JudgeReply parsed = JudgeReply.parse(reply.text());
            if (parsed.readable()) {
                return new Asked(parsed, String.join("\n\n[repair]\n", raws), usage);
            }
            if (attempt >= settings.repairs()) {
                throw new NonRetriableException(settings.remote()
                        .key()
                        .redact(HttpFailures.where(settings.kind(), reply.endpoint())
                                + ": judge reply had no readable score for " + what + " (" + parsed.problem() + ")"
                                + (attempt == 0 ? "" : " after " + attempt + (attempt == 1 ? " repair" : " repairs"))
                                + "; check that model " + settings.model() + " can grade images, or raise repairs=N"));
            }
            messages.add(AiMessage.from(reply.text().isEmpty() ? "(empty reply)" : reply.text()));
            messages.add(UserMessage.from(
                    settings.judgePrompts().get(JudgePrompts.REPAIR).render(Map.of("problem", parsed.problem()))));
        }
    }
}
