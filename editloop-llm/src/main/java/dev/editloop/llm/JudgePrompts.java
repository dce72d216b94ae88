package dev.editloop.llm;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.prompt.PromptTemplate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat judge's own prompts, with the placeholders each may use; the texts live in resource files and can be
 * replaced with {@code prompt.NAME=FILE} like the thinker's. What the judge is asked comes with each question (the
 * benchmark protocols write it); these only say how to answer.
 *
 * <ul>
 *   <li>{@value #FORMAT}: appended to every question; placeholder {@code form} (the JSON object expected, one field per
 *       criterion with its range, and {@code reasoning});
 *   <li>{@value #REPAIR}: sent after a reply without readable scores; placeholders {@code problem} and {@code form}.
 * </ul>
 */
public final class JudgePrompts {
    /** How to reply, appended to every question. */
    public static final String FORMAT = "judge-format";
    /** The format reminder after an unreadable judge reply. */
    public static final String REPAIR = "judge-repair";

    private static final Map<String, List<String>> PLACEHOLDERS = placeholders();

    private static final Map<String, PromptTemplate> DEFAULTS = load();

    private JudgePrompts() {}

    /** The judge prompt names. */
    public static List<String> names() {
        return List.copyOf(PLACEHOLDERS.keySet());
    }

    /** The default templates by name. */
    public static Map<String, PromptTemplate> defaults() {
        return DEFAULTS;
    }

    /**
     * A user's replacement for one judge prompt.
     *
     * @throws InvalidInputException for a missing file or a placeholder the prompt does not offer
     */
    public static PromptTemplate override(String name, Path file) {
        PromptTemplate template = PromptTemplate.fromFile(name, file);
        List<String> allowed = PLACEHOLDERS.get(name);
        List<String> extra = template.placeholders().stream()
                .filter(p -> !allowed.contains(p))
                .toList();
        if (!extra.isEmpty()) {
            throw new InvalidInputException("prompt '" + name + "' from " + file + " uses "
                    + extra.stream().map(p -> "{{" + p + "}}").toList() + ", which this prompt does not provide; it may"
                    + " use " + allowed.stream().map(p -> "{{" + p + "}}").toList());
        }
        return template;
    }

    private static Map<String, List<String>> placeholders() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(FORMAT, List.of("form"));
        map.put(REPAIR, List.of("problem", "form"));
        return map;
    }

    private static Map<String, PromptTemplate> load() {
        Map<String, PromptTemplate> map = new LinkedHashMap<>();
        for (String name : PLACEHOLDERS.keySet()) {
            map.put(name, PromptTemplate.fromResource(name, "/dev/editloop/llm/prompts/" + name + ".txt"));
        }
        return Map.copyOf(map);
    }
}
