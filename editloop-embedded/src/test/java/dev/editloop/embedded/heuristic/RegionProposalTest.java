package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.EditCall;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.parse.ThinkerReplyParser;
import dev.editloop.core.region.Box;
import dev.editloop.core.region.Region;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.testkit.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded thinker proposes the box of a local request, and judges an edit confined to a region inside it. */
class RegionProposalTest {
    private final HeuristicThinker thinker = new HeuristicThinker(InstructionParser::parse);
    private final ClassicEditor editor = new ClassicEditor();
    private final Picture coffee = TestImages.coffee();

    @Test
    void aRequestForTheTopThirdProposesItsBoxInTheCritiqueAndInTheRawReply() {
        String ask = "brighten the top third by 30%";
        Picture edited = editor.edit(EditCall.of(coffee, ask, 0)).image();

        Critique c = thinker.critique(CritiqueCall.compare(coffee, edited, ask, ask, 1, 0));

        Box box = new Box(0, 0, coffee.width(), coffee.height() / 3);
        assertThat(c.region()).containsExactly(box);
        assertThat(c.reasoning()).startsWith("Region: the request concerns the top third; proposed box " + box);
        // a model thinker's reply in the same words reads back to the same box
        assertThat(new ThinkerReplyParser().parse(c.raw()).toCritique(null).region())
                .containsExactly(box);
    }

    @Test
    void aWholeImageRequestProposesNothingAndARunWithARegionGetsNoProposal() {
        Picture bw =
                editor.edit(EditCall.of(coffee, "make it black and white", 0)).image();
        assertThat(thinker.critique(CritiqueCall.compare(
                                coffee, bw, "make it black and white", "make it black and white", 1, 0))
                        .region())
                .isEmpty();

        Region cup = Region.box(165, 10, 250, 300, coffee.width(), coffee.height());
        Picture local = editor.edit(
                        new EditCall(coffee, "make it black and white", 0, cup.toMask(), java.util.Map.of()))
                .image();
        Critique inside = thinker.critique(new CritiqueCall(
                CritiqueMode.COMPARE,
                coffee,
                local,
                "make it black and white",
                "make it black and white",
                1,
                null,
                0,
                List.of(),
                cup,
                null));
        assertThat(inside.region()).isEmpty();
        // judged inside the box, the confined edit does what was asked
        assertThat(inside.semantic()).isGreaterThanOrEqualTo(8);
        assertThat(inside.reasoning()).startsWith("Confined to the region (box 165,10,250,300): judged inside it.");
    }

    @Test
    void onTheEmbeddedBackendsARegionRunKeepsEveryPixelOutside() {
        Region cup = Region.box(165, 10, 250, 300, coffee.width(), coffee.height());
        LoopResult result = new LoopEngine(editor, thinker)
                .run(LoopRequest.of(coffee, "make it black and white").withRegion(cup));

        assertThat(result.turns()).hasSize(1);
        assertThat(result.best().critique().semantic()).isGreaterThanOrEqualTo(8);
        assertThat(result.turns().getFirst().region().before().meanAbsRgb()).isZero();
        assertThat(result.turns().getFirst().region().action()).isEqualTo("kept");
    }
}
