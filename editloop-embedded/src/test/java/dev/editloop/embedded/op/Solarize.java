package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.Mat;

/**
 * A darkroom solarization, as an operation that exists only here: values above the middle are inverted, blended with
 * the original at s%. Everything the editor, the thinker and the vocabulary need is in this one class.
 */
final class Solarize implements Operation.Adjustable {
    private static final Pattern WORDS = Pattern.compile(
            "solari[sz]e(?:\\s+it)?(?:\\s+(?:at|by)\\s+(\\d+(?:\\.\\d+)?)\\s*%)?", Pattern.CASE_INSENSITIVE);
    /** Inversion (0–1) per percent on a scene with about half its pixels above the middle. */
    private static final double SLOPE = 0.005;

    private final Control control =
            Control.of(Metric.INVERSION, SLOPE, 5, 100, 45, (m, t, weak, slope) -> weak ? (t - m) / slope : null);

    @Override
    public String id() {
        return "solarize";
    }

    @Override
    public Family family() {
        return Family.STYLE;
    }

    @Override
    public Words words() {
        return Words.of("solarize", "solarise", "sabattier");
    }

    @Override
    public Optional<Action> read(String clause) {
        Matcher m = WORDS.matcher(clause.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = m.group(1) == null ? 100 : Double.parseDouble(m.group(1));
        return amount > 0 && amount <= 100 ? Optional.of(make(amount, Region.WHOLE, null)) : Optional.empty();
    }

    @Override
    public boolean reads(Action action) {
        return action instanceof Action.Apply a && a.operation() == this;
    }

    @Override
    public double amount(Action action) {
        return ((Action.Apply) action).amount();
    }

    @Override
    public Region region(Action action) {
        return ((Action.Apply) action).region();
    }

    @Override
    public Action make(double amount, Region region, NamedColor color) {
        return new Action.Apply(this, amount, region);
    }

    @Override
    public String phrase(Action action) {
        double s = amount(action);
        return "solarize it" + (s == 100 ? "" : " at " + Action.Num.fmt(s) + "%")
                + region(action).suffix();
    }

    @Override
    public Mat apply(Mat src, Action action, int scale, long seed) {
        double s = amount(action) / 100;
        byte[] px = Mats.bytes(src);
        for (int i = 0; i < px.length; i++) {
            int v = px[i] & 0xff;
            int solarized = v >= 128 ? 255 - v : v;
            px[i] = (byte) Math.round(v + (solarized - v) * s);
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }

    @Override
    public Control control() {
        return control;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double ideal = amount(action) * SLOPE;
        return List.of(
                new Change(Metric.INVERSION, Zone.in(region(action)), null, ideal * lo, ideal, ideal * hi, 1, true));
    }

    @Override
    public Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.copyOf(TONE);
        out.addAll(COLOR);
        out.addAll(EnumSet.of(Metric.INVERSION, Metric.STRUCTURE_LOSS, Metric.LEVELS, Metric.DETAIL));
        return out;
    }

    @Override
    public List<Action> examples() {
        return List.of(make(40, Region.WHOLE, null));
    }
}
