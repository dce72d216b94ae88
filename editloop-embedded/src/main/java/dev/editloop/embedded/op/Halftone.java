package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * A newspaper halftone: the grey image printed as a screen of round ink dots on paper, each dot as large as the tone
 * under it is dark (a clustered-dot screen: within each cell the pixels ink in order of their distance from its
 * centre, so a dot grows from the middle and dark cells close up), two tones only.
 */
final class Halftone extends StyleOperation {
    /** The paper and the ink, as grey levels. */
    static final int PAPER = 238;

    static final int INK = 24;

    Halftone() {
        super(
                Style.HALFTONE,
                "halftone",
                Words.of("halftone", "halftone print", "dot screen", "ben-day dots"),
                Control.of(Metric.DESATURATION, 0.0095, 10, 100, 30, (m, t, weak, slope) -> null));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.LINES, Look.FEW_LEVELS, Look.CLIPS, Look.SCREEN);
    }

    @Override
    String text(double strength) {
        return "turn it into a halftone print" + at(strength);
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return blendWith(src, halftone(src, cell(scale)), strength);
    }

    @Override
    double context(double strength, int scale) {
        return 2 * cell(scale);
    }

    @Override
    public Set<Metric> touched(Action action) {
        return LOOK;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double k = amount(action) / 100;
        Zone zone = Zone.in(region(action));
        List<Change> out = new ArrayList<>();
        out.add(new Change(Metric.DESATURATION, zone, null, 0.7 * k, 0.95 * k, 1.02, 1, true));
        if (k >= 0.9) {
            // ink and paper: a print of two tones (a threshold would be too, but it has no dots; the dots are seen,
            // not measured)
            out.add(new Change(Metric.LEVELS, zone, null, 8, 2, 1, 0.5, false));
        }
        return out;
    }

    /** The screen's cell in pixels: about 90 dots across the shorter side, at least 4 pixels. */
    static int cell(int scale) {
        return Math.max(4, (int) Math.round(scale / 90.0));
    }

    /** The dot screen at a cell size. */
    static Mat halftone(Mat src, int cell) {
        try (Mats m = new Mats()) {
            Mat gray = m.mat();
            Imgproc.cvtColor(src, gray, Imgproc.COLOR_BGR2GRAY);
            Mat smooth = m.keep(Mats.gaussian(gray, cell / 3.0));
            int w = src.cols();
            int h = src.rows();
            byte[] tone = new byte[w * h];
            smooth.get(0, 0, tone);
            double[] threshold = screen(cell);
            byte[] out = new byte[w * h * 3];
            for (int y = 0; y < h; y++) {
                int row = (y % cell) * cell;
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    double dark = 1 - (tone[i] & 0xff) / 255.0;
                    byte v = (byte) (dark > threshold[row + x % cell] ? INK : PAPER);
                    out[3 * i] = v;
                    out[3 * i + 1] = v;
                    out[3 * i + 2] = v;
                }
            }
            return Mats.bgr(w, h, out);
        }
    }

    /**
     * The darkness at which each pixel of a cell inks: its rank by distance from the cell's centre, as a fraction
     * of the cell, so that a tone of darkness d inks the d nearest pixels of every cell.
     */
    static double[] screen(int cell) {
        Integer[] order = new Integer[cell * cell];
        Arrays.setAll(order, i -> i);
        double c = (cell - 1) / 2.0;
        // pixels as far from the centre ink in turn round the dot (by their angle within a quarter turn first), so a
        // dot grows round in all four directions alike and touches its neighbours only at the corners at half tone
        Arrays.sort(
                order,
                Comparator.comparingLong((Integer i) -> Math.round(1e6 * Math.hypot(i % cell - c, i / cell - c)))
                        .thenComparingLong(i -> Math.round(1e6 * quarterAngle(i % cell - c, i / cell - c)))
                        .thenComparingDouble(i -> angle(i % cell - c, i / cell - c)));
        double[] threshold = new double[cell * cell];
        for (int rank = 0; rank < order.length; rank++) {
            threshold[order[rank]] = (rank + 0.5) / order.length;
        }
        return threshold;
    }

    private static double angle(double x, double y) {
        double a = Math.atan2(y, x);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    private static double quarterAngle(double x, double y) {
        return angle(x, y) % (Math.PI / 2);
    }
}
