package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.image.Picture;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain phrasing of background and geometry requests: the subject named by what it is ("behind the dog", "put the
 * vase on …"), the background named before a colon, orientation targets, ratios said with an orientation and zoom
 * factors in words. Each is read into exact actions with nothing left over; the orientation targets are also carried
 * out on pictures of each shape.
 */
class SceneGeometryPhrasingTest {
    private static List<Action> understood(String instruction) {
        ParsedInstruction parsed = InstructionParser.parse(instruction);
        assertThat(parsed.notUnderstood())
                .as("left over from \"%s\"", instruction)
                .isEmpty();
        return parsed.actions();
    }

    private static Action.Background blur() {
        return new Action.Background(null);
    }

    private static Action.Background plain(String colour) {
        return new Action.Background(NamedColor.of(colour));
    }

    @Test
    void whatLiesBehindTheSubjectIsTheBackground() {
        assertThat(understood("soften the background behind him")).containsExactly(blur());
        assertThat(understood("defocus everything behind the dog")).containsExactly(blur());
        assertThat(understood("blur the backdrop behind the little boat")).containsExactly(blur());
        assertThat(understood("make everything behind the vase black")).containsExactly(plain("black"));
    }

    @Test
    void aBackgroundSwappedForAColour() {
        assertThat(understood("swap the backdrop behind the vase for solid green"))
                .containsExactly(plain("green"));
        assertThat(understood("switch the background to plain yellow")).containsExactly(plain("yellow"));
        assertThat(understood("fill the background with flat grey")).containsExactly(plain("gray"));
    }

    @Test
    void aThingPutOnAPlainBackgroundKeepsTheThing() {
        assertThat(understood("put the teapot on a plain black background")).containsExactly(plain("black"));
        assertThat(understood("place the bike against a solid white backdrop")).containsExactly(plain("white"));
        assertThat(understood("give the lamp a clean blue background")).containsExactly(plain("blue"));
        assertThat(understood("put a plain red background behind the bottle")).containsExactly(plain("red"));
        // a thing put somewhere else, or given something, is not a background
        assertThat(InstructionParser.parse("put the dog on the sofa").actions()).isEmpty();
        assertThat(InstructionParser.parse("give the dog a red hat").actions()).isEmpty();
        assertThat(InstructionParser.parse("put the dog on a beach background").actions())
                .isEmpty();
    }

    @Test
    void theBackgroundNamedBeforeAColon() {
        assertThat(understood("backdrop: out of focus, a lot")).containsExactly(blur());
        assertThat(understood("Background: plain white")).containsExactly(plain("white"));
    }

    @Test
    void aQuarterTurnToAnOrientation() {
        Action.Rotate toPortrait = new Action.Rotate(90, Action.Orientation.PORTRAIT);
        assertThat(understood("turn it to portrait")).containsExactly(toPortrait);
        assertThat(understood("give it a quarter turn so that it is portrait")).containsExactly(toPortrait);
        assertThat(understood("rotate it left into landscape orientation"))
                .containsExactly(new Action.Rotate(270, Action.Orientation.LANDSCAPE));
        assertThat(understood("rotate it 90 degrees clockwise to portrait")).containsExactly(toPortrait);
        assertThat(toPortrait.phrase()).isEqualTo("rotate it 90 degrees clockwise to portrait");
        // a half turn never changes the orientation: two wishes that cannot both hold
        assertThat(InstructionParser.parse("rotate it 180 degrees to portrait").actions())
                .isEmpty();
        // rotate left / right alone are quarter turns
        assertThat(understood("rotate right")).containsExactly(new Action.Rotate(90));
        assertThat(understood("turn it to the left")).containsExactly(new Action.Rotate(270));
    }

    @Test
    void anOrientationWithARatioIsACentreCrop() {
        assertThat(understood("make it landscape, 4:3")).containsExactly(new Action.CropAspect(4, 3));
        assertThat(understood("a 2:3 portrait format please")).containsExactly(new Action.CropAspect(2, 3));
        assertThat(understood("make it widescreen landscape")).containsExactly(new Action.CropAspect(16, 9));
        // a ratio that contradicts the orientation in one clause is not carried out
        assertThat(InstructionParser.parse("make it portrait 16:9").actions()).isEmpty();
        // a ratio said alone is what the picture becomes
        assertThat(understood("4:3 please")).containsExactly(new Action.CropAspect(4, 3));
        assertThat(understood("rotate it to the left once")).containsExactly(new Action.Rotate(270));
    }

    @Test
    void anOrientationAloneIsACropToTheUsualPhotoFormat() {
        Action.CropAspect landscape = new Action.CropAspect(3, 2, Action.Orientation.LANDSCAPE);
        Action.CropAspect portrait = new Action.CropAspect(2, 3, Action.Orientation.PORTRAIT);
        assertThat(understood("make it landscape")).containsExactly(landscape);
        assertThat(understood("can you make it landscape format?")).containsExactly(landscape);
        assertThat(understood("could you make this a landscape picture?")).containsExactly(landscape);
        assertThat(understood("I need it in portrait orientation")).containsExactly(portrait);
        assertThat(landscape.phrase()).isEqualTo("crop it to landscape");
        assertThat(understood(portrait.phrase())).containsExactly(portrait);
        // a rotation still says so
        assertThat(understood("rotate it to landscape"))
                .containsExactly(new Action.Rotate(90, Action.Orientation.LANDSCAPE));
    }

    @Test
    void theCropToAnOrientationIsMadeOnlyWhenThePictureDoesNotAlreadyStandThatWay() {
        ClassicEditor editor = new ClassicEditor();
        Picture square = Picture.solid(60, 60, Color.GRAY);
        EditResult wide = editor.edit(EditCall.of(square, "make it landscape", 1));
        assertThat(wide.image().width()).isEqualTo(60);
        assertThat(wide.image().height()).isEqualTo(40);
        Picture landscape = Picture.solid(90, 40, Color.GRAY);
        EditResult tall = editor.edit(EditCall.of(landscape, "I need it in portrait orientation", 1));
        assertThat(tall.image().width()).isEqualTo(27);
        assertThat(tall.image().height()).isEqualTo(40);
        EditResult already = editor.edit(EditCall.of(landscape, "make it landscape", 1));
        assertThat(already.image()).isSameAs(landscape);
        assertThat(already.notes()).anyMatch(n -> n.contains("already landscape"));
    }

    @Test
    void zoomFactorsInWords() {
        assertThat(understood("zoom in to double the magnification")).containsExactly(new Action.Zoom(100));
        assertThat(understood("zoom in, 2x magnification")).containsExactly(new Action.Zoom(100));
        assertThat(understood("magnify it 3x")).containsExactly(new Action.Zoom(200));
    }

    @Test
    void theTurnIsMadeOnlyWhenThePictureDoesNotAlreadyStandThatWay() {
        ClassicEditor editor = new ClassicEditor();
        Picture wide = Picture.solid(60, 40, Color.GRAY);
        Picture tall = Picture.solid(40, 60, Color.GRAY);
        Picture square = Picture.solid(50, 50, Color.GRAY);
        EditResult turned = editor.edit(EditCall.of(wide, "rotate it to portrait", 1));
        assertThat(turned.image().width()).isEqualTo(40);
        assertThat(turned.image().height()).isEqualTo(60);
        EditResult already = editor.edit(EditCall.of(tall, "rotate it to portrait", 1));
        assertThat(already.image()).isSameAs(tall);
        assertThat(already.notes()).anyMatch(n -> n.contains("already portrait"));
        EditResult none = editor.edit(EditCall.of(square, "rotate it to landscape", 1));
        assertThat(none.image()).isSameAs(square);
        assertThat(none.notes()).anyMatch(n -> n.contains("square"));
        EditResult cropped = editor.edit(EditCall.of(square, "make it landscape, 16:9", 1));
        assertThat(cropped.image().width()).isEqualTo(50);
        assertThat(cropped.image().height()).isEqualTo(28);
    }
}
