package dev.editloop.bench.protocol;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.prompt.PromptTemplate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A protocol's prompts by name: the texts in {@code dev/editloop/bench/prompts/NAME.txt}, any of them replaced by a
 * user's file. Prompts may use the placeholders {@code {{instruction}}} and {@code {{reference}}} (the case's
 * reference text, or a sentence saying there is none). Immutable.
 */
final class PromptBook {
    /** The placeholders a judge prompt may use. */
    static final List<String> PLACEHOLDERS = List.of("instruction", "reference");

    private final Map<String, PromptTemplate> templates;

    /**
     * Loads a protocol's prompts.
     *
     * @param protocol the protocol's name, for messages
     * @param names the protocol's prompt names
     * @param overrides replacement files by prompt name; a name the protocol does not have fails
     * @throws InvalidInputException on an unknown prompt name, a missing file or a placeholder no prompt offers
     */
    PromptBook(String protocol, List<String> names, Map<String, Path> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        for (String name : overrides.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidInputException("judge protocol '" + protocol + "' has no prompt '" + name
                        + "'; its prompts: " + String.join(", ", names));
            }
        }
        Map<String, PromptTemplate> map = new LinkedHashMap<>();
        for (String name : names) {
            Path file = overrides.get(name);
            PromptTemplate template = file == null
                    ? PromptTemplate.fromResource(name, "/dev/editloop/bench/prompts/" + name + ".txt")
                    : PromptTemplate.fromFile(name, file);
            List<String> extra = template.placeholders().stream()
                    .filter(p -> !PLACEHOLDERS.contains(p))
                    .toList();
            if (!extra.isEmpty()) {
                throw new InvalidInputException("prompt '" + name + "' from " + template.origin() + " uses "
                        + extra.stream().map(p -> "{{" + p + "}}").toList()
                        + ", which judge prompts do not provide; they may use {{instruction}} and {{reference}}");
            }
            map.put(name, template);
        }
        this.templates = Map.copyOf(map);
    }

    /** The prompt's text for one case. */
    String render(String name, BenchCase benchCase) {
        PromptTemplate template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no prompt " + name);
        }
        String reference = benchCase.referenceText() == null
                ? "(no reference text; judge from the instruction)"
                : benchCase.referenceText();
        return template.render(Map.of("instruction", benchCase.instruction(), "reference", reference));
    }

    /** SHA-256 of each prompt's text, by name, sorted. */
    Map<String, String> hashes() {
        Map<String, String> out = new TreeMap<>();
        templates.forEach((name, t) -> out.put(name, t.sha256()));
        return out;
    }
}
