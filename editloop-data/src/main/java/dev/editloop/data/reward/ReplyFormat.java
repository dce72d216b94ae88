package dev.editloop.data.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict reading of a thinker reply that the format reward checks: the exact layout the think-while-edit prompt
 * asks for, {@code <think>…</think><score>{"semantic": x, "quality": y}</score><answer>…</answer>}, with nothing
 * tolerated. (The loop itself reads replies tolerantly; a model being trained should learn the exact layout.)
 *
 * @param tagsInOrder each of the three tags opens and closes exactly once, in the order think, score, answer, with only
 *     white space between and around them, and the answer is not blank
 * @param scoresReadable the score block is a JSON object whose {@code semantic} and {@code quality} are numbers within
 *     0–10
 * @param semantic the score block's semantic score, or NaN
 * @param quality the score block's quality score, or NaN
 * @param think the think block's text (trimmed), or null
 * @param answer the answer block's text (trimmed), or null
 * @param problems what departs from the layout, in short phrases; empty for a reply in the exact layout
 */
public record ReplyFormat(
        boolean tagsInOrder,
        boolean scoresReadable,
        double semantic,
        double quality,
        String think,
        String answer,
        List<String> problems) {
    private static final List<String> TAGS = List.of("think", "score", "answer");
    private static final Pattern ANY_TAG = Pattern.compile("<(/?)([A-Za-z_]+)>");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReplyFormat {
        problems = List.copyOf(problems);
    }

    /** Whether the reply is in the exact layout with readable scores. */
    public boolean perfect() {
        return tagsInOrder && scoresReadable;
    }

    /** Reads a reply strictly; never throws (a null reply has every problem). */
    public static ReplyFormat check(String reply) {
        String text = reply == null ? "" : reply;
        List<String> problems = new ArrayList<>();
        List<String> sequence = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = ANY_TAG.matcher(text);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (TAGS.contains(name)) {
                sequence.add(m.group(1) + name);
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        List<String> expected = List.of("think", "/think", "score", "/score", "answer", "/answer");
        boolean order = sequence.equals(expected);
        String think = null;
        String score = null;
        String answer = null;
        if (order) {
            if (!text.substring(0, spans.get(0)[0]).isBlank()) {
                problems.add("text before <think>");
                order = false;
            }
            for (int pair = 1; pair < 3; pair++) {
                if (!text.substring(spans.get(2 * pair - 1)[1], spans.get(2 * pair)[0])
                        .isBlank()) {
                    problems.add("text between </" + TAGS.get(pair - 1) + "> and <" + TAGS.get(pair) + ">");
                    order = false;
                }
            }
            if (!text.substring(spans.get(5)[1]).isBlank()) {
                problems.add("text after </answer>");
                order = false;
            }
            think = text.substring(spans.get(0)[1], spans.get(1)[0]).strip();
            score = text.substring(spans.get(2)[1], spans.get(3)[0]).strip();
            answer = text.substring(spans.get(4)[1], spans.get(5)[0]).strip();
            if (answer.isEmpty()) {
                problems.add("empty answer");
                order = false;
            }
        } else {
            for (String tag : TAGS) {
                long opens = sequence.stream().filter(tag::equals).count();
                long closes = sequence.stream().filter(("/" + tag)::equals).count();
                if (opens == 0) {
                    problems.add("missing <" + tag + ">");
                } else if (opens > 1) {
                    problems.add("<" + tag + "> more than once");
                }
                if (closes == 0) {
                    problems.add("missing </" + tag + ">");
                } else if (closes > 1) {
                    problems.add("</" + tag + "> more than once");
                }
            }
            if (problems.isEmpty()) {
                problems.add("tags out of order");
            }
            score = lenientBlock(text, "score");
        }
        double semantic = Double.NaN;
        double quality = Double.NaN;
        boolean scores = false;
        if (score == null) {
            problems.add("no score block");
        } else {
            try {
                JsonNode node = JSON.readTree(score);
                if (node == null || !node.isObject()) {
                    problems.add("the score block is not a JSON object");
                } else {
                    JsonNode sc = node.get("semantic");
                    JsonNode pq = node.get("quality");
                    if (sc == null || !sc.isNumber() || pq == null || !pq.isNumber()) {
                        problems.add("the score block needs numeric \"semantic\" and \"quality\"");
                    } else {
                        semantic = sc.asDouble();
                        quality = pq.asDouble();
                        if (semantic < 0 || semantic > 10 || quality < 0 || quality > 10) {
                            problems.add("score out of range 0–10");
                            semantic = Double.NaN;
                            quality = Double.NaN;
                        } else {
                            scores = true;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                problems.add("the score block is not JSON");
            }
        }
        return new ReplyFormat(order, scores, semantic, quality, think, answer, problems);
    }

    /** The text of the first {@code <tag>…</tag>} block, when both tags are there in that order. */
    private static String lenientBlock(String text, String tag) {
        String lower = text.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<" + tag + ">");
        if (open < 0) {
            return null;
        }
        int close = lower.indexOf("</" + tag + ">", open);
        return close < 0 ? null : text.substring(open + tag.length() + 2, close).strip();
    }
}
