package dev.editloop.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.region.Box;
import dev.editloop.core.region.Composite;
import dev.editloop.core.region.Preservation;
import dev.editloop.core.region.Region;
import dev.editloop.core.region.RegionReport;
import dev.editloop.core.region.Seam;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Region edits with an editor that leaks by a known amount: the loop measures the leak outside the region exactly,
 * puts the outside back so that it is unchanged, and the composite shows no seam by the edge check.
 */
class RegionLeakTest {
    private static final int LEAK = 12;
    private static final int WARM = 40;

    private final Picture cat = TestImages.cat();

    /** A thinker that scores every edit 9/9 (so one turn ends the run) and records what it was shown. */
    static final class RecordingThinker implements Thinker {
        final List<CritiqueCall> calls = new ArrayList<>();
        final List<List<Box>> proposals;

        RecordingThinker(List<List<Box>> proposals) {
            this.proposals = proposals;
        }

        @Override
        public synchronized Critique critique(CritiqueCall call) {
            calls.add(call);
            int i = calls.size() - 1;
            boolean last = i >= proposals.size();
            Critique c = new Critique(
                    last ? 9.0 : 5.0,
                    9.0,
                    "recorded",
                    "warm it up, turn " + (i + 2),
                    last ? Verdict.SUCCESS : Verdict.REFINE,
                    null,
                    "",
                    Usage.NONE);
            return last ? c : c.withRegion(proposals.get(i));
        }

        @Override
        public Plan plan(PlanCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "recording";
        }
    }

    /** Mean absolute channel difference a +leak shift makes over the outside pixels, computed from the source alone. */
    private static double expectedLeak(Picture source, Region region, int leak) {
        byte[] bgr = source.bgr();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < source.width() * source.height(); i++) {
            if (!region.outside(i)) {
                continue;
            }
            n++;
            for (int c = 0; c < 3; c++) {
                sum += Math.min(leak, 255 - (bgr[3 * i + c] & 0xff));
            }
        }
        return sum / (3.0 * n);
    }

    private static boolean outsideIdentical(Picture a, Picture b, Region region) {
        byte[] x = a.bgr();
        byte[] y = b.bgr();
        for (int i = 0; i < a.width() * a.height(); i++) {
            if (region.outside(i)
                    && (x[3 * i] != y[3 * i] || x[3 * i + 1] != y[3 * i + 1] || x[3 * i + 2] != y[3 * i + 2])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theLeakIsMeasuredExactlyAndTheRepairLeavesTheOutsideUnchangedWithNoSeam() {
        Region region = Region.box(40, 20, 200, 120, cat.width(), cat.height());
        LeakyEditor editor = new LeakyEditor(LEAK, WARM, true);
        RecordingThinker thinker = new RecordingThinker(List.of());

        LoopResult result = new LoopEngine(editor, thinker)
                .run(LoopRequest.of(cat, "warm up the top left").withRegion(region));

        // the editor took the mask: it was sent
        assertThat(editor.calls()).hasSize(1);
        assertThat(editor.calls().getFirst().mask()).isNotNull();
        Turn turn = result.turns().getFirst();
        RegionReport report = turn.region();
        assertThat(report.maskSent()).isTrue();
        assertThat(report.region()).isEqualTo("box 40,20,200,120");
        // measured leakage matches the known leak (to float rounding)
        assertThat(report.before().meanAbsRgb()).isCloseTo(expectedLeak(cat, region, LEAK), within(1e-9));
        assertThat(report.before().outsideShare())
                .isCloseTo(1 - 200.0 * 120 / (cat.width() * cat.height()), within(1e-9));
        assertThat(report.before().leaked()).isTrue();
        assertThat(report.before().meanDeltaE()).isBetween(2.0, 12.0);
        // repaired: the outside is unchanged (tolerance 0: bit-identical), no seam by the edge check
        assertThat(report.action()).isEqualTo(RegionReport.REPAIRED);
        assertThat(report.after().meanAbsRgb()).isZero();
        assertThat(report.after().meanDeltaE()).isZero();
        assertThat(report.after().ssim()).isEqualTo(1.0);
        assertThat(outsideIdentical(cat, turn.image(), region)).isTrue();
        assertThat(report.seam().visible()).isFalse();
        assertThat(report.seam().excess()).isLessThan(Seam.VISIBLE_LEVELS);
        // the inside keeps the edit away from the feather
        Picture raw = editor.edit(editor.calls().getFirst()).image();
        assertThat(raw.bgr()[3 * (80 * cat.width() + 140) + 2])
                .isEqualTo(turn.image().bgr()[3 * (80 * cat.width() + 140) + 2]);
        // the thinker was told
        CritiqueCall call = thinker.calls.getFirst();
        assertThat(call.region()).isEqualTo(region);
        assertThat(call.preservation()).isEqualTo(report);
        assertThat(turn.editorNotes().getLast())
                .startsWith("outside the region: ΔE")
                .contains("put back");
    }

    @Test
    void theRunFolderKeepsTheMaskTheEditorsOwnResultAndBothMeasurements(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Region region = Region.box(40, 20, 200, 120, cat.width(), cat.height());
        Path out = dir.resolve("run");
        new LoopEngine(new LeakyEditor(LEAK, WARM, true), new RecordingThinker(List.of()))
                .run(LoopRequest.of(cat, "warm up the top left").withRegion(region), RunFolder.create(out, null));

        assertThat(Images.read(out.resolve("region.png")).samePixels(region.toMask()))
                .isTrue();
        Picture raw = Images.read(out.resolve("turn-1-editor.png"));
        Picture kept = Images.read(out.resolve("turn-1.png"));
        assertThat(Preservation.measure(cat, raw, region).meanAbsRgb())
                .isCloseTo(expectedLeak(cat, region, LEAK), within(1e-9));
        assertThat(outsideIdentical(cat, kept, region)).isTrue();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.region().description()).isEqualTo("box 40,20,200,120");
        Trajectory.TurnRecord turn = t.turns().getFirst();
        assertThat(turn.editorImage()).isEqualTo("turn-1-editor.png");
        assertThat(turn.region().action()).isEqualTo(RegionReport.REPAIRED);
        assertThat(turn.region().before().meanAbsRgb()).isCloseTo(expectedLeak(cat, region, LEAK), within(1e-9));
        assertThat(turn.region().after().meanDeltaE()).isZero();
        String html = java.nio.file.Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains("<dt>region</dt><dd>box 40,20,200,120")
                .contains("outside the region: ΔE")
                .contains("repaired")
                .contains("<a href=\"turn-1-editor.png\">");
    }

    @Test
    void anEditorWithoutMasksEditsTheWholeImageAndTheWrapperCompositesItBack() {
        Region region = Region.box(0, 0, cat.width(), cat.height() / 3, cat.width(), cat.height());
        LeakyEditor editor = new LeakyEditor(LEAK, WARM, false);

        LoopResult result = new LoopEngine(editor, new RecordingThinker(List.of()))
                .run(LoopRequest.of(cat, "warm the sky").withRegion(region));

        assertThat(editor.calls().getFirst().mask()).isNull();
        RegionReport report = result.turns().getFirst().region();
        assertThat(report.maskSent()).isFalse();
        assertThat(report.before().meanAbsRgb()).isGreaterThan(10); // the warm edit reached the outside
        assertThat(report.action()).isEqualTo(RegionReport.REPAIRED);
        assertThat(outsideIdentical(cat, result.turns().getFirst().image(), region))
                .isTrue();
    }

    @Test
    void aCompositeThatWouldDrawALineIsRefusedAndTheEditKept() {
        // an editor that brightens everything by 60: putting the outside back would leave a 60-level step
        Picture scene = TestImages.scene(800, 600, 3);
        Region region = Region.box(0, 0, 800, 300, 800, 600);
        Picture bright = shift(scene, 60);
        int feather = Composite.feather(800, 600);
        Picture composite = Composite.feathered(scene, bright, region, feather);
        Seam seam = Seam.measure(scene, bright, composite, region, feather);
        assertThat(seam.visible()).isTrue();

        LoopResult result = new LoopEngine(new ShiftEditor(60), new RecordingThinker(List.of()))
                .run(LoopRequest.of(scene, "brighten the top").withRegion(region));
        RegionReport report = result.turns().getFirst().region();
        assertThat(report.action()).isEqualTo(RegionReport.SEAM_REFUSED);
        assertThat(report.after()).isEqualTo(report.before());
        assertThat(result.turns().getFirst().image()).isEqualTo(bright);
    }

    @Test
    void aRegionTheThinkerProposesConfinesTheFollowingTurns() {
        LeakyEditor editor = new LeakyEditor(LEAK, WARM, true);
        RecordingThinker thinker = new RecordingThinker(List.of(List.of(new Box(0, 0, 1, 0.5))));

        LoopResult result = new LoopEngine(editor, thinker).run(LoopRequest.of(cat, "warm the top half"));

        assertThat(result.turns()).hasSize(2);
        assertThat(editor.calls().get(0).mask()).isNull();
        assertThat(result.turns().get(0).region()).isNull();
        Region top = Region.ofMaskPicture(editor.calls().get(1).mask());
        assertThat(top.bounds()).containsExactly(0, 0, cat.width(), Math.round(cat.height() * 0.5f));
        assertThat(result.turns().get(1).region().region()).isEqualTo("proposed by the thinker: 0,0,1,0.5");
        assertThat(outsideIdentical(cat, result.turns().get(1).image(), top)).isTrue();
    }

    @Test
    void aRequestWithMoreImagesThanTheEditorTakesIsRefusedNamingTheLimit() {
        LeakyEditor editor = new LeakyEditor(0, WARM, true);
        LoopRequest request =
                LoopRequest.of(cat, "put the hat from image 2 on the cat").withReferences(List.of(cat));

        assertThatThrownBy(() -> new LoopEngine(editor, new RecordingThinker(List.of())).run(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the editor leaky?leak=0 takes at most 1 image; this request has 2 (the"
                        + " source and 1 reference)");
        assertThat(editor.calls()).isEmpty();
    }

    @Test
    void preservationOfAnUnchangedImageIsPerfect() {
        Region region = Region.box(10, 10, 50, 50, cat.width(), cat.height());
        Preservation same = Preservation.measure(cat, cat, region);
        assertThat(same.meanAbsRgb()).isZero();
        assertThat(same.meanDeltaE()).isZero();
        assertThat(same.ssim()).isEqualTo(1.0);
        assertThat(same.leaked()).isFalse();
    }

    private static Picture shift(Picture p, int levels) {
        byte[] bgr = p.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) Math.min(255, (bgr[i] & 0xff) + levels);
        }
        return Picture.ofBgr(p.width(), p.height(), bgr);
    }

    /** Brightens the whole image by a fixed amount and claims to take masks. */
    static final class ShiftEditor implements dev.editloop.core.Editor {
        private final int levels;

        ShiftEditor(int levels) {
            this.levels = levels;
        }

        @Override
        public dev.editloop.core.EditResult edit(dev.editloop.core.EditCall call) {
            return dev.editloop.core.EditResult.of(shift(call.image(), levels), List.of());
        }

        @Override
        public dev.editloop.core.EditorCapabilities capabilities() {
            return new dev.editloop.core.EditorCapabilities(true, false, false, false);
        }

        @Override
        public String describe() {
            return "shift";
        }
    }
}
