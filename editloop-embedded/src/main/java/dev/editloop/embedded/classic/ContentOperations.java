package dev.editloop.embedded.classic;

import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.embedded.op.Operation.Change;
import dev.editloop.embedded.op.Operation.Family;
import dev.editloop.embedded.op.Operation.Words;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The content operations, sharing {@link ContentOps}: a color change, a removal (of a colored object or of a
 * region's content), the background (blurred or filled) and text. Recolor: the pixels {@link NamedColor#selects}
 * picks (the red areas), or the thing {@link ObjectSelection} finds (the red cup), recolored in CIELAB keeping
 * lightness and texture; remove the red object: the thing {@link ObjectSelection} finds (in a place when one is
 * named), grown by 1/60 of the shorter side and filled with patches of the ground around it ({@link PatchFill}, or
 * Telea up to 6% when that looks more like the ground), refused over 15% of the image or when no fill looks like its
 * ground (read as the judge reads a fill); the judge measures
 * both on that thing ({@code Metric.SELECTION_CHANGE}); remove a region: an ellipse over the central
 * 80% of its rectangle, filled from around; background: GrabCut subject on a 160-pixel copy, the rest blurred (σ =
 * min(w,h)/40) or filled.
 */
public final class ContentOperations {
    private ContentOperations() {}

    /** "change the red areas to blue". */
    public static final FixedOperation<Action.Recolor> RECOLOR = new FixedOperation<>(
            "recolor",
            Family.COLOR_CHANGE,
            Words.of("recolor", "change the color", "turn", "make the"),
            Action.Recolor.class,
            r -> r.thing()
                    ? "change the " + r.from().name() + " object" + r.place().suffix() + " to " + r.to().name()
                    : "change the " + r.from().name() + (r.place() == Region.SKY ? " sky" : " areas") + " to "
                            + r.to().name(),
            (src, r, scale, seed) -> r.thing()
                    ? ContentOps.recolorThing(src, r.from(), r.to(), r.place())
                    : ContentOps.recolor(src, r.from(), r.to(), r.place() == Region.SKY),
            r -> r.thing()
                    ? List.of(new Change(
                            Metric.SELECTION_CHANGE, Zone.in(r.place()), r.from(), 0.5, 0.97, 1.01, 1, false))
                    : List.of(
                            // most of the colour must go: a recolour that leaves a third of it is a half-done, patchy
                            // thing (of the sky: read in the top third, which is sky wherever the sky reaches)
                            new Change(Metric.COLOR_LOSS, Zone.in(r.place()), r.from(), 0.75, 0.92, 1.02, 1, false),
                            new Change(Metric.COLOR_GAIN, Zone.in(r.place()), r.to(), 0.003, 0.03, 1.0, 0.5, false)),
            r -> {
                Set<Metric> out = EnumSet.copyOf(dev.editloop.embedded.op.Operation.COLOR);
                out.add(Metric.BRIGHTNESS);
                out.add(Metric.COLOR_LOSS);
                out.add(Metric.COLOR_GAIN);
                // things that turn lighter or darker change the picture's contrast and its corners' tone
                out.add(Metric.SELECTION_CHANGE);
                out.add(Metric.CONTRAST);
                out.add(Metric.VIGNETTE);
                return out;
            },
            r -> Region.WHOLE,
            20,
            false,
            List.of(new Action.Recolor(NamedColor.of("red"), NamedColor.of("blue"))));

    /** "remove the red object" (inpainting the largest region of that color). */
    public static final FixedOperation<Action.RemoveColored> REMOVE_COLORED = new FixedOperation<>(
            "remove-colored",
            Family.REMOVAL,
            Words.of("remove", "erase", "get rid of", "delete"),
            Action.RemoveColored.class,
            r -> "remove the " + r.color().name() + " object" + r.place().suffix(),
            (src, r, scale, seed) -> ContentOps.removeThing(src, r.color(), r.place(), seed),
            r -> List.of(new Change(Metric.SELECTION_CHANGE, Zone.in(r.place()), r.color(), 0.5, 0.97, 1.01, 1, false)),
            FixedOperation::everything,
            r -> Region.WHOLE,
            20,
            false,
            List.of(new Action.RemoveColored(NamedColor.of("red"))));

    /** "remove the object in the top left corner" (the one distinct thing in a named region, filled from its ground). */
    public static final FixedOperation<Action.RemoveRegion> REMOVE_REGION = new FixedOperation<>(
            "remove-region",
            Family.REMOVAL,
            Words.of("remove", "erase", "clear"),
            Action.RemoveRegion.class,
            r -> "remove the object in " + r.region().phrase(),
            (src, r, scale, seed) -> ContentOps.removeRegion(src, r.region(), seed),
            r -> List.of(new Change(Metric.CHANGE, Zone.in(r.region()), null, 0.05, 0.4, 1.01, 1, false)),
            FixedOperation::everything,
            Action.RemoveRegion::region,
            20,
            false,
            List.of(new Action.RemoveRegion(Region.TOP_LEFT)));

    /** "blur the background" (color null) or "replace the background with white". */
    public static final FixedOperation<Action.Background> BACKGROUND = new FixedOperation<>(
            "background",
            Family.BACKGROUND,
            Words.of("background", "backdrop", "behind the subject"),
            Action.Background.class,
            b -> b.tone() != null
                    ? b.tone().phrase() + " in the background"
                    : b.color() == null
                            ? "blur the background"
                            : "replace the background with " + b.color().name(),
            (src, b, scale, seed) -> ContentOps.background(src, b.color(), b.tone(), scale, seed),
            b -> b.tone() != null
                    ? backgroundTone(b.tone())
                    : List.of(
                            b.color() == null
                                    ? new Change(
                                            Metric.BACKGROUND_SHARPNESS,
                                            Zone.outside(Region.CENTER),
                                            null,
                                            -0.3,
                                            -1.5,
                                            -10,
                                            1,
                                            false)
                                    : new Change(Metric.COLOR_GAIN, Zone.WHOLE, b.color(), 0.08, 0.35, 0.95, 1, false)),
            FixedOperation::everything,
            b -> Region.WHOLE,
            20,
            false,
            List.of(
                    new Action.Background(null),
                    new Action.Background(NamedColor.of("white")),
                    new Action.Background(null, new Action.Adjust(Action.Tone.BRIGHTNESS, -25, Region.WHOLE))));

    /**
     * The changes of a tone move made behind the subject: brightness and saturation read on the background the judge
     * finds by itself; other moves read outside the center, at a little less than over the whole picture (some of the
     * outer ring is subject). The subject staying is what the preservation checks read.
     */
    private static List<Change> backgroundTone(Action.Adjust tone) {
        List<Change> out = new java.util.ArrayList<>();
        for (Change c :
                dev.editloop.embedded.op.Operations.of(tone).orElseThrow().changes(tone, 0.3, 2.5)) {
            Metric behind = switch (c.metric()) {
                case BRIGHTNESS -> Metric.BACKGROUND_BRIGHTNESS;
                case SATURATION -> Metric.BACKGROUND_SATURATION;
                default -> null;
            };
            out.add(
                    behind != null
                            ? new Change(behind, Zone.WHOLE, null, c.near(), c.ideal(), c.far(), c.weight(), false)
                            : new Change(
                                    c.metric(),
                                    Zone.outside(Region.CENTER),
                                    c.color(),
                                    c.near(),
                                    0.8 * c.ideal(),
                                    c.far(),
                                    c.weight(),
                                    false));
        }
        return out;
    }

    /** {@code add the text "SALE" at the top in white}. */
    public static final FixedOperation<Action.AddText> TEXT = new FixedOperation<>(
            "text",
            Family.TEXT,
            Words.of("text", "caption", "words", "title", "label"),
            Action.AddText.class,
            t -> "add the text \"" + t.text() + "\" at " + t.position().phrase() + " in "
                    + t.color().name(),
            (src, t, scale, seed) -> ContentOps.text(src, t.text(), t.position(), t.color()),
            t -> {
                Zone zone = Zone.in(region(t.position()));
                // text changes a part of its zone; other edits of the same request may change all of it. Its colour is
                // read where it changed the picture (black letters on dark wood add little black), the outline around
                // the letters being the rest
                return List.of(
                        new Change(Metric.CHANGE, zone, null, 0.005, 0.06, 1.01, 0.5, false),
                        new Change(Metric.CHANGED_TO_COLOR, zone, t.color(), 0.15, 0.5, 1.01, 0.5, false));
            },
            FixedOperation::everything,
            t -> region(t.position()),
            90,
            false,
            List.of(new Action.AddText("SALE", Action.Position.TOP, NamedColor.of("red"))));

    /** The region text at a position lands in. */
    public static Region region(Action.Position position) {
        return switch (position) {
            case TOP -> Region.TOP_THIRD;
            case BOTTOM -> Region.BOTTOM_THIRD;
            case CENTER -> Region.CENTER;
            case TOP_LEFT -> Region.TOP_LEFT;
            case TOP_RIGHT -> Region.TOP_RIGHT;
            case BOTTOM_LEFT -> Region.BOTTOM_LEFT;
            case BOTTOM_RIGHT -> Region.BOTTOM_RIGHT;
        };
    }
}
