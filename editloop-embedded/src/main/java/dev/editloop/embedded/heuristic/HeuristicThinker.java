package dev.editloop.embedded.heuristic;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.region.Box;
import dev.editloop.embedded.EmbeddedIdentity;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.measure.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded thinker: turns abstract requests into the classic editor's vocabulary with the {@link KnowledgeBase},
 * measures whether each intended effect is on the pixels and whether the rest of the image survived, scores SC and PQ
 * from those measurements ({@link Evaluator}), explains itself, and refines.
 *
 * <p>Deterministic (no randomness; the seed is not needed) and thread-safe (no mutable state). The parser is the
 * classic editor's, passed in so that the thinker knows exactly which phrases the editor understands.
 */
public final class HeuristicThinker implements Thinker {
    private final Function<String, ParsedInstruction> parser;
    private final KnowledgeBase knowledge;
    private final BackendIdentity identity;

    /** A thinker with the standard knowledge base. */
    public HeuristicThinker(Function<String, ParsedInstruction> parser) {
        this(parser, KnowledgeBase.standard());
    }

    /** A thinker with its own knowledge base. */
    public HeuristicThinker(Function<String, ParsedInstruction> parser, KnowledgeBase knowledge) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.identity = BackendIdentity.of(
                "embedded",
                null,
                List.of(),
                EmbeddedIdentity.params(
                        "heuristic",
                        Map.of(
                                "seed",
                                "unused",
                                "knowledge",
                                knowledge.equals(KnowledgeBase.standard()) ? "standard" : "custom",
                                "concepts",
                                knowledge.concepts().size())));
    }

    /**
     * Kind {@code embedded}, engine {@code heuristic}; deterministic (no seed), its knowledge base {@code standard} or
     * {@code custom} with its number of concepts, and the EditLoop version (when packaged).
     */
    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return identity.display();
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    @Override
    public Critique critique(CritiqueCall call) {
        Intent intent = Intent.read(call.originalInstruction(), parser, knowledge);
        Analysis whole = Analysis.of(call.source());
        // an edit confined to a region, for a request that names no part of the image itself, is judged inside the
        // region: the loop measures and keeps the outside
        Picture judgedSource = call.source();
        Picture judgedEdit = call.edited();
        if (call.region() != null
                && intent.confinedTo(whole).isEmpty()
                && call.edited().width() == call.source().width()
                && call.edited().height() == call.source().height()) {
            int[] b = call.region().bounds();
            judgedSource = crop(call.source(), b);
            judgedEdit = crop(call.edited(), b);
        }
        Analysis source = judgedSource == call.source() ? whole : Analysis.of(judgedSource);
        Assessment assessment = Evaluator.assess(intent, judgedSource, source, judgedEdit);
        Optional<String> foreign = refusal(call.originalInstruction());
        if (foreign.isPresent()) {
            String reasoning = foreign.get() + ".\nVerdict: FAILED.";
            return new Critique(
                    0.0,
                    assessment.quality(),
                    reasoning,
                    null,
                    Verdict.FAILED,
                    null,
                    Report.tagged(reasoning, 0.0, assessment.quality(), ""),
                    Usage.NONE);
        }
        Critique critique = switch (call.mode()) {
            case COMPARE -> compare(call, intent, assessment, source);
            case REFLECT -> reflect(call, intent, assessment, source);
        };
        return withRegion(critique, call, intent, whole, judgedSource != call.source());
    }

    /**
     * Why the thinker cannot take the instruction as a request at all: written in another language, or a question
     * about the picture rather than a change to it; empty when it can.
     */
    private static Optional<String> refusal(String instruction) {
        Optional<String> foreign = LanguageCheck.notEnglish(instruction);
        if (foreign.isPresent()) {
            return Optional.of(LanguageCheck.ANSWER + " (" + foreign.get() + ")");
        }
        return QuestionCheck.questionAboutPicture(instruction).map(q -> QuestionCheck.ANSWER + " (" + q + ")");
    }

    /** The part of a picture inside a box {x, y, w, h}. */
    private static Picture crop(Picture picture, int[] b) {
        byte[] all = picture.bgr();
        byte[] out = new byte[b[2] * b[3] * 3];
        for (int y = 0; y < b[3]; y++) {
            System.arraycopy(all, ((b[1] + y) * picture.width() + b[0]) * 3, out, y * b[2] * 3, b[2] * 3);
        }
        return Picture.ofBgr(b[2], b[3], out);
    }

    /**
     * Adds what the loop measured outside the region to the reasoning, and, when the request is local (every action
     * confined to one named region: "the sky", "the top half") and the run has no region yet, proposes that region's
     * box in pixels, in the reasoning and as a {@code <region>} tag in the raw reply.
     */
    private static Critique withRegion(
            Critique c, CritiqueCall call, Intent intent, Analysis source, boolean judgedInside) {
        String reasoning = c.reasoning();
        String raw = c.raw();
        String lead = "";
        if (call.region() != null) {
            lead = "Confined to the region (" + call.region().description() + ")"
                    + (judgedInside ? ": judged inside it" : "") + ".\n";
        }
        if (call.preservation() != null) {
            lead += "Outside the region: " + call.preservation().summary().replaceFirst("^outside the region: ", "")
                    + ".\n";
        }
        reasoning = lead + reasoning;
        List<Box> boxes = List.of();
        if (call.region() == null && c.verdict() != Verdict.FAILED) {
            Optional<dev.editloop.embedded.classic.Region> confined = intent.confinedTo(source);
            // a box on a tiny picture could read as fractions (every value at most 1): none below 16 pixels
            if (confined.isPresent()
                    && call.source().width() >= 16
                    && call.source().height() >= 16) {
                int[] b = confined.get()
                        .bounds(call.source().width(), call.source().height());
                Box box = new Box(b[0], b[1], b[2], b[3]);
                boxes = List.of(box);
                reasoning = "Region: the request concerns " + confined.get().phrase() + "; proposed box " + box
                        + " (x,y,w,h in pixels), so that the rest stays as it is.\n" + reasoning;
                raw += "\n<region>" + box + "</region>";
            }
        }
        if (reasoning.equals(c.reasoning()) && boxes.isEmpty()) {
            return c;
        }
        return new Critique(
                c.semantic(),
                c.quality(),
                reasoning,
                c.refinedInstruction(),
                c.verdict(),
                c.targetDescription(),
                raw,
                c.usage(),
                boxes);
    }

    private Critique compare(CritiqueCall call, Intent intent, Assessment a, Analysis source) {
        StringBuilder think = new StringBuilder();
        think.append("Judgement of turn ").append(call.turn()).append(".\n");
        Report.request(think, intent);
        think.append("Instruction used: \"")
                .append(call.currentInstruction())
                .append("\"")
                .append(a.unchanged() ? " (the image is unchanged)" : "")
                .append('\n');
        Report.measurements(think, a);
        Report.scores(think, a);
        think.append("Plan:\n");
        if (!intent.doable()) {
            think.append("- nothing in the editor's vocabulary can do this request: ")
                    .append(reasons(intent))
                    .append('\n');
            think.append("Verdict: FAILED.\n");
            return critique(a, think, null, Verdict.FAILED, null, call);
        }
        if (impossibleHere(a)) {
            think.append("- nothing asked can happen on this source: ")
                    .append(impossibleReasons(a))
                    .append('\n');
            think.append("Verdict: FAILED.\n");
            return critique(a, think, null, Verdict.FAILED, null, call);
        }
        if (a.good()) {
            think.append("- both scores reach 8: keep \"")
                    .append(call.currentInstruction())
                    .append("\"\n");
            think.append("Verdict: SUCCESS.\n");
            return critique(a, think, call.currentInstruction(), Verdict.SUCCESS, null, call);
        }
        Refiner.Refinement next = Refiner.refine(intent, a, call.currentInstruction(), parser, knowledge, source);
        for (String note : next.notes()) {
            think.append("- ").append(note).append('\n');
        }
        if (!intent.blocked().isEmpty()) {
            think.append("- left undone, no action can do it: ")
                    .append(reasons(intent))
                    .append('\n');
        }
        String refined = next.instruction();
        if (next.notes().isEmpty()) {
            think.append("- nothing measurable to change; keep the instruction\n");
        }
        think.append("Verdict: REFINE → \"").append(refined).append("\"\n");
        return critique(a, think, refined, Verdict.REFINE, null, call);
    }

    private Critique reflect(CritiqueCall call, Intent intent, Assessment a, Analysis source) {
        StringBuilder think = new StringBuilder();
        think.append("Reflection on attempt ").append(call.turn()).append(".\n");
        String target =
                call.targetDescription() != null && !call.targetDescription().isBlank()
                        ? call.targetDescription()
                        : targetDescription(intent);
        think.append("Intended result: ").append(target).append('\n');
        Report.request(think, intent);
        Report.measurements(think, a);
        Report.scores(think, a);
        think.append("Decision:\n");
        if (!intent.doable()) {
            think.append("- impossible with this editor: ")
                    .append(reasons(intent))
                    .append('\n');
            think.append("Verdict: FAILED.\n");
            return critique(a, think, null, Verdict.FAILED, target, call);
        }
        if (impossibleHere(a)) {
            think.append("- impossible on this source: ")
                    .append(impossibleReasons(a))
                    .append('\n');
            think.append("Verdict: FAILED.\n");
            return critique(a, think, null, Verdict.FAILED, target, call);
        }
        if (a.good()) {
            think.append("- the image matches the intended result\nVerdict: SUCCESS.\n");
            return critique(a, think, null, Verdict.SUCCESS, target, call);
        }
        if (!a.unchanged()) {
            Reflector.Corrections fix = Reflector.corrections(intent, a, source);
            boolean wrongWay = a.readings().stream().anyMatch(r -> wrongWay(r));
            boolean close = a.semantic() >= 4 && a.quality() >= 5 && !wrongWay;
            if (close && fix.possible()) {
                for (String note : fix.notes()) {
                    think.append("- ").append(note).append('\n');
                }
                String correction = Action.instruction(fix.actions());
                think.append("Verdict: REFLECTION → apply to the previous output: \"")
                        .append(correction)
                        .append("\"\n");
                return critique(a, think, correction, Verdict.REFLECTION, target, call);
            }
            for (String reason : fix.irreversible()) {
                think.append("- ").append(reason).append('\n');
            }
            if (wrongWay) {
                think.append("- an effect went the wrong way\n");
            }
            if (!close) {
                think.append("- too far from the intended result to correct in place\n");
            }
        } else {
            think.append("- the edit left the image unchanged\n");
        }
        List<Action> rewrite = retuned(intent, a, source);
        String instruction = Action.instruction(rewrite);
        think.append("Verdict: FAILED → restart from the source with \"")
                .append(instruction)
                .append("\"\n");
        return critique(a, think, instruction, Verdict.FAILED, target, call);
    }

    /** The intent's plan with each off-target knob turned up or down (for a restart from the source). */
    private static List<Action> retuned(Intent intent, Assessment a, Analysis source) {
        List<Action> plan = new ArrayList<>(intent.plan(source));
        for (Assessment.Reading r : a.offTarget()) {
            Knob knob = r.effect().knob();
            if (knob == null) {
                continue;
            }
            int i = Refiner.find(plan, knob, r.effect());
            if (i < 0) {
                continue;
            }
            double amount = knob.amount(plan.get(i));
            boolean weak = r.standing() == Effect.Standing.WEAK;
            double factor = knob.control().strongerIsSmaller() ? (weak ? 0.75 : 1.4) : (weak ? 1.4 : 0.7);
            knob.with(plan.get(i), amount * factor).ifPresent(x -> plan.set(i, x));
        }
        return plan;
    }

    /** Whether every expected effect cannot happen on this source (more saturation or a hue shift on grey). */
    private static boolean impossibleHere(Assessment a) {
        return !a.readings().isEmpty()
                && a.readings().stream().allMatch(r -> r.fit().kind() == SourceFit.Kind.CANNOT);
    }

    private static String impossibleReasons(Assessment a) {
        return String.join(
                "; ",
                a.readings().stream()
                        .map(r -> r.effect().label() + ": " + r.fit().reason())
                        .distinct()
                        .toList());
    }

    private static boolean wrongWay(Assessment.Reading r) {
        if (r.fromSource()) {
            return false; // read absolutely, against the source's own state
        }
        Effect e = r.effect();
        double m = r.measured();
        if (Double.isNaN(m)) {
            return false;
        }
        double toward = e.upward() ? m - r.baseline() : r.baseline() - m;
        double reach = Math.abs(e.near() - r.baseline());
        return toward < -0.5 * reach;
    }

    @Override
    public Plan plan(PlanCall call) {
        Optional<String> foreign = refusal(call.instruction());
        if (foreign.isPresent()) {
            String reasoning = foreign.get() + ".";
            return new Plan(
                    call.instruction(),
                    List.of(),
                    null,
                    reasoning,
                    "<think>\n" + reasoning + "\n</think>\n<answer>FAILED</answer>",
                    Usage.NONE,
                    Verdict.FAILED);
        }
        Intent intent = Intent.read(call.instruction(), parser, knowledge);
        Analysis source = Analysis.of(call.source());
        StringBuilder think = new StringBuilder();
        Report.request(think, intent);
        return switch (call.kind()) {
            case REWRITE -> {
                if (!intent.doable()) {
                    think.append("Nothing in the editor's vocabulary can do this: ")
                            .append(reasons(intent))
                            .append('\n');
                    yield new Plan(
                            call.instruction(),
                            List.of(),
                            null,
                            think.toString().strip(),
                            "<think>\n" + think.toString().strip() + "\n</think>\n<answer>FAILED</answer>",
                            Usage.NONE,
                            Verdict.FAILED);
                }
                List<Action> actions = limit(intent, intent.plan(source), call.maxActions(), source);
                String instruction = Action.instruction(actions);
                think.append("Rewritten for the editor (at most ")
                        .append(call.maxActions())
                        .append(" actions): ")
                        .append(instruction)
                        .append('\n');
                for (Effect effect : intent.effects(source)) {
                    think.append("- expect ")
                            .append(effect.label())
                            .append(": ")
                            .append(effect.target())
                            .append('\n');
                }
                if (!intent.blocked().isEmpty()) {
                    think.append("Left out, no action can do it: ")
                            .append(reasons(intent))
                            .append('\n');
                }
                yield new Plan(
                        instruction,
                        actions.stream().map(Action::phrase).toList(),
                        null,
                        think.toString().strip(),
                        "<think>\n" + think.toString().strip() + "\n</think>\n<answer>" + instruction + "</answer>",
                        Usage.NONE);
            }
            case DESCRIBE_TARGET -> {
                String description = targetDescription(intent);
                think.append("Intended result: ").append(description).append('\n');
                yield new Plan(
                        call.instruction(),
                        List.of(),
                        description,
                        think.toString().strip(),
                        "<think>\n" + think.toString().strip() + "\n</think>\n<answer>" + description + "</answer>",
                        Usage.NONE);
            }
        };
    }

    /** A short description in words of the intended result. */
    static String targetDescription(Intent intent) {
        List<String> parts = new ArrayList<>();
        for (Concept concept : intent.concepts()) {
            parts.add(concept.description());
        }
        if (!intent.concrete().isEmpty()) {
            parts.add("the source edited as asked: " + Action.instruction(intent.concrete()));
        }
        if (parts.isEmpty()) {
            parts.add("the source unchanged, since nothing asked for can be done");
        }
        String text = String.join("; ", parts);
        if (!intent.blocked().isEmpty()) {
            text += " (not possible: "
                    + String.join(
                            ", ",
                            intent.blocked().stream()
                                    .map(Intent.Blocked::fragment)
                                    .toList()) + ")";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /** At most {@code max} actions: the requested ones first, then those behind the weightiest effects. */
    private static List<Action> limit(Intent intent, List<Action> plan, int max, Analysis source) {
        if (plan.size() <= max) {
            return plan;
        }
        List<Effect> effects = intent.effects(source);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -importance(plan.get(i), intent, effects))
                .thenComparingInt(i -> i));
        List<Integer> keep = new ArrayList<>(order.subList(0, max));
        keep.sort(Integer::compare);
        return keep.stream().map(plan::get).toList();
    }

    private static double importance(Action action, Intent intent, List<Effect> effects) {
        if (intent.concrete().contains(action)) {
            return 10;
        }
        double best = 0.1;
        var knob = Knob.of(action);
        for (Effect effect : effects) {
            if (knob.isPresent() && effect.knob() == knob.get()) {
                best = Math.max(best, effect.weight());
            } else if (knob.isEmpty() && effect.knob() == null) {
                best = Math.max(best, effect.weight() * 0.9);
            }
        }
        return best;
    }

    private static String reasons(Intent intent) {
        if (intent.blocked().isEmpty()) {
            return "no part of it maps to the editor's vocabulary";
        }
        return String.join(
                "; ", intent.blocked().stream().map(Intent.Blocked::reason).toList());
    }

    private static Critique critique(
            Assessment a, StringBuilder think, String refined, Verdict verdict, String target, CritiqueCall call) {
        String reasoning = think.toString().strip();
        String answer = refined == null ? "" : refined;
        return new Critique(
                a.semantic(),
                a.quality(),
                reasoning,
                refined,
                verdict,
                target,
                Report.tagged(reasoning, a.semantic(), a.quality(), answer),
                Usage.NONE);
    }
}
