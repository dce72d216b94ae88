package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ClassicEditorTest {
    private static final Picture SCENE = TestImages.scene(200, 150, 4);
    private final Editor editor = new ClassicEditor();

    private EditResult edit(String instruction, long seed) {
        return editor.edit(EditCall.of(SCENE, instruction, seed));
    }

    @Test
    void describesItselfAndDeclaresSeedsAndMasks() {
        assertThat(editor.describe()).isEqualTo("embedded");
        assertThat(editor.capabilities().seeds()).isTrue();
        assertThat(editor.capabilities().masks()).isTrue();
        assertThat(editor.capabilities().multipleImages()).isFalse();
        assertThat(editor.capabilities().stepsAndGuidance()).isFalse();
    }

    @Test
    void withAMaskItEditsInsideAndKeepsEveryPixelOutside() {
        dev.editloop.core.region.Region top =
                dev.editloop.core.region.Region.box(0, 0, 200, 50, SCENE.width(), SCENE.height());
        EditResult whole = edit("make it black and white", 0);
        EditResult masked =
                editor.edit(new EditCall(SCENE, "make it black and white", 0, top.toMask(), java.util.Map.of()));

        byte[] src = SCENE.bgr();
        byte[] out = masked.image().bgr();
        byte[] all = whole.image().bgr();
        for (int y = 0; y < SCENE.height(); y++) {
            for (int x = 0; x < SCENE.width(); x++) {
                int p = 3 * (y * SCENE.width() + x);
                byte[] expected = y < 50 ? all : src;
                assertThat(new byte[] {out[p], out[p + 1], out[p + 2]})
                        .as("pixel %d,%d", x, y)
                        .containsExactly(expected[p], expected[p + 1], expected[p + 2]);
            }
        }
        assertThat(masked.notes()).contains(ClassicEditor.MASK_NOTE);
    }

    @Test
    void appliesUnderstoodActionsInOrderAndSaysSo() {
        EditResult result = edit("rotate it 90 degrees clockwise, then crop it to the left half", 1);
        Picture expected = ClassicOperations.apply(
                ClassicOperations.apply(SCENE, new Action.Rotate(90), 1), new Action.CropRegion(Region.LEFT_HALF), 2);
        assertThat(result.image().samePixels(expected)).isTrue();
        assertThat(result.image().width()).isEqualTo(SCENE.height() / 2);
        assertThat(result.notes())
                .containsExactly("applied: rotate it 90 degrees clockwise", "applied: crop it to the left half");
    }

    @Test
    void reportsWhatItDidNotUnderstandAndStillDoesTheRest() {
        EditResult result = edit("increase the contrast and make it look like autumn", 1);
        Picture expected = ClassicOperations.apply(SCENE, new Action.Adjust(Tone.CONTRAST, 25, Region.WHOLE), 1);
        assertThat(result.image().samePixels(expected)).isTrue();
        assertThat(result.image().samePixels(SCENE)).isFalse();
        assertThat(result.notes())
                .containsExactly(
                        "applied: increase the contrast by 25%",
                        "not understood, left unchanged: \"make it look like autumn\"");
    }

    @Test
    void leavesTheImageUnchangedWhenNothingIsUnderstood() {
        for (String instruction : List.of(
                "make it look like autumn",
                "make this look like an old photograph",
                "make it feel like a cold winter morning",
                "replace the cat with a dog",
                "add a hat to the person")) {
            EditResult result = edit(instruction, 3);
            assertThat(result.image()).isSameAs(SCENE);
            assertThat(result.notes())
                    .containsExactly(
                            "not understood, left unchanged: \"" + instruction + "\"",
                            ClassicEditor.NOTHING_UNDERSTOOD);
        }
        EditResult empty = edit("   ", 3);
        assertThat(empty.image()).isSameAs(SCENE);
        assertThat(empty.notes()).containsExactly(ClassicEditor.NOTHING_UNDERSTOOD);
    }

    @Test
    void aMissingColoredObjectIsReportedAndNothingChanges() {
        EditResult result = edit("remove the purple ball", 3);
        assertThat(result.image().samePixels(SCENE)).isTrue();
        assertThat(result.notes())
                .containsExactly("not applied (no purple object found), left unchanged: remove the purple object");

        EditResult partly = edit("remove the purple ball, then remove the red ball", 3);
        assertThat(partly.image()
                        .samePixels(ClassicOperations.apply(
                                SCENE, new Action.RemoveColored(NamedColor.of("red")), ClassicEditor.actionSeed(3, 1))))
                .isTrue();
        assertThat(partly.notes())
                .containsExactly(
                        "not applied (no purple object found), left unchanged: remove the purple object",
                        "applied: remove the red object");
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedOtherGrain() {
        String instruction = "add film grain at 40%, then add a vignette at 30%, then blur the background";
        EditResult a = edit(instruction, 7);
        EditResult b = edit(instruction, 7);
        EditResult c = edit(instruction, 8);
        assertThat(a.image().fingerprint()).isEqualTo(b.image().fingerprint());
        assertThat(a.image().samePixels(c.image())).isFalse();
        assertThat(a.notes()).isEqualTo(c.notes());
    }

    @Test
    void twoGrainActionsInOneInstructionDrawDifferentNoise() {
        Picture flat = Picture.solid(64, 64, java.awt.Color.GRAY);
        Picture twice = editor.edit(EditCall.of(flat, "add film grain at 20%, then add film grain at 20%", 5))
                .image();
        Picture once = ClassicOperations.apply(flat, new Action.Stylize(Style.FILM_GRAIN, 20, Region.WHOLE), 5);
        Picture doubled = ClassicOperations.apply(once, new Action.Stylize(Style.FILM_GRAIN, 20, Region.WHOLE), 5);
        assertThat(twice.samePixels(doubled)).isFalse();
    }

    @Test
    void canonicalInstructionsAreCarriedOutFully() {
        List<Action> actions = List.of(
                new Action.Adjust(Tone.WARMTH, 30, Region.SKY),
                new Action.Recolor(NamedColor.of("yellow"), NamedColor.of("green")),
                new Action.AddText("Hi, then bye", Action.Position.BOTTOM_LEFT, NamedColor.of("black")),
                new Action.Border(4, NamedColor.of("navy")));
        EditResult result = edit(Action.instruction(actions), 2);
        List<String> expected = new ArrayList<>();
        for (Action action : actions) {
            expected.add("applied: " + action.phrase());
        }
        assertThat(result.notes()).isEqualTo(expected);
        assertThat(result.image().width()).isEqualTo(SCENE.width() + 8);
    }

    @Test
    void oneEditorServesManyThreads() throws Exception {
        List<String> instructions = List.of(
                "blur the background",
                "turn it into a cartoon",
                "add film grain at 30%",
                "remove the red ball",
                "make the red areas blue and add a vignette",
                "turn it into a watercolor painting in the center");
        List<String> expected = new ArrayList<>();
        for (String instruction : instructions) {
            expected.add(edit(instruction, 11).image().fingerprint());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String instruction : instructions) {
                    futures.add(pool.submit(() -> edit(instruction, 11).image().fingerprint()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % instructions.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
