package dev.editloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.EditCall;
import dev.editloop.core.Editor;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.FillTexture;
import dev.editloop.embedded.measure.SubjectDetail;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import org.junit.jupiter.api.Test;

/**
 * The quality failures a person saw on the shared photos, run end to end through the embedded loop: a watercolor of
 * the astronaut keeps her eyes and mouth and scores well, and one of the cameraman is not charged for the grass it
 * smooths; the classic removal of the red cup leaves a white disc and a dark smear on the wood, and no turn of the loop
 * scores that as good-looking.
 */
class RealPhotoQualityTest {
    private static final BackendRegistry REGISTRY = BackendRegistry.load();
    private final Editor editor = REGISTRY.editor("embedded");
    private final Thinker thinker = REGISTRY.thinker("embedded");
    private final LoopEngine engine = new LoopEngine(editor, thinker);

    private static Picture shared(String name) {
        var path = TestImages.shared(name);
        assumeTrue(path.isPresent(), "the shared photo " + name + " is absent (../shared/images)");
        return Images.read(path.get());
    }

    @Test
    void aWatercolorOfTheAstronautKeepsHerFaceAndScoresWell() {
        Picture astronaut = shared("astronaut.png");
        Picture painted = editor.edit(EditCall.of(astronaut, "turn it into a watercolor painting", 0))
                .image();
        SubjectDetail.Reading detail = SubjectDetail.of(Comparison.of(astronaut, painted));
        assertThat(detail.lostShare())
                .as("share of the subject's features lost (a wiped face loses over a fifth)")
                .isLessThan(0.1);

        LoopResult loop = engine.run(LoopRequest.of(astronaut, "make it look like a watercolor painting"));
        Turn best = loop.best();
        assertThat(best.critique().semantic()).isGreaterThanOrEqualTo(8);
        assertThat(best.critique().quality()).isGreaterThanOrEqualTo(8);
        assertThat(best.critique().reasoning()).doesNotContain("oil painting");
    }

    @Test
    void aWatercolorOfTheCameramanIsNotChargedForTheGrassItSmooths() {
        // a painting smooths the grass beside his legs, as it should; his face keeps its eyes. Read on the frame's
        // middle box, the grass read as a subject that lost 34% of its detail (PQ 3); read on the subject he is, the
        // loss is small
        Picture camera = shared("camera.png");
        String request = "watercolour, please";
        Picture painted = editor.edit(EditCall.of(camera, request, 0)).image();
        var critique =
                thinker.critique(dev.editloop.core.CritiqueCall.compare(camera, painted, request, request, 1, 0));
        assertThat(critique.quality()).as(critique.reasoning()).isGreaterThanOrEqualTo(8);
        assertThat(SubjectDetail.of(Comparison.of(camera, painted)).lostShare())
                .as("on the frame's middle box, the grass counts")
                .isGreaterThan(0.2);
    }

    @Test
    void aWatercolorThatWipesTheFaceScoresPqFiveOrLess() {
        Picture astronaut = shared("astronaut.png");
        Picture painted = editor.edit(EditCall.of(astronaut, "turn it into a watercolor painting", 0))
                .image();
        Picture wiped = dev.editloop.embedded.fixtures.RoughEditor.of(painted)
                .wipe(175, 70, 110, 120)
                .picture();
        String request = "make it look like a watercolor painting";
        var critique =
                thinker.critique(dev.editloop.core.CritiqueCall.compare(astronaut, wiped, request, request, 1, 0));
        assertThat(critique.quality()).as(critique.reasoning()).isLessThanOrEqualTo(5);
        assertThat(critique.reasoning()).contains("lost its detail");
        VieQuestions.Scores judged = VieQuestions.ask(REGISTRY.judge("embedded"), astronaut, wiped, request, 1);
        assertThat(judged.quality()).isLessThanOrEqualTo(5);
    }

    @Test
    void removingTheRedCupLeavesABlobThatNoTurnScoresAsGoodLooking() {
        Picture coffee = shared("coffee.png");
        for (String request : new String[] {"remove the red object", "Remove the red cup"}) {
            LoopResult loop = engine.run(LoopRequest.of(coffee, request));
            for (Turn turn : loop.turns()) {
                if (turn.image().equals(coffee)) {
                    continue; // nothing removed: nothing to look at
                }
                FillTexture.Reading fill = FillTexture.of(Comparison.of(coffee, turn.image()));
                assertThat(fill.toneDistance())
                        .as("the fill's tones against the wood around it")
                        .isGreaterThan(25);
                assertThat(turn.critique().quality())
                        .as(
                                "%s, turn %d: %s",
                                request, turn.index(), turn.critique().reasoning())
                        .isLessThanOrEqualTo(5);
                assertThat(turn.critique().reasoning()).contains("wrong tone");
            }
        }
    }
}
