package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviours issue "The loop runs on a laptop" asks `editloop edit` to demonstrate, end to end. */
class EditCommandTest {
    @TempDir
    Path tmp;

    private final String cat = TestImages.examplePath("chelsea.png").toString();
    private final String coffee = TestImages.examplePath("coffee.png").toString();

    private CliRun edit(Path out, String image, String instruction, String... extra) {
        List<String> args =
                new java.util.ArrayList<>(List.of("edit", "-i", image, "-p", instruction, "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPlainInstructionSucceedsAtTurnOne() throws Exception {
        Path out = tmp.resolve("bw");
        CliRun run = edit(out, cat, "make it black and white");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.turns()).hasSize(1);
        assertThat(t.stopReason()).isEqualTo("threshold");
        assertThat(t.best().critique().semantic()).isGreaterThanOrEqualTo(8);
        Picture result = Images.read(out.resolve("final.png"));
        byte[] bgr = result.bgr();
        for (int i = 0; i < bgr.length; i += 3) {
            assertThat(Math.abs(bgr[i] - bgr[i + 2]))
                    .as("pixel %d is grey", i / 3)
                    .isLessThanOrEqualTo(1);
        }
        for (String file : List.of("source.png", "turn-1.png", "final.png", "trajectory.json", "report.html")) {
            assertThat(out.resolve(file)).exists();
        }
        assertThat(run.out())
                .contains("best turn:   1")
                .contains("stopped:     threshold")
                .contains(out.toString());
    }

    @Test
    void aRegionEditChangesOnlyTheBoxAndALeakIsPutBack() throws Exception {
        Path out = tmp.resolve("region");
        CliRun run =
                edit(out, cat, "make it black and white", "--region", "0,0,225,300", "--editor", "embedded?leak=20");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertRightPartUnchangedAndLeftGrey(out.resolve("final.png"), 225);
        assertThat(out.resolve("region.png")).exists();
        assertThat(out.resolve("turn-1-editor.png")).exists();
        assertThat(run.out()).contains("region:      box 0,0,225,300").contains("repaired");
    }

    @Test
    void aMaskWithTransparencyIsReadAsOpenAisTransparentMayChangeOpaqueStays() throws Exception {
        // OpenAI's masks are often the photo itself with a transparent hole: its bright opaque pixels must stay
        BufferedImage maskImage = new BufferedImage(451, 300, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 451; x++) {
                maskImage.setRGB(x, y, x < 225 ? 0x00000000 : 0xffffffff);
            }
        }
        Path maskFile = tmp.resolve("hole.png");
        ImageIO.write(maskImage, "png", maskFile.toFile());
        Path out = tmp.resolve("openai-mask");
        CliRun run = edit(out, cat, "make it black and white", "--mask", maskFile.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertRightPartUnchangedAndLeftGrey(out.resolve("final.png"), 240);
    }

    @Test
    void regionMaskAndReferenceMistakesAreOneLineAndExitTwo() throws Exception {
        CliRun outside = edit(tmp.resolve("a"), cat, "make it warmer", "--region", "400,0,100,100");
        assertThat(outside.exit()).isEqualTo(2);
        assertThat(outside.err().strip())
                .isEqualTo("editloop: error: the region 400,0,100,100 does not fit the 451x300 image (x + w must be at"
                        + " most 451, y + h at most 300)");
        CliRun both = edit(tmp.resolve("b"), cat, "make it warmer", "--region", "0,0,10,10", "--mask", coffee);
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--mask and --region cannot be used together");
        CliRun size = edit(tmp.resolve("c"), cat, "make it warmer", "--mask", coffee);
        assertThat(size.exit()).isEqualTo(2);
        assertThat(size.err().strip().lines()).hasSize(1);
        assertThat(size.err()).contains("is 600x400 but the image is 451x300");
        CliRun refs = edit(tmp.resolve("d"), cat, "put the cup from image 2 next to the cat", "--ref", coffee);
        assertThat(refs.exit()).isEqualTo(2);
        assertThat(refs.err().strip())
                .isEqualTo("editloop: error: the editor embedded takes at most 1 image; this request has 2 (the source"
                        + " and 1 reference)");
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @Test
    void anEditNobodyAcceptedIsNotHandedOverAsTheAnswer() throws Exception {
        Path out = tmp.resolve("no-bicycle");
        CliRun run = edit(out, cat, "replace the cat with a bicycle");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(Images.read(out.resolve("final.png")).samePixels(Images.read(out.resolve("source.png"))))
                .as("final.png is the unchanged source")
                .isTrue();
        assertThat(out.resolve("turn-1.png")).as("the turn stays on disk").exists();
        assertThat(run.out()).contains("no edit was accepted (the floor is SC>=5 and PQ>=5)");
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.accepted()).isFalse();
        assertThat(Files.readString(out.resolve("report.html"))).contains("No edit was accepted");
    }

    @Test
    void theAcceptanceFloorIsAnOption() {
        Path out = tmp.resolve("floor");
        CliRun bad = edit(out, cat, "make it black and white", "--accept", "lots");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--accept 'lots' is not a floor");

        CliRun none = edit(tmp.resolve("none"), cat, "replace the cat with a bicycle", "--accept", "none");
        assertThat(none.exit()).as(none.err()).isEqualTo(0);
        assertThat(none.out()).doesNotContain("no edit was accepted");
    }

    @Test
    void anOldPhotographFallsShortInOnePassAndSucceedsWithThinkWhileEdit() {
        Trajectory single =
                runTrajectory("old-single", cat, "make this look like an old photograph", "--strategy", "single");
        assertThat(single.turns()).hasSize(1);
        assertThat(reached(single)).as("single pass falls short").isFalse();

        Trajectory loop = runTrajectory("old-loop", cat, "make this look like an old photograph");
        assertThat(loop.stopReason()).isEqualTo("threshold");
        assertThat(loop.turns().size()).isBetween(2, 5);
        assertThat(reached(loop)).isTrue();
        assertThat(loop.best().instruction()).isNotEqualTo("make this look like an old photograph");
    }

    @Test
    void aColdWinterMorningFallsShortInOnePassAndSucceedsWithThinkWhileEdit() {
        Trajectory single = runTrajectory(
                "winter-single", coffee, "make it feel like a cold winter morning", "--strategy", "single");
        assertThat(reached(single)).isFalse();

        Trajectory loop = runTrajectory("winter-loop", coffee, "make it feel like a cold winter morning");
        assertThat(loop.stopReason()).isEqualTo("threshold");
        assertThat(loop.turns().size()).isBetween(2, 5);
    }

    @Test
    void anImpossibleInstructionEndsWithVerdictFailedAndAnUnchangedImage() throws Exception {
        Path out = tmp.resolve("dog");
        CliRun run = edit(out, cat, "replace the cat with a dog");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("verdict_failed");
        assertThat(t.turns()).hasSize(1);
        assertThat(Images.read(out.resolve("final.png"))).isEqualTo(Images.read(Path.of(cat)));
        assertThat(run.out())
                .contains("verdict_failed")
                .contains("image unchanged")
                .contains("thinker:");
    }

    @Test
    void theSameCommandTwiceGivesByteIdenticalImages() throws Exception {
        edit(tmp.resolve("a"), cat, "make this look like an old photograph", "--seed", "7");
        edit(tmp.resolve("b"), cat, "make this look like an old photograph", "--seed", "7");
        List<String> images;
        try (var files = Files.list(tmp.resolve("a"))) {
            images = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".png"))
                    .sorted()
                    .toList();
        }
        assertThat(images).contains("turn-1.png", "turn-2.png", "final.png");
        for (String name : images) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(name)));
        }
    }

    @Test
    void everyStrategyRunsWithTheEmbeddedBackends() {
        for (String strategy : List.of("think-before-edit", "reflect")) {
            Trajectory t = runTrajectory(
                    "s-" + strategy, cat, "make this look like an old photograph", "--strategy", strategy);
            assertThat(t.strategy()).isEqualTo(strategy);
            assertThat(t.plan()).isNotNull();
            assertThat(t.turns()).isNotEmpty();
            assertThat(t.bestTurn()).isNotNull();
        }
    }

    @Test
    void jsonPrintsTheTrajectoryOnStdout() {
        CliRun run = edit(tmp.resolve("j"), cat, "make it black and white", "--json", "--quiet");
        assertThat(run.exit()).isEqualTo(0);
        Trajectory printed = TrajectoryJson.fromJson(run.out(), "stdout");
        assertThat(printed.stopReason()).isEqualTo("threshold");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void progressGoesToStderr() {
        CliRun run = edit(tmp.resolve("p"), cat, "make this look like an old photograph");
        assertThat(run.err())
                .contains("turn 1/5 editing source")
                .contains("turn 2/5")
                .contains("done: threshold");
        assertThat(run.out()).doesNotContain("editing source");
    }

    @Test
    void badInputGivesOneClearLineAndExitTwo() throws Exception {
        Path notImage = Files.writeString(tmp.resolve("notes.png"), "not an image");
        Path aFile = Files.writeString(tmp.resolve("occupied"), "x");
        record Case(List<String> args, String message) {}
        List<Case> cases = List.of(
                new Case(List.of("edit", "-i", tmp.resolve("missing.png").toString(), "-p", "x"), "does not exist"),
                new Case(List.of("edit", "-i", notImage.toString(), "-p", "x"), "is not an image"),
                new Case(List.of("edit", "-i", cat, "-p", "x", "--strategy", "greedy"), "unknown strategy 'greedy'"),
                new Case(
                        List.of("edit", "-i", cat, "-p", "x", "--editor", "photoshop"),
                        "unknown editor backend 'photoshop'"),
                new Case(List.of("edit", "-i", cat, "-p", "x", "--thinker", "gpt:nope"), "not an absolute URL"),
                new Case(List.of("edit", "-i", cat, "-p", "x", "--out", aFile.toString()), "is a file, not a folder"),
                new Case(
                        List.of("edit", "-i", cat, "-p", "x", "--max-pixels", "100000"),
                        "above the limit of 100,000 pixels"),
                new Case(List.of("edit", "-i", cat, "-p", "x", "--max-turns", "0"), "must be within 1..50, got 0"),
                new Case(List.of("edit", "-i", cat, "-p", "x", "--threshold", "eleven"), "is not a number"),
                new Case(List.of("edit", "-i", cat, "-p", "   "), "instruction is empty"),
                new Case(List.of("edit", "-i", cat), "Missing required option"));
        for (Case c : cases) {
            List<String> args = new java.util.ArrayList<>(c.args());
            if (!args.contains("--out")) {
                args.addAll(List.of("--out", tmp.resolve("bad-" + c.hashCode()).toString()));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", c.args())).isEqualTo(2);
            assertThat(run.errorLines()).as(run.err()).hasSize(1);
            assertThat(run.errorLines().getFirst()).contains(c.message());
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void helpDescribesTheOptionsAndDefaults() {
        CliRun run = CliRun.of("edit", "--help");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out())
                .contains(
                        "--strategy",
                        "think-while-edit",
                        "--max-turns",
                        "--threshold",
                        "--editor",
                        "--thinker",
                        "--seed",
                        "--out",
                        "--json",
                        "Exit status");
    }

    @Test
    void backendsListsTheEmbeddedKind() {
        CliRun run = CliRun.of("backends");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("embedded").contains("editor, thinker, judge");
    }

    private Trajectory runTrajectory(String name, String image, String instruction, String... extra) {
        Path out = tmp.resolve(name);
        CliRun run = edit(out, image, instruction, extra);
        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        return TrajectoryJson.read(out.resolve("trajectory.json"));
    }

    private static boolean reached(Trajectory t) {
        var best = t.best().critique();
        return best.semantic() >= 8 && best.quality() >= 8;
    }

    /** Every pixel from column {@code fromX} rightwards is the source's; the pixel at 100,150 is grey. */
    private void assertRightPartUnchangedAndLeftGrey(Path finalPng, int fromX) {
        Picture source = Images.read(Path.of(cat));
        Picture result = Images.read(finalPng);
        byte[] a = source.bgr();
        byte[] b = result.bgr();
        for (int y = 0; y < source.height(); y++) {
            for (int x = fromX; x < source.width(); x++) {
                int i = 3 * (y * source.width() + x);
                assertThat(b[i] == a[i] && b[i + 1] == a[i + 1] && b[i + 2] == a[i + 2])
                        .as("pixel %d,%d outside what may change", x, y)
                        .isTrue();
            }
        }
        int i = 3 * (150 * source.width() + 100);
        assertThat(Math.abs((b[i] & 0xff) - (b[i + 2] & 0xff)))
                .as("grey where it may change")
                .isLessThanOrEqualTo(1);
    }
}
