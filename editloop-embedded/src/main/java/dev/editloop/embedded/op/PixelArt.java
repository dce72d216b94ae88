package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;

/** Pixel art: block averages of the given size, 8 levels per channel; the amount is the block size in pixels. */
final class PixelArt extends StyleOperation {
    PixelArt() {
        super(
                Style.PIXEL_ART,
                "pixel-art",
                Words.of("pixel art", "pixelate", "pixelated", "pixelize", "8-bit"),
                Control.of(Metric.BLOCK_SIZE, 1, 2, 256, 70, (m, t, weak, slope) -> weak ? t : null)
                        .withRefine(Refine.RATIO, false));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.LINES, Look.BLOCKS);
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.BLOCKINESS_OR_BANDING ? Double.valueOf(amount * 0.7) : null;
    }

    @Override
    String text(double strength) {
        return "turn it into pixel art with " + Action.Num.fmt(strength) + "-pixel blocks";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return pixelArt(src, (int) strength);
    }

    @Override
    public Set<Metric> touched(Action action) {
        return LOOK;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double s = amount(action);
        return List.of(new Change(Metric.BLOCK_SIZE, Zone.in(region(action)), null, 0.7 * s, s, 25 * s, 1, true));
    }

    @Override
    public List<Action> examples() {
        return List.of(make(8, Region.WHOLE, null));
    }

    /** Block averages of the given size (aligned to the top left corner), then 8 levels per channel. */
    static Mat pixelArt(Mat src, int block) {
        int w = src.cols();
        int h = src.rows();
        byte[] px = Mats.bytes(src);
        for (int by = 0; by < h; by += block) {
            int y1 = Math.min(h, by + block);
            for (int bx = 0; bx < w; bx += block) {
                int x1 = Math.min(w, bx + block);
                long sb = 0;
                long sg = 0;
                long sr = 0;
                for (int y = by; y < y1; y++) {
                    for (int x = bx, i = (y * w + bx) * 3; x < x1; x++, i += 3) {
                        sb += px[i] & 0xff;
                        sg += px[i + 1] & 0xff;
                        sr += px[i + 2] & 0xff;
                    }
                }
                long n = (long) (y1 - by) * (x1 - bx);
                byte qb = quantize(sb, n);
                byte qg = quantize(sg, n);
                byte qr = quantize(sr, n);
                for (int y = by; y < y1; y++) {
                    for (int x = bx, i = (y * w + bx) * 3; x < x1; x++, i += 3) {
                        px[i] = qb;
                        px[i + 1] = qg;
                        px[i + 2] = qr;
                    }
                }
            }
        }
        return Mats.bgr(w, h, px);
    }

    /** The block's mean, rounded to the nearest of 8 levels (0, 36, 73 … 255). */
    private static byte quantize(long sum, long n) {
        double mean = (double) sum / n;
        return (byte) Math.round(Math.round(mean / (255 / 7.0)) * (255 / 7.0));
    }
}
