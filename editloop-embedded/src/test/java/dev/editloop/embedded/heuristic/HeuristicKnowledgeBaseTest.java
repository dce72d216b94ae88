package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.embedded.fixtures.PhraseParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeuristicKnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();
    private static final Picture CAT = TestImages.cat();
    private static final Analysis CAT_ANALYSIS = Analysis.of(CAT);

    static Stream<Arguments> phrasings() {
        return KB.concepts().stream().flatMap(c -> c.phrasings().stream().map(p -> Arguments.of(c.id(), p)));
    }

    static Stream<String> conceptIds() {
        return KB.concepts().stream().map(Concept::id);
    }

    @Test
    void holdsAtLeastTwentyConceptsIncludingTheRequiredOnes() {
        assertThat(KB.concepts()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(KB.concepts().stream().map(Concept::id))
                .contains(
                        "old-photograph",
                        "autumn",
                        "winter",
                        "night",
                        "golden-hour",
                        "dramatic",
                        "dreamy",
                        "film-noir",
                        "sunny-day",
                        "comic-pop-art",
                        "retro-80s",
                        "cyberpunk",
                        "underwater",
                        "spooky",
                        "foggy",
                        "spring",
                        "cinematic",
                        "faded",
                        "8-bit",
                        "oil-painting",
                        "newspaper",
                        "miniature",
                        "polaroid",
                        "cozy");
        assertThat(KB.concepts()).allSatisfy(c -> assertThat(c.phrasings()).hasSizeGreaterThanOrEqualTo(3));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phrasings")
    void recognisesEachPhrasingAsItsConcept(String id, String phrasing) {
        List<KnowledgeBase.Match> matches = KB.find(phrasing);
        assertThat(matches).as(phrasing).isNotEmpty();
        assertThat(matches.get(0).concept().id()).as(phrasing).isEqualTo(id);
        assertThat(KB.impossibility(phrasing)).as(phrasing).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phrasings")
    void theThinkerReadsEachPhrasingAsItsConceptWithTheClassicParser(String id, String phrasing) {
        Intent intent = Intent.read(phrasing, InstructionParser::parse, KB);
        assertThat(intent.concepts()).extracting(Concept::id).as(phrasing).contains(id);
        assertThat(intent.blocked()).as(phrasing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("conceptIds")
    void planIsNonEmptyAndWrittenInCanonicalPhrases(String id) {
        Concept concept = KB.concept(id).orElseThrow();
        List<Action> plan = concept.plan(CAT_ANALYSIS);
        assertThat(plan).isNotEmpty();
        String instruction = Action.instruction(plan);
        // both the classic parser and a strict reader of canonical phrases read the plan back exactly
        assertThat(InstructionParser.parse(instruction).actions()).isEqualTo(plan);
        assertThat(InstructionParser.parse(instruction).notUnderstood()).isEmpty();
        assertThat(new PhraseParser().apply(instruction).actions()).isEqualTo(plan);
        assertThat(concept.effects(CAT_ANALYSIS)).isNotEmpty();
        assertThat(concept.description()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("conceptIds")
    void anUnchangedImageScoresNearZero(String id) {
        Concept concept = KB.concept(id).orElseThrow();
        Intent intent = Intent.read(concept.phrasings().get(0), InstructionParser::parse, KB);
        Intent literal = Intent.read(concept.phrasings().get(0), t -> new ParsedInstruction(List.of(), List.of(t)), KB);
        for (Intent i : List.of(intent, literal)) {
            Assessment a = Evaluator.assess(i, CAT, CAT);
            assertThat(a.semantic()).as(id).isLessThanOrEqualTo(1.0);
            assertThat(a.quality()).as(id).isEqualTo(10.0);
        }
    }

    @ParameterizedTest
    @MethodSource("conceptIds")
    void thePlanCarriedOutByTheClassicEditorReachesTheExpectedEffects(String id) {
        Concept concept = KB.concept(id).orElseThrow();
        Intent intent = Intent.read(concept.phrasings().get(0), InstructionParser::parse, KB);
        String plan = Action.instruction(intent.plan(CAT_ANALYSIS));
        Picture edited = new ClassicEditor().edit(EditCall.of(CAT, plan, 3)).image();
        Assessment a = Evaluator.assess(intent, CAT, edited);
        assertThat(a.semantic()).as(id + ": " + a.readings()).isGreaterThanOrEqualTo(8.0);
        assertThat(a.quality()).as(id + ": " + a.artifacts()).isGreaterThanOrEqualTo(8.0);
    }

    @ParameterizedTest
    @MethodSource("conceptIds")
    void thePlanCarriedOutByAStandInEditorReachesTheExpectedEffects(String id) {
        // the documented semantics, implemented independently in the test fixtures
        Concept concept = KB.concept(id).orElseThrow();
        Intent intent = Intent.read(concept.phrasings().get(0), InstructionParser::parse, KB);
        Picture edited = MiniEditor.apply(CAT, intent.plan(CAT_ANALYSIS));
        Assessment a = Evaluator.assess(intent, CAT, edited);
        assertThat(a.semantic()).as(id + ": " + a.readings()).isGreaterThanOrEqualTo(8.0);
        assertThat(a.quality()).as(id + ": " + a.artifacts()).isGreaterThanOrEqualTo(8.0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "replace the cat with a dog",
                "add a hat",
                "make the person smile",
                "turn the cat into a tiger",
                "remove the cat",
                "make her wear sunglasses",
                "change his hairstyle",
                "move the cup to the left"
            })
    void recognisesRequestsNoActionCanDo(String request) {
        assertThat(KB.impossibility(request)).as(request).isPresent();
        Intent intent = Intent.read(request, InstructionParser::parse, KB);
        assertThat(intent.doable()).isFalse();
        assertThat(intent.blocked())
                .singleElement()
                .satisfies(b -> assertThat(b.impossible()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"add some mist", "add a vintage feel", "turn it into pop art", "add some sunshine"})
    void effectsAddedByAConceptAreNotObjects(String request) {
        assertThat(KB.impossibility(request)).as(request).isEmpty();
        assertThat(KB.find(request)).isNotEmpty();
    }

    @Test
    void aConceptRequestWithAnImpossiblePartIsPartlyDoable() {
        Intent intent = Intent.read("make it spooky and add a hat", InstructionParser::parse, KB);
        assertThat(intent.concepts()).extracting(Concept::id).containsExactly("spooky");
        assertThat(intent.blocked()).isNotEmpty();
        assertThat(intent.doableShare()).isEqualTo(0.5);
    }

    @Test
    void plansDependOnTheImageWhereTheyShould() {
        Concept autumn = KB.concept("autumn").orElseThrow();
        Analysis grass = Analysis.of(TestImages.scene(300, 300, 1));
        Analysis grey = Analysis.of(Picture.solid(300, 300, java.awt.Color.GRAY));
        assertThat(autumn.plan(grass)).anyMatch(a -> a instanceof Action.Recolor);
        assertThat(autumn.plan(grey)).noneMatch(a -> a instanceof Action.Recolor);
        Concept retro = KB.concept("8-bit").orElseThrow();
        Action small = retro.plan(Analysis.of(TestImages.scene(320, 320, 1))).get(0);
        Action large = retro.plan(Analysis.of(TestImages.scene(1280, 1280, 1))).get(0);
        assertThat(((Action.Stylize) large).strength()).isGreaterThan(((Action.Stylize) small).strength());
    }

    @Test
    void literalReadingsOfAbstractWordsGiveWayToTheConcept() {
        Intent comic = Intent.read("make it look like a comic book", InstructionParser::parse, KB);
        assertThat(comic.concrete()).isEmpty();
        assertThat(comic.concepts()).extracting(Concept::id).containsExactly("comic-pop-art");
        // an explicit amount stays concrete
        Intent tilt = Intent.read("apply a tilt-shift effect at 60%", InstructionParser::parse, KB);
        assertThat(tilt.concepts()).isEmpty();
        assertThat(tilt.concrete()).hasSize(1);
    }

    @Test
    void mapPlansChangesPlansButNotEffects() {
        KnowledgeBase gentle = KB.mapPlans(plan -> plan.subList(0, 1));
        Concept original = KB.concept("old-photograph").orElseThrow();
        Concept changed = gentle.concept("old-photograph").orElseThrow();
        assertThat(changed.plan(CAT_ANALYSIS)).hasSize(1);
        assertThat(changed.effects(CAT_ANALYSIS)).isEqualTo(original.effects(CAT_ANALYSIS));
    }
}
