package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.embedded.fixtures.PhraseParser;
import dev.editloop.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The thinker on hand-made edits, with a strict parser of canonical phrases standing in for the classic one. */
class HeuristicThinkerTest {
    private static final Function<String, ParsedInstruction> PARSER = new PhraseParser();
    private static final HeuristicThinker THINKER = new HeuristicThinker(PARSER);
    private static final MiniEditor EDITOR = new MiniEditor(PARSER);
    private static final Picture CAT = TestImages.cat();
    private static final Picture SCENE = TestImages.scene(480, 360, 7);
    private static final String OLD_PHOTO = "make this look like an old photograph";
    private static final Pattern TAGGED = Pattern.compile(
            "(?s)<think>\\n.+\\n</think>\\n<score>\\{\"semantic\": \\d+\\.\\d, \"quality\": \\d+\\.\\d}</score>\\n"
                    + "<answer>.*</answer>");

    private static Critique compare(Picture source, Picture edited, String original, String current, int turn) {
        return THINKER.critique(CritiqueCall.compare(source, edited, original, current, turn, 7));
    }

    private static Critique reflect(Picture source, Picture edited, String original, String current) {
        return THINKER.critique(new CritiqueCall(CritiqueMode.REFLECT, source, edited, original, current, 1, null, 7));
    }

    private static List<Action> oldPhotoPlan(double scale) {
        return List.of(
                new Action.ColorFilter(Filter.SEPIA, Math.min(100, 85 * scale), Region.WHOLE),
                new Action.Adjust(Tone.CONTRAST, -25 * scale, Region.WHOLE),
                new Action.Stylize(Style.VIGNETTE, Math.min(100, 40 * scale), Region.WHOLE),
                new Action.Stylize(Style.FILM_GRAIN, Math.min(100, 25 * scale), Region.WHOLE));
    }

    @Test
    void describesItselfAsEmbedded() {
        assertThat(THINKER.describe()).isEqualTo("embedded");
    }

    @Test
    void anUnderstoodAbstractRequestThatLeftTheImageUnchangedIsRephrased() {
        Critique c = compare(CAT, CAT, OLD_PHOTO, OLD_PHOTO, 1);
        assertThat(c.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(c.semantic()).isLessThanOrEqualTo(2.0);
        assertThat(c.quality()).isGreaterThanOrEqualTo(8.0);
        String plan = Action.instruction(KnowledgeBase.standard()
                .concept("old-photograph")
                .orElseThrow()
                .plan(dev.editloop.embedded.measure.Analysis.of(CAT)));
        assertThat(c.refinedInstruction()).isEqualTo(plan);
        assertThat(PARSER.apply(c.refinedInstruction()).fullyUnderstood()).isTrue();
        assertThat(c.reasoning()).contains("understood none of").contains("unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {OLD_PHOTO, "make it feel like a cold winter morning", "make it look like a film noir"})
    void thinkWhileEditReachesSuccessWithinThreeTurns(String request) {
        for (Picture source : List.of(CAT, TestImages.coffee())) {
            String current = request;
            List<Critique> turns = new ArrayList<>();
            for (int turn = 1; turn <= 4; turn++) {
                Picture edited = EDITOR.edit(source, current);
                Critique c = compare(source, edited, request, current, turn);
                turns.add(c);
                if (c.verdict() != Verdict.REFINE) {
                    break;
                }
                current = c.refinedInstruction();
            }
            assertThat(turns.get(0).semantic()).isLessThanOrEqualTo(2.0);
            Critique last = turns.get(turns.size() - 1);
            assertThat(last.verdict())
                    .as(request + " on " + source + ": " + last.reasoning())
                    .isEqualTo(Verdict.SUCCESS);
            assertThat(last.semantic()).isGreaterThanOrEqualTo(8.0);
            assertThat(last.quality()).isGreaterThanOrEqualTo(8.0);
            assertThat(last.refinedInstruction()).isEqualTo(current);
            assertThat(turns).hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void aPlainRequestDoneRightSucceedsAtOnce() {
        String request = "make it black and white";
        Picture edited = MiniEditor.filter(CAT, Filter.GRAYSCALE, 100);
        Critique c = compare(CAT, edited, request, request, 1);
        assertThat(c.verdict()).isEqualTo(Verdict.SUCCESS);
        assertThat(c.semantic()).isGreaterThanOrEqualTo(8.0);
        assertThat(c.quality()).isGreaterThanOrEqualTo(8.0);
        assertThat(c.refinedInstruction()).isEqualTo(request);
    }

    @Test
    void scoresRankGoodAboveHalfDoneAndOverdoneEdits() {
        String request = "increase the contrast by 30%";
        double good = compare(SCENE, MiniEditor.adjust(SCENE, Tone.CONTRAST, 30), request, request, 1)
                .semantic();
        double half = compare(SCENE, MiniEditor.adjust(SCENE, Tone.CONTRAST, 12), request, request, 1)
                .semantic();
        double over = compare(SCENE, MiniEditor.adjust(SCENE, Tone.CONTRAST, 90), request, request, 1)
                .semantic();
        assertThat(good).isGreaterThanOrEqualTo(8.0).isGreaterThan(half).isGreaterThan(over);
        assertThat(half).isLessThan(8.0);
        assertThat(over).isLessThan(8.0);
    }

    @Test
    void abstractScoresRankGoodAboveHalfDoneAndOverdoneEdits() {
        Critique good = compare(CAT, MiniEditor.apply(CAT, oldPhotoPlan(1)), OLD_PHOTO, OLD_PHOTO, 2);
        Critique half = compare(CAT, MiniEditor.apply(CAT, oldPhotoPlan(0.4)), OLD_PHOTO, OLD_PHOTO, 2);
        Critique over = compare(CAT, MiniEditor.apply(CAT, oldPhotoPlan(3)), OLD_PHOTO, OLD_PHOTO, 2);
        assertThat(good.semantic()).isGreaterThanOrEqualTo(8.0);
        assertThat(Math.sqrt(good.semantic() * good.quality()))
                .isGreaterThan(Math.sqrt(half.semantic() * half.quality()))
                .isGreaterThan(Math.sqrt(over.semantic() * over.quality()));
        assertThat(half.semantic()).isLessThan(8.0);
        assertThat(over.verdict()).isEqualTo(Verdict.REFINE);
    }

    @Test
    void refinementRaisesWeakEffectsAndLowersOverdoneOnes() {
        String weak = Action.instruction(oldPhotoPlan(0.4));
        Critique c = compare(CAT, EDITOR.edit(CAT, weak), OLD_PHOTO, weak, 2);
        assertThat(c.verdict()).isEqualTo(Verdict.REFINE);
        List<Action> next = PARSER.apply(c.refinedInstruction()).actions();
        // the sepia tone read too weak: raised; the grain read on target: kept
        assertThat(next)
                .anySatisfy(a -> assertThat(a)
                        .isInstanceOfSatisfying(
                                Action.ColorFilter.class,
                                f -> assertThat(f.strength()).isGreaterThan(60)));
        assertThat(next).contains(new Action.Stylize(Style.FILM_GRAIN, 10, Region.WHOLE));
        assertThat(c.reasoning()).contains("strengthen sepia");

        String strong = "increase the contrast by 90%";
        String request = "increase the contrast by 30%";
        Critique over = compare(SCENE, EDITOR.edit(SCENE, strong), request, strong, 1);
        Action.Adjust lowered = (Action.Adjust)
                PARSER.apply(over.refinedInstruction()).actions().get(0);
        assertThat(lowered.amount()).isBetween(10.0, 60.0);
    }

    @Test
    void anEditThatAlsoDamagesAnUntouchedRegionScoresLower() {
        String request = "increase the brightness by 30% in the top third";
        Action asked = new Action.Adjust(Tone.BRIGHTNESS, 30, Region.TOP_THIRD);
        Picture clean = MiniEditor.apply(SCENE, asked);
        Picture damaged = MiniEditor.apply(clean, new Action.Adjust(Tone.BRIGHTNESS, -35, Region.BOTTOM_HALF));
        Critique good = compare(SCENE, clean, request, request, 1);
        Critique bad = compare(SCENE, damaged, request, request, 1);
        assertThat(good.semantic()).isGreaterThanOrEqualTo(8.0);
        assertThat(bad.semantic()).isLessThan(good.semantic() - 2);
        assertThat(bad.reasoning()).contains("outside the top third");

        String bw = "make it black and white";
        Picture bwClean = MiniEditor.filter(CAT, Filter.GRAYSCALE, 100);
        Picture bwBlurred = MiniEditor.blur(bwClean, 3);
        Critique blurred = compare(CAT, bwBlurred, bw, bw, 1);
        assertThat(blurred.semantic())
                .isLessThan(compare(CAT, bwClean, bw, bw, 1).semantic() - 1);
        assertThat(blurred.reasoning()).contains("unasked structure lost");
    }

    @Test
    void theSameInputsGiveTheSameCritique() {
        Picture edited = MiniEditor.apply(CAT, oldPhotoPlan(0.7));
        String current = Action.instruction(oldPhotoPlan(0.7));
        Critique a = compare(CAT, edited, OLD_PHOTO, current, 2);
        Critique b =
                new HeuristicThinker(PARSER).critique(CritiqueCall.compare(CAT, edited, OLD_PHOTO, current, 2, 99));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void critiquesAreThreadSafe() throws Exception {
        Picture edited = MiniEditor.apply(CAT, oldPhotoPlan(0.7));
        String current = Action.instruction(oldPhotoPlan(0.7));
        Critique expected = compare(CAT, edited, OLD_PHOTO, current, 2);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Critique>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> compare(CAT, edited, OLD_PHOTO, current, 2)));
            }
            for (Future<Critique> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"replace the cat with a dog", "add a hat", "make the person smile"})
    void impossibleRequestsFail(String request) {
        Critique c = compare(CAT, CAT, request, request, 1);
        assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(c.hasRefinement()).isFalse();
        assertThat(c.semantic()).isZero();
        assertThat(c.reasoning()).contains("generative editor");
        Critique r = reflect(CAT, CAT, request, request);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.hasRefinement()).isFalse();
    }

    @Test
    void aPartlyImpossibleRequestNeverReachesSuccess() {
        String request = "make it spooky and add a hat";
        Intent intent = Intent.read(request, PARSER, KnowledgeBase.standard());
        List<Action> plan = intent.plan(dev.editloop.embedded.measure.Analysis.of(CAT));
        Critique c = compare(CAT, MiniEditor.apply(CAT, plan), request, Action.instruction(plan), 2);
        assertThat(c.semantic()).isLessThanOrEqualTo(5.0);
        assertThat(c.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(c.reasoning()).contains("hat");
    }

    @Test
    void theReasoningNamesEachMeasuredEffectWithItsTarget() {
        Picture edited = MiniEditor.apply(CAT, oldPhotoPlan(0.5));
        Critique c = compare(CAT, edited, OLD_PHOTO, Action.instruction(oldPhotoPlan(0.5)), 2);
        assertThat(c.reasoning())
                .contains("sepia tone: +")
                .contains("contrast: -")
                .contains("vignette: +")
                .contains("film grain: +")
                .contains("target")
                .contains("Scores: SC " + c.semantic())
                .contains("Plan:");
        int judged = c.reasoning().indexOf("Effects");
        int planned = c.reasoning().indexOf("Plan:");
        assertThat(judged).isLessThan(planned);
    }

    @Test
    void theRawTextUsesTheTaggedFormat() {
        Critique c = compare(CAT, CAT, OLD_PHOTO, OLD_PHOTO, 1);
        assertThat(TAGGED.matcher(c.raw()).matches()).as(c.raw()).isTrue();
        assertThat(c.raw()).contains("<answer>" + c.refinedInstruction() + "</answer>");
        assertThat(c.raw()).contains(String.format(java.util.Locale.ROOT, "\"semantic\": %.1f", c.semantic()));
        Critique failed = compare(CAT, CAT, "add a hat", "add a hat", 1);
        assertThat(TAGGED.matcher(failed.raw()).matches()).isTrue();
        assertThat(failed.raw()).contains("<answer></answer>");
    }

    @Test
    void reflectSucceedsOnAGoodEdit() {
        String request = "increase the contrast by 30%";
        Critique c = reflect(SCENE, MiniEditor.adjust(SCENE, Tone.CONTRAST, 30), request, request);
        assertThat(c.verdict()).isEqualTo(Verdict.SUCCESS);
        assertThat(c.targetDescription()).isNotBlank();
    }

    @Test
    void reflectCorrectsACloseEditWithADelta() {
        String request = "increase the contrast by 30%";
        Picture close = MiniEditor.adjust(SCENE, Tone.CONTRAST, 15);
        Critique c = reflect(SCENE, close, request, request);
        assertThat(c.verdict()).isEqualTo(Verdict.REFLECTION);
        List<Action> delta = PARSER.apply(c.refinedInstruction()).actions();
        assertThat(delta).singleElement().isInstanceOf(Action.Adjust.class);
        double amount = ((Action.Adjust) delta.get(0)).amount();
        assertThat(amount).isBetween(8.0, 20.0); // 1.15 × (1 + x) ≈ 1.3, not the whole 30% again
        Picture corrected = MiniEditor.apply(close, delta);
        assertThat(reflect(SCENE, corrected, request, c.refinedInstruction()).verdict())
                .isEqualTo(Verdict.SUCCESS);
    }

    @Test
    void reflectRestartsFromTheSourceWhenTheEditWentWrong() {
        Picture wrong = MiniEditor.apply(CAT, oldPhotoPlan(3));
        Critique c = reflect(CAT, wrong, OLD_PHOTO, Action.instruction(oldPhotoPlan(3)));
        assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(c.hasRefinement()).isTrue();
        List<Action> rewrite = PARSER.apply(c.refinedInstruction()).actions();
        assertThat(rewrite).hasSizeGreaterThanOrEqualTo(3);
        Critique unchanged = reflect(CAT, CAT, OLD_PHOTO, OLD_PHOTO);
        assertThat(unchanged.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(PARSER.apply(unchanged.refinedInstruction()).fullyUnderstood())
                .isTrue();
    }

    @Test
    void rewriteTurnsAnAbstractRequestIntoAtMostMaxActions() {
        Plan full = THINKER.plan(new PlanCall(PlanKind.REWRITE, CAT, OLD_PHOTO, 5, 1));
        assertThat(PARSER.apply(full.instruction()).actions()).hasSize(4);
        assertThat(full.actions()).hasSize(4);
        Plan three = THINKER.plan(new PlanCall(PlanKind.REWRITE, CAT, OLD_PHOTO, 3, 1));
        List<Action> actions = PARSER.apply(three.instruction()).actions();
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0)).isEqualTo(new Action.ColorFilter(Filter.SEPIA, 85, Region.WHOLE));
        assertThat(three.reasoning()).contains("old photograph");
        Plan impossible = THINKER.plan(new PlanCall(PlanKind.REWRITE, CAT, "add a hat", 3, 1));
        assertThat(impossible.actions()).isEmpty();
        assertThat(impossible.reasoning()).contains("generative editor");
    }

    @Test
    void describeTargetSaysWhatTheResultLooksLike() {
        Plan plan = THINKER.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, CAT, OLD_PHOTO, 3, 1));
        assertThat(plan.targetDescription()).containsIgnoringCase("sepia").contains("grain");
        assertThat(plan.instruction()).isEqualTo(OLD_PHOTO);
    }
}
