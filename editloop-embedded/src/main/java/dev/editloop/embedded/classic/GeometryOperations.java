package dev.editloop.embedded.classic;

import dev.editloop.embedded.op.Operation.Family;
import dev.editloop.embedded.op.Operation.Words;
import java.util.List;

/**
 * The geometric operations, sharing {@link GeometryOps}: rotate, flip, crop, zoom, resize and frame. The judge
 * measures each against the source transformed the same way, so none has changes of its own.
 */
public final class GeometryOperations {
    private GeometryOperations() {}

    private static <A extends Action> FixedOperation<A> geometry(
            String id,
            Words words,
            Class<A> type,
            java.util.function.Function<A, String> phrase,
            FixedOperation.Work<A> work,
            int stage,
            Action example) {
        return new FixedOperation<>(
                id,
                Family.GEOMETRY,
                words,
                type,
                phrase,
                work,
                a -> List.of(),
                FixedOperation::geometry,
                a -> Region.WHOLE,
                stage,
                true,
                List.of(example));
    }

    /** "rotate it 90 degrees clockwise" (90, 180 or 270 clockwise). */
    public static final FixedOperation<Action.Rotate> ROTATE = geometry(
            "rotate",
            Words.of("rotate", "turn", "clockwise", "counterclockwise"),
            Action.Rotate.class,
            r -> "rotate it " + r.degreesClockwise() + " degrees clockwise"
                    + (r.target() == null ? "" : " to " + r.target().word()),
            (src, r, scale, seed) -> r.turns(src.cols(), src.rows())
                    ? ClassicOperations.done(GeometryOps.rotate(src, r.degreesClockwise()))
                    : new ContentOps.Done(
                            src.clone(),
                            false,
                            src.cols() == src.rows()
                                    ? "the picture is square: no rotation makes it "
                                            + r.target().word() + " (a crop to a ratio does)"
                                    : "the picture is already " + r.target().word()),
            0,
            new Action.Rotate(90));

    /** "flip it horizontally" / "flip it vertically". */
    public static final FixedOperation<Action.Flip> FLIP = geometry(
            "flip",
            Words.of("flip", "mirror"),
            Action.Flip.class,
            f -> "flip it " + (f.horizontal() ? "horizontally" : "vertically"),
            (src, f, scale, seed) -> ClassicOperations.done(GeometryOps.flip(src, f.horizontal())),
            0,
            new Action.Flip(true));

    /** "crop it to a 16:9 aspect ratio" (centered); "crop it to landscape" (3:2, unless it already is). */
    public static final FixedOperation<Action.CropAspect> CROP_ASPECT = geometry(
            "crop-aspect",
            Words.of("crop", "aspect ratio"),
            Action.CropAspect.class,
            c -> c.target() == null
                    ? "crop it to a " + c.width() + ":" + c.height() + " aspect ratio"
                    : "crop it to " + c.target().word(),
            (src, c, scale, seed) -> c.crops(src.cols(), src.rows())
                    ? ClassicOperations.done(GeometryOps.cropAspect(src, c.width(), c.height()))
                    : new ContentOps.Done(
                            src.clone(),
                            false,
                            "the picture is already " + c.target().word()),
            0,
            new Action.CropAspect(16, 9));

    /** "crop it to the left half". */
    public static final FixedOperation<Action.CropRegion> CROP_REGION = geometry(
            "crop-region",
            Words.of("crop", "cut to"),
            Action.CropRegion.class,
            c -> "crop it to " + c.region().phrase(),
            (src, c, scale, seed) -> ClassicOperations.done(GeometryOps.cropRegion(src, c.region())),
            0,
            new Action.CropRegion(Region.LEFT_HALF));

    /** "zoom in by 50%" (centered crop scaled back to the original size). */
    public static final FixedOperation<Action.Zoom> ZOOM = geometry(
            "zoom",
            Words.of("zoom", "zoom in", "closer"),
            Action.Zoom.class,
            z -> "zoom in by " + Action.Num.fmt(z.percent()) + "%",
            (src, z, scale, seed) -> ClassicOperations.done(GeometryOps.zoom(src, z.percent())),
            0,
            new Action.Zoom(50));

    /** "resize it to 800x600". */
    public static final FixedOperation<Action.Resize> RESIZE = geometry(
            "resize",
            Words.of("resize", "size"),
            Action.Resize.class,
            r -> "resize it to " + r.width() + "x" + r.height(),
            (src, r, scale, seed) -> ClassicOperations.sized(
                    r.width(), r.height(), () -> GeometryOps.resize(src, r.width(), r.height())),
            0,
            new Action.Resize(800, 600));

    /** "resize it to 50%". */
    public static final FixedOperation<Action.Scale> SCALE = geometry(
            "scale",
            Words.of("resize", "scale", "shrink", "enlarge"),
            Action.Scale.class,
            s -> "resize it to " + Action.Num.fmt(s.percent()) + "%",
            (src, s, scale, seed) -> {
                int[] size = GeometryOps.scaledSize(src, s.percent());
                return ClassicOperations.sized(size[0], size[1], () -> GeometryOps.resize(src, size[0], size[1]));
            },
            0,
            new Action.Scale(50));

    /** "add a 20-pixel white border". */
    public static final FixedOperation<Action.Border> BORDER = geometry(
            "border",
            Words.of("border", "frame"),
            Action.Border.class,
            b -> "add a " + b.pixels() + "-pixel " + b.color().name() + " border",
            (src, b, scale, seed) -> ClassicOperations.sized(
                    src.cols() + 2 * b.pixels(),
                    src.rows() + 2 * b.pixels(),
                    () -> GeometryOps.border(src, b.pixels(), b.color())),
            95,
            new Action.Border(20, NamedColor.of("white")));
}
