package dev.editloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.embedded.classic.Instructions;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Spelling;
import dev.editloop.embedded.heuristic.Intent;
import dev.editloop.embedded.heuristic.KnowledgeBase;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Misspelt requests (issue 14): the editor and the thinker read "brigthen it slighty" as "brighten it slightly", say
 * so, and never read a name of a thing as an operation.
 */
class TypoTest {
    private static final BackendRegistry REGISTRY = BackendRegistry.load();
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "brigthen it slighty | brighten it slightly",
                "make it blak and white | make it black and white",
                "add a vignete | add a vignette",
                "sharpn it | sharpen it",
                "blurr the bottom half | blur the bottom half",
                "darken teh sky | darken the sky",
                "roate it 180 degrees | rotate it 180 degrees",
                "make the colours more vivd | make the colours more vivid",
                "increse the contrast | increase the contrast",
                "desaturte it | desaturate it",
                "add film grian | add film grain",
                "make it sepai | make it sepia",
                "add a red boarder | add a red border",
                "flip it horizontaly | flip it horizontally",
                "crop to sqaure | crop to square",
                "make it warmre pls | make it warmer please",
                "can u make it cooler | can you make it cooler"
            })
    void aMisspeltRequestIsReadAsTheOneItMeans(String misspelt, String meant) {
        ParsedInstruction read = Instructions.parse(misspelt);
        ParsedInstruction expected = Instructions.parse(meant);
        assertThat(expected.actions())
                .as("the well-spelt request is vocabulary: %s", meant)
                .isNotEmpty();
        assertThat(read.actions()).as(misspelt).isEqualTo(expected.actions());
        assertThat(read.notUnderstood()).as(misspelt).isEmpty();
        assertThat(Spelling.read(misspelt).fixes())
                .as("what was corrected is said")
                .isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"make it look snowey | snowy", "give it a spoky feel | spooky", "a vintge look please | vintage"})
    void aMisspeltConceptWordIsReadAsTheConceptTheThinkerKnows(String misspelt, String word) {
        Spelling.Reading reading = Spelling.read(misspelt);
        assertThat(reading.text()).as(misspelt).contains(word);
        assertThat(Intent.read(misspelt, Instructions::parse, KB).concepts())
                .as(misspelt)
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "add a tent",
                "put a hat on the cat",
                "remove the bike",
                "add a bear next to the boat",
                "bake a cake",
                "add a lamp and a sign",
                "add a bicycle",
                "paint the barn and the scarf",
                "make it sharp",
                "turn the lights on",
                "add the text \"SALLE\" at the top",
                // one or two letters from "smaller", "poster", "dull", "greener": the request around them is still
                // not understood, so they are not read as those
                "replace the shoes with a stapler",
                "fix his posture and the hull of the ship",
                "cover the greenery with snow",
                // words of position, not tone words: "upright" is not "bright"
                "make it upright",
                "it's sideways, straighten it",
                // words of taste one letter from a tone word: "cute" is not "mute", "mellow" is not "yellow"
                "make it cute",
                "more mellow",
                "make it alright"
            })
    void namesOfThingsAndQuotedTextAreLeftAsWritten(String request) {
        assertThat(Spelling.read(request).fixes()).as(request).isEmpty();
        assertThat(Spelling.read(request).text()).isEqualTo(request);
    }

    @Test
    void anObjectNearAnOperationWordStaysAnObjectRequestTheThinkerDeclines() {
        // "tent" is one letter from "tint", "bear" and "boat" near "blur" and "bolt", "bake" near "make"
        for (String request :
                new String[] {"add a tent to the beach", "add a bear in the snow", "put a boat on the lake"}) {
            Intent intent = Intent.read(request, Instructions::parse, KB);
            assertThat(intent.corrections()).as(request).isEmpty();
            assertThat(intent.concrete()).as(request).isEmpty();
            assertThat(intent.objectLevel()).as(request).isTrue();
        }
    }

    @Test
    void theThinkerSaysWhatItCorrected() {
        Intent intent = Intent.read("make it blak and white", Instructions::parse, KB);
        assertThat(intent.text()).isEqualTo("make it black and white");
        assertThat(intent.correctionNote()).isEqualTo("read 'blak' as 'black'");
        assertThat(intent.concrete()).isNotEmpty();
    }

    @Test
    void aMisspeltRequestBrightensInTheLoopAndTheReasoningNamesTheCorrection() {
        Editor editor = REGISTRY.editor("embedded");
        Thinker thinker = REGISTRY.thinker("embedded");
        Picture coffee = TestImages.coffee();

        EditResult edited = editor.edit(EditCall.of(coffee, "brigthen it by 20%", 1));
        assertThat(edited.notes()).contains("read 'brigthen' as 'brighten'");

        LoopResult result = new LoopEngine(editor, thinker).run(LoopRequest.of(coffee, "brigthen it by 20%"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(Comparison.of(coffee, result.finalImage()).brightnessChange(Zone.WHOLE))
                .as("the image is brighter")
                .isGreaterThan(0);
        Turn first = result.turns().get(0);
        assertThat(first.critique().reasoning()).contains("read 'brigthen' as 'brighten'");
    }

    @Test
    void aMisspeltImpossibleRequestIsStillDeclined() {
        Picture cat = TestImages.cat();
        LoopResult result = new LoopEngine(REGISTRY.editor("embedded"), REGISTRY.thinker("embedded"))
                .run(LoopRequest.of(cat, "replace teh cat with a dgo"));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.finalImage()).isEqualTo(cat);
    }
}
