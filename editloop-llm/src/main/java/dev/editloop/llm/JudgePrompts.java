package dev.editloop.llm;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.prompt.PromptTemplate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts of the chat judge (VIEScore), with the placeholders each may use; the texts live in resource files and
 * can be replaced with {@code prompt.NAME=FILE} like the thinker's.
 *
 * <ul>
 *   <li>{@value #SEMANTIC}: semantic consistency, shown the source and the edit; placeholder {@code instruction};
 *   <li>{@value #QUALITY}: perceptual quality, shown the edit alone; no placeholder;
 *   <li>{@value #REPAIR}: sent after a reply without a readable score; placeholder {@code problem}.
 * </ul>
 */
public final class JudgePrompts {
    /** VIEScore semantic consistency: edit success and over-editing, on two images. */
    public static final String SEMANTIC = "viescore-semantic";
    /** VIEScore perceptual quality: naturalness and artifacts, on the edit alone. */
    public static final String QUALITY = "viescore-quality";
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
        map.put(SEMANTIC, List.of("instruction"));
        map.put(QUALITY, List.of());
        map.put(REPAIR, List.of("problem"));
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
