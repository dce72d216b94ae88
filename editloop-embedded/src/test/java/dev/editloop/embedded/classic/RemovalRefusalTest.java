package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.testkit.TestImages;
import java.awt.Color;
import org.junit.jupiter.api.Test;

/**
 * What a removal refuses rather than claims: a thin outline of something else (the bright rim of the cup, which "remove
 * the white cup" found as its white object and bit out of the rim), and an area that runs out of the picture (the dark
 * ground beyond the table in the coffee photo's corner); a turn to an orientation a square picture cannot take; and a
 * crop to an orientation the picture already has.
 */
class RemovalRefusalTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final Picture COFFEE = TestImages.coffee();

    @Test
    void theRimOfTheCupIsAnOutlineNotAThing() {
        EditResult result = EDITOR.edit(EditCall.of(COFFEE, "remove the white cup", 1));
        assertThat(result.image().samePixels(COFFEE)).isTrue();
        assertThat(String.join(" ", result.notes())).contains("thin outline around something else");
    }

    @Test
    void theGroundBeyondTheTableIsNotAThingOnIt() {
        EditResult result = EDITOR.edit(EditCall.of(COFFEE, "remove the dark thing in the top left corner", 1));
        assertThat(result.image().samePixels(COFFEE)).isTrue();
        assertThat(String.join(" ", result.notes())).contains("runs out of the picture at the top and the left");
    }

    @Test
    void aRemovalOfAThingOnItsGroundStillHappens() {
        // a small dark disc on a plain light ground: not an outline, not at the picture's edge
        Picture ground = Picture.solid(200, 150, new Color(200, 190, 170));
        byte[] px = ground.bgr();
        for (int y = 60; y < 90; y++) {
            for (int x = 90; x < 120; x++) {
                if ((x - 105) * (x - 105) + (y - 75) * (y - 75) <= 196) {
                    int i = (y * 200 + x) * 3;
                    px[i] = px[i + 1] = px[i + 2] = 10;
                }
            }
        }
        Picture disc = Picture.ofBgr(200, 150, px);
        EditResult result = EDITOR.edit(EditCall.of(disc, "remove the black object", 1));
        assertThat(result.image().samePixels(disc)).isFalse();
    }

    @Test
    void aSquarePictureTurnedToPortraitIsNotClaimed() {
        Picture square = TestImages.scene(120, 120, 3);
        EditResult result = EDITOR.edit(EditCall.of(square, "rotate it to portrait", 1));
        Critique critique = THINKER.critique(
                CritiqueCall.compare(square, result.image(), "rotate it to portrait", "rotate it to portrait", 1, 1));
        assertThat(critique.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(critique.reasoning()).contains("the source is square: no turn makes it portrait");
    }

    @Test
    void aPictureThatAlreadyStandsTheWayAskedIsNotClaimedAsEdited() {
        // "make it landscape" on a landscape photo: nothing is cropped, so nothing is claimed; the reason names the
        // size
        Picture wide = TestImages.scene(180, 120, 3);
        EditResult result = EDITOR.edit(EditCall.of(wide, "can you make this landscape", 1));
        assertThat(result.image().samePixels(wide)).isTrue();
        Critique critique = THINKER.critique(CritiqueCall.compare(
                wide, result.image(), "can you make this landscape", "can you make this landscape", 1, 1));
        assertThat(critique.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(critique.reasoning())
                .contains("the source is already landscape (180×120): there is nothing to crop");
        // beside another part of the request, the orientation is simply met and the rest is judged
        EditResult both = EDITOR.edit(EditCall.of(wide, "make it landscape and brighter", 1));
        Critique met = THINKER.critique(CritiqueCall.compare(
                wide, both.image(), "make it landscape and brighter", "make it landscape and brighter", 1, 1));
        assertThat(met.verdict()).isNotEqualTo(Verdict.FAILED);
        assertThat(met.reasoning()).doesNotContain("nothing to crop");
    }
}
