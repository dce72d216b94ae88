package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the heuristic thinker reads plain phrasing (issue 14, item 4): what a keep-clause asks is measured rather than
 * capping the score, a region kept must really be outside the edit, and the concepts people name by everyday words
 * plan what those words mean.
 */
class PlainPhrasingIntentTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    private static Intent read(String text) {
        return Intent.read(text, InstructionParser::parse, KB);
    }

    private static List<String> concepts(String text) {
        return read(text).concepts().stream().map(Concept::id).toList();
    }

    @Test
    void keepingAQualityNobodyAskedToChangeIsMeasuredNotACap() {
        Intent intent = read("darken it slightly but keep the contrast the same");
        assertThat(intent.concrete()).containsExactly(new Action.Adjust(Tone.BRIGHTNESS, -10, Region.WHOLE));
        assertThat(intent.blocked()).isEmpty();
        assertThat(read("make the colours richer, but don't change the brightness")
                        .blocked())
                .isEmpty();
        assertThat(read("sharpen it a lot, no other changes").blocked()).isEmpty();
        assertThat(read("cool it down a little, nothing else").blocked()).isEmpty();
    }

    @Test
    void aQualityKeptBesideAConceptIsMeasuredAndTheConceptDoesNotMoveIt() {
        // the concept does the request; the quality kept is read on the whole picture
        Intent autumn = read("Give it autumn colours, but keep the brightness as it is.");
        assertThat(autumn.concepts()).extracting(Concept::id).containsExactly("autumn");
        assertThat(autumn.blocked()).isEmpty();
        // a concept that would darken does not darken when the brightness is kept, and its darkening is not expected
        Intent dramatic = read("make it dramatic, but keep the brightness as it is");
        assertThat(dramatic.blocked()).isEmpty();
        var source = dev.editloop.embedded.measure.Analysis.of(dev.editloop.testkit.TestImages.coffee());
        assertThat(dramatic.plan(source))
                .noneMatch(a -> a instanceof Action.Adjust adjust && adjust.tone() == Tone.BRIGHTNESS);
        assertThat(dramatic.effects(source)).noneMatch(e -> e.metric() == Metric.BRIGHTNESS);
        assertThat(read("make it dramatic").plan(source))
                .anyMatch(a -> a instanceof Action.Adjust adjust && adjust.tone() == Tone.BRIGHTNESS);
    }

    @Test
    void aHauntedHouseIsTheSpookyLookNotAHouseToFind() {
        Intent intent = read("spooky, haunted house feel");
        assertThat(intent.concepts()).extracting(Concept::id).containsExactly("spooky");
        assertThat(intent.blocked()).isEmpty();
    }

    @Test
    void keepingARegionCountsOnlyWhenTheEditLeavesIt() {
        assertThat(read("desaturate the left half but leave the right half alone")
                        .blocked())
                .isEmpty();
        // a global edit keeping half of the image is done on the other half (KeepClauseTest)
        assertThat(read("make it moody but keep the left half as it is").blocked())
                .isEmpty();
        // the kept region is the edited one: not measured as kept
        assertThat(read("blur the top half, keep the top sharp").blocked()).isNotEmpty();
    }

    @Test
    void aThingSaidSharpBesideABlurredBackgroundIsTheSubjectKept() {
        Intent intent = read("blurred backdrop, crisp teapot");
        assertThat(intent.concrete()).containsExactly(new Action.Background(null));
        assertThat(intent.blocked()).isEmpty();
        assertThat(read("soft background and the dog in focus").blocked()).isEmpty();
        // without a background edit, the teapot cannot be found: named, not claimed
        assertThat(read("brighten it, crisp teapot").blocked()).isNotEmpty();
    }

    @Test
    void theSubjectIsKeptByABackgroundEdit() {
        assertThat(read("blur the background but leave her face alone").blocked())
                .isEmpty();
        // without a background edit, "her face" cannot be found: named, not claimed
        assertThat(read("brighten it but leave her face alone").blocked()).isNotEmpty();
    }

    @Test
    void softerIsNotABlur() {
        Intent intent = read("make it softer");
        assertThat(intent.concrete()).noneMatch(a -> a instanceof Action.Stylize s && s.style() == Style.BLUR);
        assertThat(concepts("make it softer")).contains("soft");
    }

    @Test
    void watercolorIsNotOilPaint() {
        assertThat(concepts("make it look like a watercolor painting")).doesNotContain("oil-painting");
        assertThat(read("make it look like a watercolor painting").concrete())
                .containsExactly(new Action.Stylize(Style.WATERCOLOR, 100, Region.WHOLE));
        assertThat(concepts("like a Van Gogh oil painting")).contains("oil-painting");
    }

    @Test
    void filmNoirIsBlackAndWhiteWithHardContrast() {
        Concept noir = KB.find("film noir style").getFirst().concept();
        assertThat(noir.id()).isEqualTo("film-noir");
        assertThat(concepts("make it look like a still from a 1940s detective movie"))
                .contains("film-noir");
        List<Action> plan = noir.planner().apply(null);
        assertThat(plan).contains(new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.WHOLE));
        assertThat(plan).anyMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.CONTRAST && x.amount() >= 30);
        assertThat(plan).noneMatch(a -> a instanceof Action.ColorFilter f && f.filter() == Filter.SEPIA);
    }

    @Test
    void aSunsetWarmsAndDarkens() {
        Concept sunset = KB.find("give it a sunset feeling").getFirst().concept();
        List<Action> plan = sunset.planner().apply(null);
        assertThat(plan).anyMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.WARMTH && x.amount() > 0);
        assertThat(plan).anyMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.BRIGHTNESS && x.amount() < 0);
        assertThat(plan).noneMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.SATURATION && x.amount() > 0);
    }

    @Test
    void aConceptSplitByACommaAndSentencesJoinedByAnd() {
        assertThat(concepts("a dusty, old postcard look")).contains("old-photograph");
        Intent joined = read("make it black and white, and add a vignette");
        assertThat(joined.concrete())
                .containsExactly(
                        new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.WHOLE),
                        new Action.Stylize(Style.VIGNETTE, 25, Region.WHOLE));
    }

    @Test
    void aQualityTheRequestKeepsIsHeldEvenWhereAnActionMovesIt() {
        Intent intent = read("warm it up, but keep the brightness where it is");
        assertThat(intent.blocked()).isEmpty();
        assertThat(intent.kept()).containsExactly(Metric.BRIGHTNESS);
        assertThat(read("add more contrast, and don't touch the colours").kept())
                .containsExactly(Metric.SATURATION);
        assertThat(read("cool down the sky a little and keep the ground as it is")
                        .blocked())
                .isEmpty();

        // a saturation boost that also darkens: without the keep-clause the darkening is a side effect; with it,
        // the kept brightness costs the score
        Picture source = dev.editloop.testkit.TestImages.coffee();
        Picture edited = dev.editloop.embedded.fixtures.MiniEditor.apply(
                source,
                List.of(
                        new Action.Adjust(Tone.SATURATION, 30, Region.WHOLE),
                        new Action.Adjust(Tone.BRIGHTNESS, -12, Region.WHOLE)));
        Assessment plain = Evaluator.assess(read("make it more saturated"), source, edited);
        Assessment kept =
                Evaluator.assess(read("make it more saturated, but don't touch the brightness"), source, edited);
        assertThat(kept.guards()).anyMatch(g -> g.name().equals("kept brightness") && g.penalty() > 0);
        assertThat(plain.semantic()).isGreaterThanOrEqualTo(8.0);
        assertThat(kept.semantic()).isLessThan(plain.semantic());
        assertThat(kept.semantic()).isLessThan(8.0);
    }

    @Test
    void aSentenceThatJudgesThePictureIsTheReasonNotARequest() {
        Intent intent = read("The reds are screaming. Desaturate it by 30%.");
        assertThat(intent.concrete()).containsExactly(new Action.Adjust(Tone.SATURATION, -30, Region.WHOLE));
        assertThat(intent.blocked()).isEmpty();
        // a judgement alone asks for nothing the thinker can do
        assertThat(read("the dog is far too small").doable()).isFalse();
    }

    @Test
    void givingAThingToAThingIsAnAdd() {
        Intent intent = read("brighten it and give the dog a red scarf");
        assertThat(intent.objectLevel()).isTrue();
        assertThat(intent.blocked()).anyMatch(b -> b.impossible() && b.reason().contains("scarf"));
        // an effect given to the picture is not an object
        assertThat(read("give the picture a warm tint").objectLevel()).isFalse();
        assertThat(read("give the photo a sepia finish").objectLevel()).isFalse();
    }

    @Test
    void smallWordsAroundALookAreNotAPartLeftUndone() {
        Intent mist = read("lay a light fog across the whole picture");
        assertThat(concepts("lay a light fog across the whole picture")).contains("foggy");
        assertThat(mist.blocked()).isEmpty();
        assertThat(read("make it look like it's a winter morning").blocked()).isEmpty();
        // a look named by the frame it is taken from, or by a hyphenated camera
        assertThat(read("make it look like a still from a noir film").blocked()).isEmpty();
        assertThat(concepts("the look of an instant-camera print")).contains("polaroid");
        assertThat(concepts("as though we were deep under the ocean")).contains("underwater");
    }

    @Test
    void aTiltShiftsSaturationBoostIsNotCountedAsAnUnaskedChange() {
        Picture source = dev.editloop.testkit.TestImages.coffee();
        String request = "apply a tilt-shift effect at 60%";
        Intent intent = read(request);
        Picture edited = new dev.editloop.embedded.classic.ClassicEditor()
                .edit(dev.editloop.core.EditCall.of(
                        source, Action.instruction(intent.plan(dev.editloop.embedded.measure.Analysis.of(source))), 1))
                .image();
        Assessment a = Evaluator.assess(intent, source, edited);
        assertThat(a.guards()).noneMatch(g -> g.name().startsWith("unasked") && g.penalty() > 0);
        assertThat(a.semantic()).isGreaterThanOrEqualTo(8.0);
    }

    @Test
    void retroAndOldAloneAreTheOldPhotographAndAPostcardIsAMedium() {
        assertThat(concepts("give it a retro vibe")).containsExactly("old-photograph");
        assertThat(concepts("make it look old")).containsExactly("old-photograph");
        // the 1980s and retro games keep their own looks
        assertThat(concepts("give it a retro 80s look")).containsExactly("retro-80s");
        assertThat(concepts("pixelate it like a retro game")).doesNotContain("old-photograph");
        assertThat(concepts("Retro arcade game style, please.")).containsExactly("8-bit");
        // a postcard, like a photo or a snapshot, is the medium the look is on, not a part left undone
        Intent postcard = read("make it look like a postcard from the 70s");
        assertThat(postcard.concepts()).isNotEmpty();
        assertThat(postcard.blocked()).isEmpty();
    }

    @Test
    void makingItPopIsVividColoursNotABlurredBackground() {
        assertThat(concepts("make it pop")).containsExactly("vivid");
        assertThat(read("make the colours pop").concrete()).isEmpty();
        // a subject made to stand out is set apart from a softer background
        assertThat(read("make the cat stand out from the background").concrete())
                .containsExactly(new Action.Background(null));
    }

    @Test
    void lessOfALookIsNotThatLook() {
        // "make it less dramatic" planned the dramatic look: more contrast and darker corners, the opposite of the ask
        for (String request :
                List.of("make it less dramatic", "tone down the drama", "not so vintage", "less cinematic")) {
            Intent intent = read(request);
            assertThat(intent.concepts()).as(request).isEmpty();
            assertThat(intent.blocked()).as(request).isNotEmpty();
        }
        assertThat(concepts("make it more dramatic")).containsExactly("dramatic");
    }

    @Test
    void fallAsASeasonIsAutumn() {
        assertThat(concepts("it should feel like a fall morning")).contains("autumn");
        assertThat(concepts("make it look like fall")).contains("autumn");
    }

    @Test
    void aSimilesHeadNounIsWhatTheLookIsLikeNotAThingToAdd() {
        // "like a spooky old mansion": the look of the concept; the noun after its words is not a part left undone
        for (String request : List.of(
                "make it look like a spooky mansion",
                "like an old photograph from a shoebox",
                "eerie, like a ghost town",
                "wintry, just like a frozen lake")) {
            Intent intent = read(request);
            assertThat(intent.concepts()).as(request).isNotEmpty();
            assertThat(intent.blocked()).as(request).isEmpty();
        }
        // a longer description, or an added thing, is still named
        assertThat(read("make it look like a spooky house with a ghost in every window")
                        .blocked())
                .isNotEmpty();
        assertThat(read("make it spooky and add a ghost").blocked()).isNotEmpty();
        assertThat(read("spooky, like a house with a ghost in every window").blocked())
                .isNotEmpty();
    }
}
