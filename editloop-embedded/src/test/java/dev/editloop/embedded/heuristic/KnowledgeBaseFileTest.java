package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The knowledge base is a data file with named fields: a valid file gives concepts that plan and expect what it says,
 * and a wrong entry is refused at load with one error that names the file, the entry and the field.
 */
class KnowledgeBaseFileTest {
    private static final String GOOD = """
            words:
              thing: '(?:cat|dog)'
            subsumes:
              noir: [sepia-look]
            impossible:
              - pattern: '\\breplace (?:the )?(${thing})'
                reason: 'replacing the {0} needs a generative editor'
            concepts:
              - id: sepia-look
                title: 'a sepia look'
                description: 'brownish tones'
                phrasings: ['give it a sepia look']
                patterns: ['\\bsepia look\\b']
                plan:
                  - {knob: sepia, amount: 80}
                  - {knob: tint, amount: 10, color: orange}
                effects:
                  - {metric: sepia, near: 0.5, ideal: 0.8, far: 1.1, weight: 1, knob: sepia}
              - id: noir
                title: 'noir'
                description: 'black and white, hard'
                crushes: true
                patterns: ['\\bnoir\\b']
                plan:
                  - {recolor: {from: green, to: gray}, holds: green}
                  - {knob: contrast, amount: 40}
                effects:
                  - {metric: contrast, near: 0.2, ideal: 0.45, far: 1.0, weight: 1, knob: contrast, zone: top-third}
                  - {metric: block-size, near: 0.6, ideal: 1, far: 25, weight: 0.5, per: retro-block}
            """;

    @Test
    void aValidFileGivesConceptsThatPlanAndExpectWhatItSays() {
        KnowledgeBase kb = KnowledgeBase.read(GOOD, "test.yaml");
        Analysis cat = Analysis.of(TestImages.cat());
        Concept sepia = kb.concept("sepia-look").orElseThrow();
        assertThat(sepia.plan(cat)).hasSize(2);
        assertThat(sepia.plan(cat).get(0)).isEqualTo(new Action.ColorFilter(Action.Filter.SEPIA, 80, Region.WHOLE));
        assertThat(kb.find("please give it a sepia look").get(0).concept()).isEqualTo(sepia);
        Concept noir = kb.concept("noir").orElseThrow();
        assertThat(noir.crushesShadows()).isTrue();
        assertThat(sepia.crushesShadows()).isFalse();
        assertThat(noir.plan(cat))
                .as("the cat photo holds no green: no recolor")
                .hasSize(1);
        List<Effect> effects = noir.effects(cat);
        assertThat(effects.get(0).zone().region()).isEqualTo(Region.TOP_THIRD);
        int block = KnowledgeBase.retroBlock(cat);
        assertThat(effects.get(1).ideal()).isEqualTo(block);
        assertThat(kb.withoutSubsumed(List.of(noir, sepia))).containsExactly(noir);
        assertThat(kb.impossibility("replace the dog with a cat"))
                .contains("replacing the dog needs a generative editor");
    }

    @Test
    void theBuiltInFileLoadsEveryConcept() {
        KnowledgeBase kb = KnowledgeBase.standard();
        assertThat(kb.concepts()).hasSizeGreaterThan(25);
        assertThat(kb.concept("old-photograph")).isPresent();
        assertThat(kb.impossibility("replace the cat with a dog")).isPresent();
    }

    static Stream<Arguments> wrongEntries() {
        return Stream.of(
                Arguments.of(
                        "unknown knob",
                        "{knob: sepia, amount: 80}",
                        "{knob: sepiaa, amount: 80}",
                        "concept 1 (\"sepia-look\"), plan step 1, field \"knob\": unknown value \"sepiaa\"; one of brightness"),
                Arguments.of(
                        "amount out of range",
                        "{knob: sepia, amount: 80}",
                        "{knob: sepia, amount: 250}",
                        "concept 1 (\"sepia-look\"), plan step 1, field \"amount\": 250 is not an amount the sepia knob takes as it is (it would become 100)"),
                Arguments.of(
                        "amount not whole",
                        "{knob: sepia, amount: 80}",
                        "{knob: sepia, amount: 80.5}",
                        "plan step 1, field \"amount\": 80.5 is not an amount"),
                Arguments.of(
                        "tint without color",
                        "{knob: tint, amount: 10, color: orange}",
                        "{knob: tint, amount: 10}",
                        "concept 1 (\"sepia-look\"), plan step 2, field \"color\": a tint needs a color"),
                Arguments.of(
                        "unknown color",
                        "{knob: tint, amount: 10, color: orange}",
                        "{knob: tint, amount: 10, color: oronge}",
                        "plan step 2, field \"color\": unknown color \"oronge\""),
                Arguments.of(
                        "unknown step field",
                        "{knob: sepia, amount: 80}",
                        "{knob: sepia, amout: 80}",
                        "concept 1 (\"sepia-look\"), plan step 1, field \"amout\": unknown field"),
                Arguments.of(
                        "missing amount",
                        "{knob: sepia, amount: 80}",
                        "{knob: sepia}",
                        "concept 1 (\"sepia-look\"), plan step 1, field \"amount\": is missing"),
                Arguments.of(
                        "text for a number",
                        "{knob: sepia, amount: 80}",
                        "{knob: sepia, amount: lots}",
                        "plan step 1, field \"amount\": must be a number"),
                Arguments.of(
                        "misordered effect",
                        "near: 0.5, ideal: 0.8, far: 1.1",
                        "near: 0.5, ideal: 1.2, far: 1.1",
                        "concept 1 (\"sepia-look\"), effect 1, field \"ideal\": near, ideal and far must be strictly ordered"),
                Arguments.of(
                        "unknown metric",
                        "{metric: contrast, near: 0.2",
                        "{metric: contrastt, near: 0.2",
                        "concept 2 (\"noir\"), effect 1, field \"metric\": unknown value \"contrastt\""),
                Arguments.of(
                        "unknown zone",
                        "zone: top-third",
                        "zone: top-quarter",
                        "concept 2 (\"noir\"), effect 1, field \"zone\": unknown value \"top-quarter\""),
                Arguments.of(
                        "unknown per",
                        "per: retro-block}",
                        "per: block}",
                        "concept 2 (\"noir\"), effect 2, field \"per\": unknown value \"block\""),
                Arguments.of(
                        "zero weight",
                        "far: 1.1, weight: 1",
                        "far: 1.1, weight: 0",
                        "effect 1, field \"weight\": must be positive"),
                Arguments.of(
                        "crushes not a flag",
                        "crushes: true",
                        "crushes: 'in the shadows'",
                        "concept 2 (\"noir\"), field \"crushes\": must be true or false"),
                Arguments.of(
                        "bad pattern",
                        "'\\bnoir\\b'",
                        "'\\bnoir(\\b'",
                        "concept 2 (\"noir\"), field \"patterns[1]\": not a valid regular expression"),
                Arguments.of(
                        "no patterns",
                        "patterns: ['\\bnoir\\b']",
                        "patterns: []",
                        "concept 2 (\"noir\"), field \"patterns\": needs at least one pattern"),
                Arguments.of(
                        "duplicate id",
                        "id: noir",
                        "id: sepia-look",
                        "concept 2 (\"sepia-look\"), field \"id\": \"sepia-look\" is used by an earlier concept"),
                Arguments.of(
                        "typo in a field",
                        "effects:\n      - {metric: sepia",
                        "efects:\n      - {metric: sepia",
                        "concept 1 (\"sepia-look\"), field \"efects\": unknown field"),
                Arguments.of(
                        "subsumes no concept",
                        "noir: [sepia-look]",
                        "noir: [sepia-luk]",
                        "subsumes of \"noir\", field \"list\": no concept has the id \"sepia-luk\""),
                Arguments.of(
                        "undefined word",
                        "(${thing})",
                        "(${things})",
                        "impossible rule 1, field \"pattern\": ${things} is not defined under words"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongEntries")
    void aWrongEntryIsOneErrorNamingTheEntryAndTheField(String name, String good, String bad, String message) {
        String goodText = good;
        String badText = bad;
        assertThat(GOOD).as("the case's text is in the good file").contains(goodText);
        String broken = GOOD.replace(goodText, badText);
        assertThatThrownBy(() -> KnowledgeBase.read(broken, "test.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("knowledge base test.yaml: ")
                .hasMessageContaining(message.strip());
    }

    @Test
    void textThatIsNotYamlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> KnowledgeBase.read("concepts:\n  - id: [unclosed\n", "broken.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("knowledge base broken.yaml: not valid YAML")
                .hasMessageContaining("line");
    }
}
