package dev.editloop.core.parse;

import dev.editloop.core.parse.TagScanner.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads replies written as labelled sections instead of tags, the way chat models drift into markdown:
 * {@code **Reasoning:** …}, {@code ### Scores}, {@code - Semantic consistency: 8/10},
 * {@code Refined instruction: …}, {@code Verdict: REFLECTION}. A label starts a line (after optional markdown list,
 * heading or bold markers) and is followed by a colon, or stands alone on a heading line; its section runs to the
 * next label line.
 */
final class LabeledSections {

    /** Section labels (lower case, words separated by spaces) and what they hold. */
    static final Map<String, Kind> LABELS = Map.ofEntries(
            Map.entry("reasoning", Kind.THINK),
            Map.entry("reason", Kind.THINK),
            Map.entry("thinking", Kind.THINK),
            Map.entry("thoughts", Kind.THINK),
            Map.entry("thought", Kind.THINK),
            Map.entry("think", Kind.THINK),
            Map.entry("analysis", Kind.THINK),
            Map.entry("critique", Kind.THINK),
            Map.entry("explanation", Kind.THINK),
            Map.entry("rationale", Kind.THINK),
            Map.entry("分析", Kind.THINK),
            Map.entry("思考", Kind.THINK),
            Map.entry("推理", Kind.THINK),
            Map.entry("理由", Kind.THINK),
            Map.entry("score", Kind.SCORE),
            Map.entry("scores", Kind.SCORE),
            Map.entry("rating", Kind.SCORE),
            Map.entry("ratings", Kind.SCORE),
            Map.entry("评分", Kind.SCORE),
            Map.entry("分数", Kind.SCORE),
            Map.entry("得分", Kind.SCORE),
            Map.entry("answer", Kind.ANSWER),
            Map.entry("final answer", Kind.ANSWER),
            Map.entry("instruction", Kind.ANSWER),
            Map.entry("edit instruction", Kind.ANSWER),
            Map.entry("refined instruction", Kind.ANSWER),
            Map.entry("refined edit instruction", Kind.ANSWER),
            Map.entry("refined prompt", Kind.ANSWER),
            Map.entry("improved instruction", Kind.ANSWER),
            Map.entry("revised instruction", Kind.ANSWER),
            Map.entry("new instruction", Kind.ANSWER),
            Map.entry("next instruction", Kind.ANSWER),
            Map.entry("rewritten instruction", Kind.ANSWER),
            Map.entry("corrected instruction", Kind.ANSWER),
            Map.entry("correction", Kind.ANSWER),
            Map.entry("rewrite", Kind.ANSWER),
            Map.entry("答案", Kind.ANSWER),
            Map.entry("指令", Kind.ANSWER),
            Map.entry("新指令", Kind.ANSWER),
            Map.entry("修改后的指令", Kind.ANSWER),
            Map.entry("优化后的指令", Kind.ANSWER),
            Map.entry("改进后的指令", Kind.ANSWER),
            Map.entry("verdict", Kind.VERDICT),
            Map.entry("decision", Kind.VERDICT),
            Map.entry("结论", Kind.VERDICT),
            Map.entry("判定", Kind.VERDICT),
            Map.entry("target", Kind.TARGET),
            Map.entry("target description", Kind.TARGET),
            Map.entry("target image", Kind.TARGET),
            Map.entry("目标", Kind.TARGET),
            Map.entry("目标描述", Kind.TARGET),
            Map.entry("judgement", Kind.JUDGEMENT),
            Map.entry("judgment", Kind.JUDGEMENT),
            Map.entry("assessment", Kind.JUDGEMENT),
            Map.entry("evaluation", Kind.JUDGEMENT),
            Map.entry("评价", Kind.JUDGEMENT),
            Map.entry("判断", Kind.JUDGEMENT));

    private static final Pattern LINE;

    static {
        String labels = Stream.concat(
                        LABELS.keySet().stream(),
                        Stream.concat(ScoreReader.SEMANTIC_KEYS.stream(), ScoreReader.QUALITY_KEYS.stream())
                                .map(k -> k.replace('_', ' ')))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(l -> Stream.of(l.split(" ")).map(Pattern::quote).collect(Collectors.joining("[ \\t_-]+")))
                .collect(Collectors.joining("|"));
        LINE = Pattern.compile(
                "^[ \\t]*+(?<prefix>(?:[#>*•\\-]++[ \\t]*+)?(?:\\d++[.)][ \\t]*+)?(?:\\*\\*|__)?)[ \\t]*+"
                        + "(?<label>" + labels + ")(?![A-Za-z])[ \\t]*+(?:\\([^)\\n]{0,30}+\\))?[ \\t]*+"
                        + "(?:\\*\\*|__)?[ \\t]*+(?<colon>[:：])?[ \\t]*+(?:\\*\\*|__)?[ \\t]*+(?<rest>.*)$",
                Pattern.MULTILINE | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private record Section(Kind kind, String content) {}

    private LabeledSections() {}

    /**
     * The sections found, by what they hold: the first reasoning, target and judgement; the last answer and verdict
     * (models restate and settle on the last); every score section and score line, joined.
     */
    static Map<Kind, String> read(String text) {
        List<Section> sections = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        Kind kind = null;
        boolean scoreLine = false;
        int contentStart = -1;
        int lineStart = -1;
        while (m.find()) {
            boolean colon = m.group("colon") != null;
            boolean heading =
                    m.group("prefix").contains("#") || m.group("prefix").contains("**");
            if (!colon && !(heading && m.group("rest").isBlank())) {
                continue; // a line that merely starts with a label word
            }
            if (kind != null) {
                sections.add(new Section(kind, text.substring(scoreLine ? lineStart : contentStart, m.start())));
            }
            String label = m.group("label").toLowerCase(Locale.ROOT).replaceAll("[ \\t_-]+", " ");
            Kind labelled = LABELS.get(label);
            scoreLine = labelled == null; // a semantic or quality label: the line itself is the score text
            kind = labelled == null ? Kind.SCORE : labelled;
            contentStart = m.start("rest");
            lineStart = m.start("label");
        }
        if (kind != null) {
            sections.add(new Section(kind, text.substring(scoreLine ? lineStart : contentStart)));
        }
        Map<Kind, String> found = new EnumMap<>(Kind.class);
        for (Section s : sections) {
            String content = s.content().strip();
            switch (s.kind()) {
                case SCORE -> found.merge(Kind.SCORE, content, (a, b) -> a + "\n" + b);
                case ANSWER, VERDICT -> found.put(s.kind(), content);
                default -> found.putIfAbsent(s.kind(), content);
            }
        }
        return found;
    }
}
