package dev.editloop.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.parse.ScoreReader.Scores;
import dev.editloop.core.parse.TagScanner.Block;
import dev.editloop.core.parse.TagScanner.Kind;
import dev.editloop.core.parse.TagScanner.Scan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a thinker's reply into scores, reasoning, an instruction and a verdict, tolerating the ways real models drift
 * from the format they were asked for; stateless and thread-safe.
 *
 * <p><b>Where the parts come from</b>, in order of precedence (a later source only fills what an earlier one left
 * out):
 *
 * <ol>
 *   <li>Tags, any case, any whitespace between them: {@code <think>} (also {@code thinking}, {@code thought},
 *       {@code reasoning}), {@code <score>} ({@code scores}), {@code <answer>} ({@code refined_instruction},
 *       {@code corrected_instruction}, {@code rewritten_instruction}), {@code <verdict>} ({@code decision}),
 *       {@code <target>} ({@code target_description}), {@code <judgement>} ({@code judgment}, {@code evaluation}). A
 *       missing closing tag is closed by the next tag or the end of the text; a closing tag without its opening tag
 *       takes the text since the previous tag (chat templates that open {@code <think>} themselves); several
 *       {@code <think>} blocks are joined; of several score or answer blocks the last non-empty one counts; tags
 *       mentioned inside a properly closed {@code <think>} are text. When the only score and answer tags sit inside
 *       {@code <think>}, they are read from there.
 *   <li>A JSON object anywhere outside the tags (prose and markdown code fences around it are fine; single quotes,
 *       unquoted keys and trailing commas too): reasoning from {@code reasoning}, {@code reason}, {@code think},
 *       {@code thinking}, {@code thought(s)}, {@code analysis}, {@code rationale}, {@code explanation},
 *       {@code critique}; scores from {@code score}, {@code scores}, {@code rating(s)} or from score keys at the top
 *       level; the instruction from {@code answer}, {@code refined_instruction}, {@code refined_prompt},
 *       {@code instruction}, {@code edit_instruction}, {@code new_instruction}, {@code next_instruction},
 *       {@code revised_instruction}, {@code improved_instruction}, {@code rewritten_instruction},
 *       {@code corrected_instruction}, {@code correction}, {@code rewrite}, {@code final_answer}; the verdict from
 *       {@code verdict} or {@code decision}; reflect's target from {@code target}, {@code target_description}; its
 *       judgement from {@code judgement}, {@code judgment}, {@code evaluation}, {@code assessment}. Keys match in any
 *       case and in camelCase.
 *   <li>Labelled markdown sections ({@code **Reasoning:**}, {@code ### Scores}, {@code Refined instruction: …},
 *       {@code Verdict: …}), see {@link LabeledSections}.
 * </ol>
 *
 * <p><b>Scores</b> (semantic consistency SC, perceptual quality PQ; integers or decimals): a JSON object
 * {@code {"semantic": 8, "quality": 7}}; a list {@code [8, 7]} or two bare numbers in paper order (SC, then PQ);
 * labelled text {@code SC: 8, PQ: 7}, {@code Semantic consistency: 8/10; Perceptual quality: 7/10},
 * {@code 8 (semantic), 7 (quality)}. Keys and labels for SC: {@code semantic}, {@code semantics},
 * {@code semantic_consistency}, {@code sc}, {@code instruction_following}, {@code instruction_adherence},
 * {@code instruction_compliance}, {@code edit_success}, {@code editing_success}, 语义, 语义一致性, 指令遵循; for PQ:
 * {@code quality}, {@code perceptual_quality}, {@code perceptual}, {@code pq}, {@code visual_quality},
 * {@code image_quality}, {@code naturalness}, 质量, 感知质量, 图像质量, 视觉质量; in any case, with spaces, hyphens or
 * camelCase, and with a {@code score} prefix or suffix ({@code semantic_score}). A score written as {@code x/10} is
 * read as x; any other denominator or a percentage is unreadable, and so is a score outside 0–10 ("score out of
 * range"): nothing is clamped, rescaled or invented.
 *
 * <p><b>Verdicts</b>: a {@code <verdict>} tag, a JSON field or a {@code Verdict:} line, else a leading word of the
 * answer ({@code FAILED}, {@code FAILED: …}, {@code REFLECTION: …}, {@code SUCCESS}); the words SUCCESS (also
 * success(ful), succeeded, pass(ed), 成功), REFLECTION (reflect, 反思), REFINE (refinement, 继续) and FAILED (fail,
 * failure, impossible, infeasible, 失败) in any case. A leading word in the answer counts when a colon, dash, full stop
 * or line break follows it, when it is the whole answer, or when it is written in capitals. Think-while-edit replies
 * without a verdict are REFINE (a REFLECTION there is read as REFINE); reflect replies must give one (a REFINE there
 * is read as REFLECTION).
 *
 * <p><b>What must be present</b>: both scores, always. Think-while-edit: an instruction, unless the verdict is
 * FAILED or SUCCESS (for {@code FAILED: why} in the answer, the "why" is added to the reasoning, not taken as an
 * instruction). Reflect: a verdict; an instruction for REFLECTION (the correction); FAILED may carry a rewrite
 * (the loop restarts from the source) or none (the edit is impossible: the loop stops); none for SUCCESS. An answer of "none", "N/A" or "无" counts as empty. Anything missing makes the reply unreadable, with
 * every problem named ("missing score; missing answer"), and a hint when the text ends inside an open tag (a cut-off
 * reply).
 */
public final class ThinkerReplyParser {

    private static final Set<String> REASONING_KEYS = Set.of(
            "reasoning",
            "reason",
            "think",
            "thinking",
            "thought",
            "thoughts",
            "analysis",
            "rationale",
            "explanation",
            "critique");
    private static final Set<String> ANSWER_KEYS = Set.of(
            "answer",
            "refined_instruction",
            "refined_prompt",
            "instruction",
            "edit_instruction",
            "new_instruction",
            "next_instruction",
            "revised_instruction",
            "improved_instruction",
            "rewritten_instruction",
            "corrected_instruction",
            "correction",
            "rewrite",
            "final_answer",
            "答案",
            "指令");
    private static final Set<String> VERDICT_KEYS = Set.of("verdict", "decision");
    private static final Set<String> TARGET_KEYS = Set.of("target", "target_description", "target_image_description");
    private static final Set<String> JUDGEMENT_KEYS = Set.of("judgement", "judgment", "evaluation", "assessment");

    private static final Map<String, Verdict> VERDICT_WORDS = Map.ofEntries(
            Map.entry("success", Verdict.SUCCESS),
            Map.entry("successful", Verdict.SUCCESS),
            Map.entry("succeeded", Verdict.SUCCESS),
            Map.entry("pass", Verdict.SUCCESS),
            Map.entry("passed", Verdict.SUCCESS),
            Map.entry("成功", Verdict.SUCCESS),
            Map.entry("reflection", Verdict.REFLECTION),
            Map.entry("reflect", Verdict.REFLECTION),
            Map.entry("反思", Verdict.REFLECTION),
            Map.entry("refine", Verdict.REFINE),
            Map.entry("refinement", Verdict.REFINE),
            Map.entry("继续", Verdict.REFINE),
            Map.entry("failed", Verdict.FAILED),
            Map.entry("fail", Verdict.FAILED),
            Map.entry("failure", Verdict.FAILED),
            Map.entry("impossible", Verdict.FAILED),
            Map.entry("infeasible", Verdict.FAILED),
            Map.entry("失败", Verdict.FAILED));

    private static final String VERDICT_ALTERNATIVES = VERDICT_WORDS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|"));

    /** A verdict word at the start of a text, optionally bold or bracketed, then what follows it. */
    private static final Pattern LEADING_VERDICT = Pattern.compile(
            "^[\\s*_\\[(「\"'#]*(?<word>" + VERDICT_ALTERNATIVES + ")(?![A-Za-z])(?<close>[*_\\])」\"']*)"
                    + "(?<sep>[ \\t]*(?:[:：.。!！]|[-–—](?=\\s))+|[ \\t]*\\n|[ \\t]*$|[ \\t]+)(?<rest>.*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    private static final Pattern VERDICT_WORD =
            Pattern.compile("(?<![A-Za-z])(?:" + VERDICT_ALTERNATIVES + ")(?![A-Za-z])");

    /** A label that repeats what the answer is ("Refined instruction: …"), dropped from the answer. */
    private static final Pattern ANSWER_LABEL = Pattern.compile(
            "^(?:\\*\\*|__)?(?:"
                    + LabeledSections.LABELS.entrySet().stream()
                            .filter(e -> e.getValue() == Kind.ANSWER)
                            .map(Map.Entry::getKey)
                            .sorted(Comparator.comparingInt(String::length).reversed())
                            .map(l ->
                                    Stream.of(l.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+")))
                            .collect(Collectors.joining("|"))
                    + ")(?:\\*\\*|__)?\\s*[:：]\\s*(?:\\*\\*|__)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Set<String> NO_ANSWER = Set.of("none", "n/a", "na", "null", "nil", "-", "—", "无", "（无）");

    private static final Pattern FENCE_LINE = Pattern.compile("(?m)^[ \\t]*```[A-Za-z0-9_+-]*[ \\t]*$");
    private static final Pattern ESCAPED_TAG = Pattern.compile(
            "&lt;\\s*+/?\\s*+(?:" + String.join("|", TagScanner.NAMES.keySet()) + ")\\s*+&gt;",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTIAL_TAG_AT_END = Pattern.compile("<\\s*+/?\\s*+[A-Za-z_]{0,30}+\\s*+$");

    /** Creates a parser; it holds no state, so one instance can serve every thread. */
    public ThinkerReplyParser() {}

    /** Reads a think-while-edit reply: reasoning, two scores, a refined instruction (or FAILED). */
    public ThinkerReply parse(String raw) {
        return parse(raw, CritiqueMode.COMPARE);
    }

    /**
     * Reads a reflect reply: an optional restated target description, a judgement, two scores, and one verdict
     * (SUCCESS; REFLECTION with a corrected instruction; FAILED with a rewritten instruction).
     */
    public ThinkerReply parseReflection(String raw) {
        return parse(raw, CritiqueMode.REFLECT);
    }

    /** Reads a reply of the given mode: {@link #parse(String)} for COMPARE, {@link #parseReflection} for REFLECT. */
    public ThinkerReply parse(String raw, CritiqueMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (raw == null || raw.isBlank()) {
            return new ThinkerReply.Unreadable("empty reply", raw);
        }
        List<String> notes = new ArrayList<>();
        String text = normalize(raw, notes);
        RegionReader.Found region = RegionReader.read(text);
        text = region.text();
        if (region.note() != null) {
            notes.add(region.note());
        }
        Scan scan = TagScanner.scan(text);
        notes.addAll(scan.notes());
        scan = answerInsideThink(scan, notes);

        Fields f = new Fields();
        fromTags(scan, f);
        boolean tagged = !scan.blocks().isEmpty();
        if (f.needsMore(mode)) {
            fromJson(scan.outside(), f, notes);
        }
        if (f.needsMore(mode)) {
            fromLabels(scan.outside(), f, notes);
        }
        if (f.reasoning == null
                && f.judgement == null
                && tagged
                && !scan.outside().isBlank()) {
            f.reasoning = scan.outside().strip();
        }
        ThinkerReply reply = validate(raw, mode, f, scan, notes);
        if (reply instanceof ThinkerReply.Readable r
                && region.boxes() != null
                && !region.boxes().isEmpty()) {
            return r.withRegion(region.boxes());
        }
        return reply;
    }

    /**
     * Reads a plan reply: a think-before rewrite ({@code <think>…</think><answer>…</answer>}) or a reflect target
     * description ({@code <target>…</target>}). Tolerant like the critique parser: a JSON object, labelled sections,
     * a missing closing tag, code fences, and for a reply with no structure at all, its whole text.
     */
    public PlanReply parsePlan(String raw, PlanKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (raw == null || raw.isBlank()) {
            return new PlanReply(kind, null, null, "empty reply", raw, List.of());
        }
        List<String> notes = new ArrayList<>();
        String text = normalize(raw, notes);
        Scan scan = TagScanner.scan(text);
        notes.addAll(scan.notes());
        scan = answerInsideThink(scan, notes);
        Fields f = new Fields();
        fromTags(scan, f);
        boolean target = kind == PlanKind.DESCRIBE_TARGET;
        if (target && f.target == null && f.answer != null) {
            f.target = f.answer.strip();
            notes.add("target in <answer>");
        }
        if ((target ? f.target : f.answer) == null) {
            fromJson(scan.outside(), f, notes);
            fromPlanJson(scan.outside(), f, notes);
        }
        if ((target ? f.target : f.answer) == null) {
            fromLabels(scan.outside(), f, notes);
        }
        String found = target ? f.target : f.answer;
        if (found == null && !scan.outside().isBlank()) {
            found = scan.outside();
            notes.add(scan.blocks().isEmpty() ? "untagged reply" : "text outside the tags");
        }
        String reasoning = f.reasoning != null ? f.reasoning : f.judgement;
        if (found == null) {
            String expected = target ? "<target>" : "<answer>";
            return new PlanReply(kind, null, reasoning, "missing " + expected, raw, notes);
        }
        String cleaned = cleanAnswer(found);
        if (cleaned.isEmpty()) {
            return new PlanReply(
                    kind, null, reasoning, target ? "empty target description" : "empty answer", raw, notes);
        }
        return new PlanReply(kind, cleaned, reasoning, null, raw, notes);
    }

    private static void fromPlanJson(String text, Fields f, List<String> notes) {
        if (f.target != null || f.answer != null) {
            return;
        }
        JsonNode object = Json.findObject(
                text,
                o -> o.has("target")
                        || o.has("target_description")
                        || o.has("instruction")
                        || o.has("answer")
                        || o.has("rewritten_instruction"));
        if (object == null) {
            return;
        }
        for (String key : List.of("target", "target_description")) {
            if (f.target == null && object.path(key).isTextual()) {
                f.target = object.path(key).asText().strip();
            }
        }
        for (String key : List.of("answer", "instruction", "rewritten_instruction")) {
            if (f.answer == null && object.path(key).isTextual()) {
                f.answer = object.path(key).asText();
            }
        }
        if (f.reasoning == null && object.path("reasoning").isTextual()) {
            f.reasoning = object.path("reasoning").asText().strip();
        }
        notes.add("reply as JSON");
    }

    /** Parses and turns the result into a critique in one step; see {@link ThinkerReply#toCritique(Usage)}. */
    public Critique critique(String raw, CritiqueMode mode, Usage usage) {
        return parse(raw, mode).toCritique(usage);
    }

    // ---- sources ------------------------------------------------------------------------------------------------

    /** What the sources found; null means "not found", an empty string means "found empty". */
    private static final class Fields {
        String reasoning;
        String scoreText;
        JsonNode scoreNode;
        String answer;
        String verdict;
        String target;
        String judgement;

        boolean hasScore() {
            return scoreText != null || scoreNode != null;
        }

        /** Whether something a reply of this mode needs is still missing. */
        boolean needsMore(CritiqueMode mode) {
            return !hasScore()
                    || (answer == null && verdict == null)
                    || (mode == CritiqueMode.REFLECT && verdict == null);
        }
    }

    private static void fromTags(Scan scan, Fields f) {
        String think = join(scan.all(Kind.THINK));
        f.reasoning = think.isEmpty() ? null : think;
        Block score = scan.last(Kind.SCORE);
        f.scoreText = score == null ? null : score.content();
        Block answer = scan.last(Kind.ANSWER);
        f.answer = answer == null ? null : answer.content();
        Block verdict = scan.last(Kind.VERDICT);
        f.verdict = verdict == null ? null : verdict.content();
        Block target = scan.last(Kind.TARGET);
        f.target = target == null ? null : target.content().strip();
        String judgement = join(scan.all(Kind.JUDGEMENT));
        f.judgement = judgement.isEmpty() ? null : judgement;
    }

    private static void fromJson(String text, Fields f, List<String> notes) {
        JsonNode object = Json.findObject(text, ThinkerReplyParser::knownObject);
        if (object == null) {
            return;
        }
        boolean used = false;
        boolean hasScoreKey = false;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = ScoreReader.normalizeKey(field.getKey());
            JsonNode value = field.getValue();
            if (ScoreReader.family(field.getKey()) != null) {
                hasScoreKey = true;
            } else if (REASONING_KEYS.contains(key) && f.reasoning == null && value.isTextual()) {
                f.reasoning = value.asText().strip();
            } else if (ANSWER_KEYS.contains(key) && f.answer == null && !value.isNull()) {
                f.answer = value.isTextual() ? value.asText() : value.toString();
                used = true;
            } else if (VERDICT_KEYS.contains(key) && f.verdict == null && value.isTextual()) {
                f.verdict = value.asText();
            } else if (TARGET_KEYS.contains(key) && f.target == null && value.isTextual()) {
                f.target = value.asText().strip();
            } else if (JUDGEMENT_KEYS.contains(key) && f.judgement == null && value.isTextual()) {
                f.judgement = value.asText().strip();
            }
        }
        if (hasScoreKey && !f.hasScore()) {
            f.scoreNode = object;
            used = true;
        }
        if (used) {
            notes.add("reply as JSON");
        }
    }

    private static boolean knownObject(JsonNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = ScoreReader.normalizeKey(field.getKey());
            if (ScoreReader.family(field.getKey()) != null || ANSWER_KEYS.contains(key) || VERDICT_KEYS.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static void fromLabels(String text, Fields f, List<String> notes) {
        Map<Kind, String> sections = LabeledSections.read(text);
        boolean used = false;
        if (f.reasoning == null && sections.containsKey(Kind.THINK)) {
            f.reasoning = sections.get(Kind.THINK);
        }
        if (!f.hasScore() && sections.containsKey(Kind.SCORE)) {
            f.scoreText = sections.get(Kind.SCORE);
            used = true;
        }
        if (f.answer == null && sections.containsKey(Kind.ANSWER)) {
            f.answer = sections.get(Kind.ANSWER);
            used = true;
        }
        if (f.verdict == null && sections.containsKey(Kind.VERDICT)) {
            f.verdict = sections.get(Kind.VERDICT);
            used = true;
        }
        if (f.target == null && sections.containsKey(Kind.TARGET)) {
            f.target = sections.get(Kind.TARGET);
        }
        if (f.judgement == null && sections.containsKey(Kind.JUDGEMENT)) {
            f.judgement = sections.get(Kind.JUDGEMENT);
        }
        if (used) {
            notes.add("labelled sections instead of tags");
        }
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    private static ThinkerReply validate(String raw, CritiqueMode mode, Fields f, Scan scan, List<String> notes) {
        List<String> problems = new ArrayList<>();

        Scores scores = null;
        if (f.scoreNode != null) {
            scores = ScoreReader.read(f.scoreNode);
        } else if (f.scoreText != null) {
            scores = ScoreReader.read(f.scoreText);
        }
        if (scores == null) {
            problems.add("missing score");
        } else if (!scores.ok()) {
            problems.add(scores.problem());
        } else if (scores.note() != null) {
            notes.add(scores.note());
        }

        String answer = f.answer == null ? null : cleanAnswer(f.answer);
        Verdict verdict = null;
        String failedBecause = null;
        if (f.verdict != null && !f.verdict.isBlank()) {
            String v = cleanAnswer(f.verdict);
            Matcher m = LEADING_VERDICT.matcher(v);
            if (!m.matches()) {
                problems.add("unknown verdict '" + firstLine(v) + "'; expected " + expectedVerdicts(mode));
            } else if (ambiguous(v)) {
                problems.add("verdict names several outcomes ('" + firstLine(v) + "'); expected exactly one of "
                        + expectedVerdicts(mode));
            } else {
                verdict = word(m);
                String rest = m.group("rest").strip();
                boolean punctuated = !m.group("sep").isBlank() || m.group("sep").contains("\n");
                if ((answer == null || answer.isEmpty()) && punctuated && !rest.isEmpty()) {
                    answer = cleanAnswer(rest);
                    notes.add("instruction inside the verdict");
                }
            }
            if (answer != null) {
                Matcher again = LEADING_VERDICT.matcher(answer);
                if (leadingVerdict(again) && word(again) == verdict) {
                    answer = cleanAnswer(again.group("rest"));
                }
            }
        } else if (answer != null) {
            Matcher m = LEADING_VERDICT.matcher(answer);
            if (leadingVerdict(m)) {
                verdict = word(m);
                answer = cleanAnswer(m.group("rest"));
                notes.add("verdict at the start of the answer");
                if (mode == CritiqueMode.COMPARE && verdict == Verdict.FAILED) {
                    // think-while-edit: what follows FAILED is why the edit is impossible, not an instruction
                    failedBecause = answer.isEmpty() ? null : answer;
                    answer = null;
                }
            }
        }
        if (answer != null && NO_ANSWER.contains(answer.toLowerCase(Locale.ROOT))) {
            answer = "";
        }

        if (mode == CritiqueMode.COMPARE) {
            if (verdict == null) {
                verdict = Verdict.REFINE;
            } else if (verdict == Verdict.REFLECTION) {
                verdict = Verdict.REFINE;
                notes.add("REFLECTION read as REFINE");
            }
            if (verdict == Verdict.REFINE) {
                requireInstruction(answer, "missing answer", "empty answer", problems);
            }
        } else {
            if (verdict == Verdict.REFINE) {
                verdict = Verdict.REFLECTION;
                notes.add("REFINE read as REFLECTION");
            }
            if (verdict == null && problems.stream().noneMatch(p -> p.contains("verdict"))) {
                problems.add("missing verdict; expected " + expectedVerdicts(mode));
            } else if (verdict == Verdict.REFLECTION) {
                requireInstruction(
                        answer,
                        "REFLECTION verdict without a corrected instruction",
                        "REFLECTION verdict with an empty corrected instruction",
                        problems);
            }
            // reflect FAILED: with a rewrite the loop restarts from the source; without one the edit is judged
            // impossible and the loop stops with verdict_failed, as in think-while-edit
        }

        if (!problems.isEmpty()) {
            String reason = String.join("; ", new LinkedHashSet<>(problems));
            if (scan.openAtEnd() != null) {
                reason += " (the reply ends inside <" + scan.openAtEnd().name().toLowerCase(Locale.ROOT)
                        + ">: it looks cut off)";
            }
            return new ThinkerReply.Unreadable(reason, raw);
        }
        String reasoning = reasoning(mode, f);
        if (failedBecause != null) {
            reasoning = reasoning.isEmpty() ? "FAILED: " + failedBecause : reasoning + "\n\nFAILED: " + failedBecause;
        }
        String instruction = answer == null || answer.isEmpty() ? null : answer;
        return new ThinkerReply.Readable(
                scores.semantic(),
                scores.quality(),
                reasoning,
                instruction,
                verdict,
                f.target == null || f.target.isBlank() ? null : f.target,
                List.copyOf(new LinkedHashSet<>(notes)),
                raw);
    }

    private static void requireInstruction(String answer, String missing, String empty, List<String> problems) {
        if (answer == null) {
            problems.add(missing);
        } else if (answer.isEmpty()) {
            problems.add(empty);
        }
    }

    private static String reasoning(CritiqueMode mode, Fields f) {
        String think = f.reasoning == null ? "" : f.reasoning.strip();
        String judgement = f.judgement == null ? "" : f.judgement.strip();
        if (think.isEmpty()) {
            return judgement;
        }
        if (judgement.isEmpty() || mode == CritiqueMode.COMPARE && think.contains(judgement)) {
            return think;
        }
        return think + "\n\n" + judgement;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Line breaks, a byte-order mark, HTML-escaped tags and markdown code fences. */
    private static String normalize(String raw, List<String> notes) {
        String text = raw.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        if (!text.contains("<") && ESCAPED_TAG.matcher(text).find()) {
            text = text.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
            notes.add("HTML-escaped tags");
        }
        if (text.contains("```")) {
            text = FENCE_LINE.matcher(text).replaceAll("").replace("```", "");
            notes.add("code fence");
        }
        return text;
    }

    /**
     * When no score or answer tag stands at the top level but a {@code <think>} block holds them (a model that wrapped
     * its whole reply in {@code <think>}), reads them from inside it.
     */
    private static Scan answerInsideThink(Scan scan, List<String> notes) {
        if (scan.has(Kind.SCORE) || scan.has(Kind.ANSWER)) {
            return scan;
        }
        List<Block> thinks = scan.all(Kind.THINK);
        for (int i = thinks.size() - 1; i >= 0; i--) {
            Block think = thinks.get(i);
            Scan inner = TagScanner.scan(think.content());
            if (inner.has(Kind.SCORE) || inner.has(Kind.ANSWER)) {
                List<Block> blocks = new ArrayList<>(scan.blocks());
                blocks.remove(think);
                blocks.addAll(inner.blocks());
                if (inner.all(Kind.THINK).isEmpty() && !inner.outside().isBlank()) {
                    blocks.add(new Block(Kind.THINK, inner.outside(), true));
                }
                notes.add("answer inside <think>");
                notes.addAll(inner.notes());
                return new Scan(
                        List.copyOf(blocks),
                        scan.outside(),
                        scan.openAtEnd() != null ? scan.openAtEnd() : inner.openAtEnd(),
                        scan.notes());
            }
        }
        return scan;
    }

    /** Trimmed, without wrapping quotes, bold markers, a repeated label or the start of a cut-off closing tag. */
    private static String cleanAnswer(String text) {
        String t = PARTIAL_TAG_AT_END.matcher(text).replaceAll("").strip();
        t = ANSWER_LABEL.matcher(t).replaceFirst("").strip();
        boolean changed = true;
        while (changed && t.length() >= 2) {
            changed = false;
            for (String[] pair : new String[][] {{"\"", "\""}, {"“", "”"}, {"'", "'"}, {"「", "」"}, {"**", "**"}}) {
                if (t.length() >= pair[0].length() + pair[1].length() && t.startsWith(pair[0]) && t.endsWith(pair[1])) {
                    t = t.substring(pair[0].length(), t.length() - pair[1].length())
                            .strip();
                    changed = true;
                }
            }
        }
        return t;
    }

    /**
     * Whether a leading verdict word in an answer is meant as a verdict: followed by punctuation or a line break, the
     * whole answer, or written in capitals ("FAILED the editor cannot…"); never "Refine the edges…".
     */
    private static boolean leadingVerdict(Matcher m) {
        if (!m.matches()) {
            return false;
        }
        String sep = m.group("sep");
        if (!sep.isBlank() || sep.contains("\n") || m.group("rest").isBlank()) {
            return true;
        }
        String word = m.group("word");
        boolean capitals = word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT));
        return capitals && word(m) != Verdict.REFINE;
    }

    private static Verdict word(Matcher m) {
        return VERDICT_WORDS.get(m.group("word").toLowerCase(Locale.ROOT));
    }

    /** Whether a verdict text copies the template's choice ("SUCCESS | REFLECTION | FAILED"). */
    private static boolean ambiguous(String verdict) {
        String line = firstLine(verdict).toLowerCase(Locale.ROOT);
        if (!line.contains("|") && !line.contains("/") && !line.contains(" or ")) {
            return false;
        }
        Matcher m = VERDICT_WORD.matcher(line);
        Set<Verdict> seen = new LinkedHashSet<>();
        while (m.find()) {
            seen.add(VERDICT_WORDS.get(m.group()));
        }
        return seen.size() > 1;
    }

    private static String expectedVerdicts(CritiqueMode mode) {
        return mode == CritiqueMode.REFLECT ? "SUCCESS, REFLECTION or FAILED" : "REFINE, SUCCESS or FAILED";
    }

    private static String join(List<Block> blocks) {
        return blocks.stream()
                .map(b -> b.content().strip())
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
