package dev.editloop.embedded.heuristic;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.OpenCv;
import dev.editloop.embedded.classic.Action;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Predicts what the geometric actions (rotate, flip, crop, zoom, resize, border) make of a source, so that an edit
 * that should be rotated or cropped is compared with the source rotated or cropped the same way.
 */
final class Geometry {
    private Geometry() {}

    /** The source after the geometric actions, in order (non-geometric actions are skipped). */
    static Picture apply(Picture source, List<Action> actions) {
        if (actions.stream().noneMatch(ActionEffects::geometric)) {
            return source;
        }
        Mat mat = OpenCv.toMat(source);
        for (Action action : actions) {
            Mat next = step(mat, action);
            if (next != mat) {
                mat.release();
                mat = next;
            }
        }
        Picture out = OpenCv.toPicture(mat);
        mat.release();
        return out;
    }

    private static Mat step(Mat in, Action action) {
        int w = in.cols();
        int h = in.rows();
        Mat out = new Mat();
        switch (action) {
            case Action.Rotate r
            when !r.turns(w, h) -> {
                out.release();
                return in;
            }
            case Action.Rotate r ->
                Core.rotate(
                        in,
                        out,
                        switch (r.degreesClockwise()) {
                            case 90 -> Core.ROTATE_90_CLOCKWISE;
                            case 180 -> Core.ROTATE_180;
                            default -> Core.ROTATE_90_COUNTERCLOCKWISE;
                        });
            case Action.Flip f -> Core.flip(in, out, f.horizontal() ? 1 : 0);
            case Action.CropAspect a
            when !a.crops(w, h) -> {
                out.release();
                return in;
            }
            case Action.CropRegion c -> {
                int[] b = c.region().bounds(w, h);
                in.submat(new Rect(b[0], b[1], Math.max(1, b[2]), Math.max(1, b[3])))
                        .copyTo(out);
            }
            case Action.CropAspect a -> {
                double ratio = (double) a.width() / a.height();
                int cw = w;
                int ch = h;
                if ((double) w / h > ratio) {
                    cw = Math.max(1, (int) Math.round(h * ratio));
                } else {
                    ch = Math.max(1, (int) Math.round(w / ratio));
                }
                in.submat(new Rect((w - cw) / 2, (h - ch) / 2, cw, ch)).copyTo(out);
            }
            case Action.Zoom z -> {
                double factor = 1 + z.percent() / 100;
                int cw = Math.max(1, (int) Math.round(w / factor));
                int ch = Math.max(1, (int) Math.round(h / factor));
                Mat crop = in.submat(new Rect((w - cw) / 2, (h - ch) / 2, cw, ch));
                Imgproc.resize(crop, out, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            }
            case Action.Resize r -> Imgproc.resize(in, out, new Size(r.width(), r.height()), 0, 0, Imgproc.INTER_AREA);
            case Action.Scale s ->
                Imgproc.resize(
                        in,
                        out,
                        new Size(
                                Math.max(1, Math.round(w * s.percent() / 100)),
                                Math.max(1, Math.round(h * s.percent() / 100))),
                        0,
                        0,
                        s.percent() < 100 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            case Action.Border b ->
                Core.copyMakeBorder(
                        in,
                        out,
                        b.pixels(),
                        b.pixels(),
                        b.pixels(),
                        b.pixels(),
                        Core.BORDER_CONSTANT,
                        new Scalar(b.color().b(), b.color().g(), b.color().r()));
            default -> {
                out.release();
                return in;
            }
        }
        return out;
    }
}
