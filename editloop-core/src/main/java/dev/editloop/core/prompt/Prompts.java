package dev.editloop.core.prompt;

import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The named prompt templates the thinkers use, with the project's defaults and any of them replaced by a user's file
 * (so a thinker fine-tuned on a specific prompt gets exactly that prompt); immutable.
 *
 * <p>The prompts and the placeholders each may use:
 *
 * <ul>
 *   <li>{@value #THINK_WHILE_EDIT}: critique one edit (image 1 the source, image 2 the edit), judge first, then plan;
 *       reply {@code <think>…</think><score>{"semantic": x, "quality": y}</score><answer>…</answer>}. Placeholders
 *       {@code original_instruction} (the user's), {@code previous_instruction} (the one that made this edit).
 *   <li>{@value #THINK_BEFORE_EDIT}: rewrite the instruction from the source image alone; reply
 *       {@code <think>…</think><answer>…</answer>}. Placeholders {@code instruction}, {@code max_actions}.
 *   <li>{@value #REFLECT_TARGET}: describe the intended result image; reply {@code <target>…</target>}. Placeholder
 *       {@code instruction}.
 *   <li>{@value #REFLECT_JUDGE}: judge one edited image against that description; reply
 *       {@code <judgement>…</judgement><score>…</score><verdict>…</verdict><answer>…</answer>} with the verdict
 *       SUCCESS, REFLECTION (answer: a correction of this image) or FAILED (answer: a rewrite for the source).
 *       Placeholders {@code instruction}, {@code target_description}.
 *   <li>{@value #REPAIR}: the short message sent after an unreadable reply. Placeholders {@code problem} (what was
 *       wrong), {@code format} (the expected format).
 *   <li>{@value #REGION}: added after a critique prompt when the edit was confined to a region. Placeholders {@code
 *       region} (where it came from) and {@code preservation} (what the loop measured outside it and did about it).
 *   <li>{@value #REFERENCES}: added after a critique prompt when the request came with reference images, which are
 *       sent after the prompt's own images. Placeholder {@code images} (one line per reference: which image it is).
 * </ul>
 *
 * <p>The defaults use every placeholder of their prompt. A user's replacement may use any subset of them, and nothing
 * else.
 */
public final class Prompts {
    /** Think-while-edit critique and refinement. */
    public static final String THINK_WHILE_EDIT = "think-while-edit";
    /** Think-before-edit rewrite from the source alone. */
    public static final String THINK_BEFORE_EDIT = "think-before-edit";
    /** Reflect: describe the intended target image. */
    public static final String REFLECT_TARGET = "reflect-target";
    /** Reflect: judge one image against the target description and give a verdict. */
    public static final String REFLECT_JUDGE = "reflect-judge";
    /** The format reminder sent after an unreadable reply. */
    public static final String REPAIR = "repair";
    /** Context added to a critique of an edit confined to a region. */
    public static final String REGION = "region";
    /** Context added to a critique when the request came with reference images. */
    public static final String REFERENCES = "references";

    /** Where the default texts live on the classpath. */
    static final String RESOURCE_FOLDER = "/dev/editloop/core/prompts/";

    /** Each prompt's placeholders, in the order of {@link #names()}. */
    private static final Map<String, List<String>> PLACEHOLDERS;

    static {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(THINK_WHILE_EDIT, List.of("original_instruction", "previous_instruction"));
        map.put(THINK_BEFORE_EDIT, List.of("instruction", "max_actions"));
        map.put(REFLECT_TARGET, List.of("instruction"));
        map.put(REFLECT_JUDGE, List.of("instruction", "target_description"));
        map.put(REPAIR, List.of("problem", "format"));
        map.put(REGION, List.of("region", "preservation"));
        map.put(REFERENCES, List.of("images"));
        PLACEHOLDERS = Collections.unmodifiableMap(map);
    }

    private static final class Defaults {
        static final Prompts INSTANCE = load();

        private static Prompts load() {
            Map<String, PromptTemplate> templates = new LinkedHashMap<>();
            for (String name : PLACEHOLDERS.keySet()) {
                templates.put(name, PromptTemplate.fromResource(name, RESOURCE_FOLDER + name + ".txt"));
            }
            return new Prompts(templates);
        }
    }

    private final Map<String, PromptTemplate> templates;

    private Prompts(Map<String, PromptTemplate> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** The project's default prompts. */
    public static Prompts defaults() {
        return Defaults.INSTANCE;
    }

    /** The names of all prompts, in a stable order. */
    public static List<String> names() {
        return List.copyOf(PLACEHOLDERS.keySet());
    }

    /**
     * The placeholders a prompt may use.
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static List<String> placeholders(String name) {
        return PLACEHOLDERS.get(known(name));
    }

    /**
     * The template of that name.
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public PromptTemplate get(String name) {
        return templates.get(known(name));
    }

    /** Renders the named template; see {@link PromptTemplate#render(Map)}. */
    public String render(String name, Map<String, String> values) {
        return get(name).render(values);
    }

    /**
     * These prompts with one replaced by the text of a user's file (UTF-8).
     *
     * @throws InvalidInputException for an unknown name (listing the known ones), a missing or unreadable file, or a
     *     file that uses a placeholder the prompt does not offer (listing the ones it does)
     */
    public Prompts withOverride(String name, Path file) {
        known(name);
        return withOverride(name, PromptTemplate.fromFile(name, file));
    }

    /**
     * These prompts with one replaced by the given template.
     *
     * @throws InvalidInputException for an unknown name (listing the known ones) or a template that uses a placeholder
     *     the prompt does not offer (listing the ones it does)
     */
    public Prompts withOverride(String name, PromptTemplate template) {
        Objects.requireNonNull(template, "template");
        List<String> allowed = placeholders(name);
        List<String> unknown = template.placeholders().stream()
                .filter(p -> !allowed.contains(p))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("prompt '" + name + "' from " + template.origin() + " uses "
                    + unknown.stream().map(p -> "{{" + p + "}}").toList()
                    + ", which this prompt does not provide; it may use "
                    + allowed.stream().map(p -> "{{" + p + "}}").toList());
        }
        Map<String, PromptTemplate> copy = new LinkedHashMap<>(templates);
        copy.put(name, template);
        return new Prompts(copy);
    }

    private static String known(String name) {
        if (name == null || !PLACEHOLDERS.containsKey(name)) {
            throw new InvalidInputException("unknown prompt '" + name + "'; known prompts: " + names());
        }
        return name;
    }
}
