package dev.editloop.embedded.heuristic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.editloop.core.InvalidInputException;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.KnowledgeBase.Impossible;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a knowledge base from its data file (YAML; the built-in one is {@value #RESOURCE} next to this class; its
 * header describes every field). Every entry is checked as it is read: a missing, unknown or wrong field is one
 * {@link InvalidInputException} naming the file, the entry (a concept by its number and id, a rule by its number) and
 * the field.
 */
final class KnowledgeBaseFile {
    static final String RESOURCE = "knowledge-base.yaml";

    private static final Pattern WORD_REFERENCE = Pattern.compile("\\$\\{([a-z-]+)}");
    /** How much of a color the source must hold for a {@code holds} step or effect to count. */
    private static final double HOLDS_SHARE = 0.02;

    private final String source;

    private KnowledgeBaseFile(String source) {
        this.source = source;
    }

    /** The built-in knowledge base. */
    static KnowledgeBase standard() {
        try (InputStream in = KnowledgeBaseFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + RESOURCE + " is missing from the class path");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a knowledge base from YAML text; {@code source} names the text in errors. */
    static KnowledgeBase read(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("knowledge base " + source + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ")"));
        }
        return new KnowledgeBaseFile(source).knowledgeBase(root);
    }

    private KnowledgeBase knowledgeBase(JsonNode root) {
        String top = "the file";
        if (root == null || !root.isObject()) {
            throw fail(top, null, "must be a map with concepts, subsumes, impossible and words");
        }
        fields(root, top, "words", "subsumes", "impossible", "concepts");
        Map<String, String> words = new LinkedHashMap<>();
        JsonNode w = root.get("words");
        if (w != null) {
            if (!w.isObject()) {
                throw fail(top, "words", "must be a map from a name to a pattern");
            }
            w.fields().forEachRemaining(e -> words.put(e.getKey(), text(e.getValue(), "words", e.getKey())));
        }
        List<Concept> concepts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> entries = list(root, top, "concepts", true);
        for (int i = 0; i < entries.size(); i++) {
            Concept c = concept(entries.get(i), i + 1);
            if (!ids.add(c.id())) {
                throw fail(entryName(i + 1, c.id()), "id", "\"" + c.id() + "\" is used by an earlier concept");
            }
            concepts.add(c);
        }
        Map<String, List<String>> subsumes = new LinkedHashMap<>();
        JsonNode s = root.get("subsumes");
        if (s != null) {
            if (!s.isObject()) {
                throw fail(top, "subsumes", "must be a map from a concept id to a list of concept ids");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "subsumes of \"" + e.getKey() + "\"";
                if (!ids.contains(e.getKey())) {
                    throw fail(where, null, "no concept has the id \"" + e.getKey() + "\"");
                }
                List<String> taken = strings(e.getValue(), where, "list");
                for (String id : taken) {
                    if (!ids.contains(id)) {
                        throw fail(where, "list", "no concept has the id \"" + id + "\"");
                    }
                }
                subsumes.put(e.getKey(), taken);
            }
        }
        List<Impossible> impossible = new ArrayList<>();
        List<JsonNode> rules = list(root, top, "impossible", false);
        for (int i = 0; i < rules.size(); i++) {
            String where = "impossible rule " + (i + 1);
            JsonNode rule = rules.get(i);
            if (!rule.isObject()) {
                throw fail(where, null, "must be a map with pattern and reason");
            }
            fields(rule, where, "pattern", "reason");
            String raw = text(required(rule, where, "pattern"), where, "pattern");
            Pattern pattern = regex(expand(raw, words, where), where, "pattern");
            impossible.add(new Impossible(pattern, text(required(rule, where, "reason"), where, "reason")));
        }
        return new KnowledgeBase(concepts, subsumes, impossible);
    }

    // ------------------------------------------------------------------ a concept

    private Concept concept(JsonNode node, int number) {
        String where = entryName(number, null);
        if (!node.isObject()) {
            throw fail(where, null, "must be a map with id, title, description, phrasings, patterns, plan, effects");
        }
        String id = text(required(node, where, "id"), where, "id");
        where = entryName(number, id);
        fields(node, where, "id", "title", "description", "phrasings", "patterns", "plan", "effects", "crushes");
        String title = text(required(node, where, "title"), where, "title");
        String description = text(required(node, where, "description"), where, "description");
        List<String> phrasings = node.has("phrasings") ? strings(node.get("phrasings"), where, "phrasings") : List.of();
        List<String> rawPatterns = strings(required(node, where, "patterns"), where, "patterns");
        if (rawPatterns.isEmpty()) {
            throw fail(where, "patterns", "needs at least one pattern");
        }
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < rawPatterns.size(); i++) {
            patterns.add(regex(rawPatterns.get(i), where, "patterns[" + (i + 1) + "]"));
        }
        List<Step> plan = new ArrayList<>();
        List<JsonNode> steps = list(node, where, "plan", true);
        for (int i = 0; i < steps.size(); i++) {
            plan.add(step(steps.get(i), where + ", plan step " + (i + 1)));
        }
        List<Expected> effects = new ArrayList<>();
        List<JsonNode> expected = list(node, where, "effects", true);
        for (int i = 0; i < expected.size(); i++) {
            effects.add(effect(expected.get(i), where + ", effect " + (i + 1)));
        }
        List<Step> fixedPlan = List.copyOf(plan);
        List<Expected> fixedEffects = List.copyOf(effects);
        boolean dynamic = fixedPlan.stream().anyMatch(Step::dynamic)
                || fixedEffects.stream().anyMatch(Expected::dynamic);
        Function<Analysis, List<Action>> planner;
        Function<Analysis, List<Effect>> expectations;
        if (dynamic) {
            planner = src -> fixedPlan.stream()
                    .map(st -> st.action(src))
                    .flatMap(Optional::stream)
                    .toList();
            expectations = src -> fixedEffects.stream()
                    .map(ex -> ex.effect(src))
                    .flatMap(Optional::stream)
                    .toList();
        } else {
            List<Action> actions =
                    fixedPlan.stream().map(st -> st.action(null).orElseThrow()).toList();
            List<Effect> built = fixedEffects.stream()
                    .map(ex -> ex.effect(null).orElseThrow())
                    .toList();
            planner = src -> actions;
            expectations = src -> built;
        }
        boolean crushes = false;
        if (node.has("crushes")) {
            if (!node.get("crushes").isBoolean()) {
                throw fail(where, "crushes", "must be true or false");
            }
            crushes = node.get("crushes").asBoolean();
        }
        return new Concept(id, title, description, phrasings, patterns, planner, expectations, crushes);
    }

    /** What a step or an effect depends on in the source image. */
    private record Condition(NamedColor holds, boolean perBlock) {
        boolean dynamic() {
            return holds != null || perBlock;
        }

        boolean met(Analysis source) {
            return holds == null || Measurements.colorFraction(source, Zone.WHOLE, holds) >= HOLDS_SHARE;
        }

        double scale(Analysis source) {
            return perBlock ? KnowledgeBase.retroBlock(source) : 1;
        }
    }

    /** A plan step: a knob at an amount, or a recolor. */
    private record Step(Knob knob, double amount, NamedColor color, NamedColor from, NamedColor to, Condition when) {
        boolean dynamic() {
            return when.dynamic();
        }

        Optional<Action> action(Analysis source) {
            if (!when.met(source)) {
                return Optional.empty();
            }
            if (knob == null) {
                return Optional.of(new Action.Recolor(from, to));
            }
            return knob.make(amount * when.scale(source), Region.WHOLE, color);
        }
    }

    private Step step(JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where, null, "must be a map: {knob: K, amount: A} or {recolor: {from: C, to: C}}");
        }
        fields(node, where, "knob", "amount", "color", "recolor", "holds", "per");
        Condition when = condition(node, where);
        if (node.has("recolor")) {
            if (node.has("knob") || node.has("amount") || node.has("color")) {
                throw fail(where, "recolor", "a recolor step takes no knob, amount or color");
            }
            JsonNode r = node.get("recolor");
            String rw = where + ", recolor";
            if (!r.isObject()) {
                throw fail(where, "recolor", "must be a map {from: C, to: C}");
            }
            fields(r, rw, "from", "to");
            NamedColor from = color(required(r, rw, "from"), rw, "from");
            NamedColor to = color(required(r, rw, "to"), rw, "to");
            return new Step(null, 0, null, from, to, when);
        }
        Knob knob = knob(required(node, where, "knob"), where);
        double amount = number(required(node, where, "amount"), where, "amount");
        NamedColor color = node.has("color") ? color(node.get("color"), where, "color") : null;
        if (knob.operation().takesColor() && color == null) {
            throw fail(where, "color", "a tint needs a color");
        }
        if (!knob.operation().takesColor() && color != null) {
            throw fail(where, "color", "only a tint takes a color");
        }
        if (!when.perBlock()) {
            Optional<Double> fitted = knob.fit(amount);
            if (fitted.isEmpty() || fitted.get() != amount) {
                throw fail(
                        where,
                        "amount",
                        String.format(
                                Locale.ROOT,
                                "%s is not an amount the %s knob takes as it is (it would become %s)",
                                KnowledgeBase.format(amount),
                                knob.label(),
                                fitted.map(KnowledgeBase::format).orElse("no change")));
            }
        }
        return new Step(knob, amount, color, null, null, when);
    }

    // ------------------------------------------------------------------ an expected effect

    private record Expected(
            Metric metric,
            Region zone,
            NamedColor color,
            double near,
            double ideal,
            double far,
            double weight,
            Knob knob,
            Condition when) {
        boolean dynamic() {
            return when.dynamic();
        }

        Optional<Effect> effect(Analysis source) {
            if (!when.met(source)) {
                return Optional.empty();
            }
            double k = when.scale(source);
            Zone z = zone == null ? Zone.WHOLE : Zone.in(zone);
            return Optional.of(new Effect(metric, z, color, near * k, ideal * k, far * k, weight, knob));
        }
    }

    private static final Set<Metric> COLOR_METRICS = Set.of(Metric.TINT, Metric.COLOR_LOSS, Metric.COLOR_GAIN);

    private Expected effect(JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where, null, "must be a map {metric: M, near: N, ideal: I, far: F, weight: W}");
        }
        fields(node, where, "metric", "zone", "color", "near", "ideal", "far", "weight", "knob", "holds", "per");
        Metric metric = named(Metric.class, required(node, where, "metric"), where, "metric");
        Region zone = node.has("zone") ? named(Region.class, node.get("zone"), where, "zone") : null;
        NamedColor color = node.has("color") ? color(node.get("color"), where, "color") : null;
        if (COLOR_METRICS.contains(metric) != (color != null)) {
            throw fail(
                    where,
                    "color",
                    color == null
                            ? "the " + name(metric) + " metric needs a color"
                            : "only tint, color-loss and color-gain take a color");
        }
        double near = number(required(node, where, "near"), where, "near");
        double ideal = number(required(node, where, "ideal"), where, "ideal");
        double far = number(required(node, where, "far"), where, "far");
        if (!((near < ideal && ideal < far) || (near > ideal && ideal > far))) {
            throw fail(
                    where,
                    "ideal",
                    "near, ideal and far must be strictly ordered, up or down; got " + KnowledgeBase.format(near) + ", "
                            + KnowledgeBase.format(ideal) + ", " + KnowledgeBase.format(far));
        }
        double weight = number(required(node, where, "weight"), where, "weight");
        if (!(weight > 0)) {
            throw fail(where, "weight", "must be positive, got " + KnowledgeBase.format(weight));
        }
        Knob knob = node.has("knob") ? knob(node.get("knob"), where) : null;
        return new Expected(metric, zone, color, near, ideal, far, weight, knob, condition(node, where));
    }

    // ------------------------------------------------------------------ fields

    private Condition condition(JsonNode node, String where) {
        NamedColor holds = node.has("holds") ? color(node.get("holds"), where, "holds") : null;
        boolean perBlock = false;
        if (node.has("per")) {
            String per = text(node.get("per"), where, "per");
            if (!per.equals("retro-block")) {
                throw fail(where, "per", "unknown value \"" + per + "\"; the one known is retro-block");
            }
            perBlock = true;
        }
        return new Condition(holds, perBlock);
    }

    private static String entryName(int number, String id) {
        return "concept " + number + (id == null ? "" : " (\"" + id + "\")");
    }

    private void fields(JsonNode node, String where, String... known) {
        List<String> allowed = Arrays.asList(known);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw fail(where, field, "unknown field; the known ones are " + String.join(", ", known));
            }
        }
    }

    private JsonNode required(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fail(where, field, "is missing");
        }
        return value;
    }

    private List<JsonNode> list(JsonNode node, String where, String field, boolean required) {
        JsonNode value = required ? required(node, where, field) : node.get(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(where, field, "must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        if (required && out.isEmpty()) {
            throw fail(where, field, "must not be empty");
        }
        return out;
    }

    private String text(JsonNode value, String where, String field) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw fail(where, field, "must be a non-empty text");
        }
        return value.asText();
    }

    private List<String> strings(JsonNode value, String where, String field) {
        if (!value.isArray()) {
            throw fail(where, field, "must be a list of texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            out.add(text(item, where, field));
        }
        return out;
    }

    private double number(JsonNode value, String where, String field) {
        if (!value.isNumber()) {
            throw fail(where, field, "must be a number, got " + value);
        }
        return value.asDouble();
    }

    private NamedColor color(JsonNode value, String where, String field) {
        String name = text(value, where, field);
        return NamedColor.named(name).orElseThrow(() -> fail(where, field, "unknown color \"" + name + "\""));
    }

    /** A knob by its operation's id ({@code pixel-art}). */
    private Knob knob(JsonNode value, String where) {
        String name = text(value, where, "knob");
        return Knob.byId(name)
                .orElseThrow(() -> fail(
                        where,
                        "knob",
                        "unknown value \"" + name + "\"; one of "
                                + String.join(
                                        ", ",
                                        Knob.values().stream().map(Knob::id).toList())));
    }

    private <E extends Enum<E>> E named(Class<E> type, JsonNode value, String where, String field) {
        String name = text(value, where, field);
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(name)) {
                return e;
            }
        }
        throw fail(
                where,
                field,
                "unknown value \"" + name + "\"; one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(KnowledgeBaseFile::name)
                                        .toList()));
    }

    /** An enum constant as the file writes it: {@code PIXEL_ART} is {@code pixel-art}. */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Pattern regex(String raw, String where, String field) {
        try {
            return KnowledgeBase.rx(raw);
        } catch (PatternSyntaxException e) {
            throw fail(
                    where,
                    field,
                    "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private String expand(String raw, Map<String, String> words, String where) {
        Matcher m = WORD_REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = words.get(m.group(1));
            if (word == null) {
                throw fail(where, "pattern", "${" + m.group(1) + "} is not defined under words");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }

    private InvalidInputException fail(String where, String field, String what) {
        return new InvalidInputException("knowledge base " + source + ": " + where
                + (field == null ? "" : ", field \"" + field + "\"") + ": " + what);
    }
}
