package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Assessment.Artifact;
import dev.editloop.embedded.heuristic.Assessment.Kind;
import dev.editloop.embedded.measure.Banding;
import dev.editloop.embedded.measure.Clipping;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.FillTexture;
import dev.editloop.embedded.measure.Halo;
import dev.editloop.embedded.measure.Leftover;
import dev.editloop.embedded.measure.Outline;
import dev.editloop.embedded.measure.SubjectDetail;
import dev.editloop.embedded.op.Operation.Look;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The quality checks for what a person sees at a glance, each read from one measure family of {@code measure} and
 * weighed against what the request asked for: a blotchy fill ({@link FillTexture}), a subject that lost its detail
 * ({@link SubjectDetail}), lines the edit drew such as halos and seams ({@link Halo}), banding in smooth gradients
 * ({@link Banding}) and added clipping ({@link Clipping}). A defect of this kind costs up to {@link #MAX} points of
 * PQ, enough on its own to hold PQ at 3, and is named in words in the reasoning.
 *
 * <p>What the plan asks for is allowed: a blurred or replaced background may be flat; a removal must leave a fill that
 * looks like its surroundings (a flat fill or a tone step counts there only, a noisy patch anywhere); sketches, cartoons, watercolors, posterizing and pixel
 * art simplify and draw lines by design (so does added text or a border), so the detail check allows them more and the line check skips them (pixel art and blurs are not
 * read for detail at all); posterizing, pixel art and cartoons band by design; sketches, cartoons, posterizing and
 * inversion clip by design, a strong contrast boost may clip some.
 */
final class Visible {
    /** The largest penalty of one visible defect. */
    static final double MAX = 7;

    private Visible() {}

    static List<Artifact> artifacts(
            Comparison c,
            List<Action> plan,
            Set<Metric> touched,
            Set<Knob> knobs,
            double strongestContrast,
            Region confined,
            boolean crushesShadows) {
        boolean removal =
                plan.stream().anyMatch(a -> a instanceof Action.RemoveColored || a instanceof Action.RemoveRegion);
        boolean background = plan.stream().anyMatch(a -> a instanceof Action.Background);
        boolean replaced = plan.stream().anyMatch(a -> a instanceof Action.Background bg && bg.color() != null);
        Set<Look> looks = EnumSet.noneOf(Look.class);
        knobs.forEach(k -> looks.addAll(k.operation().looks()));
        boolean lines = looks.contains(Look.LINES);
        boolean paints = looks.contains(Look.PAINT);
        // a style touches every texture metric, blur included; it still must keep the subject's features
        boolean blurs = looks.contains(Look.BLUR) || (touched.contains(Metric.BLUR) && !(lines || paints));
        List<Artifact> out = new ArrayList<>();
        out.add(fill(
                c,
                plan,
                removal,
                !removal && (background || blurs),
                looks.contains(Look.GRAIN) || touched.contains(Metric.GRAIN)));
        if (!(removal || background || blurs || looks.contains(Look.BLOCKS))) {
            // a painted wash keeps a face's features (its smoothing is edge-preserving); lines may simplify more
            out.add(detail(c, lines ? 0.75 : paints ? 0.15 : looks.contains(Look.FEW_LEVELS) ? 0.5 : 0.4));
        }
        boolean draws = plan.stream().anyMatch(a -> a instanceof Action.AddText || a instanceof Action.Border);
        // a thing recolored lighter or darker strengthens its own outline, which is not a line the edit drew: only a
        // seam well beyond that counts
        boolean recolors = plan.stream().anyMatch(a -> a instanceof Action.Recolor);
        if (!(lines || paints || draws || replaced || removal || looks.contains(Look.FEW_LEVELS))) {
            out.add(halo(c, recolors ? 1.0 : 0.22, background, confined));
        }
        if (!(touched.contains(Metric.LEVELS)
                || touched.contains(Metric.BLOCK_SIZE)
                || touched.contains(Metric.FLATNESS)
                || lines)) {
            out.add(banding(c));
        }
        if (background && plan.stream().allMatch(a -> a instanceof Action.Background)) {
            out.add(cut(c, "the new background's edge"));
            out.add(leftover(c));
        } else if (recolors && plan.stream().allMatch(a -> a instanceof Action.Recolor)) {
            out.add(cut(c, "the recoloured area's edge"));
        } else if (removal
                && plan.stream().allMatch(a -> a instanceof Action.RemoveColored || a instanceof Action.RemoveRegion)) {
            out.add(cut(c, "the filled area's edge"));
        }
        boolean clipsByDesign = looks.contains(Look.CLIPS) || replaced;
        out.add(clipping(c, clipsByDesign ? 1 : strongestContrast >= 40 ? 0.12 : 0.04, crushesShadows));
        return out;
    }

    /** A fill noisier or flatter than its surroundings, or (after a removal) of another tone. */
    private static Artifact fill(Comparison c, List<Action> plan, boolean removal, boolean flatAllowed, boolean grain) {
        FillTexture.Reading f = FillTexture.of(c);
        if (!f.applies()) {
            return new Artifact("patch against its surroundings", Kind.ARTIFACT, 0, 0, 0, "", null);
        }
        double noisy = grain ? 0 : clamp(5 * (f.noiseRatio() - 1.4), 0, MAX);
        double smear = !removal || flatAllowed || f.ringTexture() < 4 ? 0 : clamp(25 * (0.4 - f.flatness()), 0, MAX);
        // a fill far smoother than the textured ground around it (a plain inpainting drawn across the wood) is a smear
        // too, even where its coarse texture follows the ground's
        if (removal && !flatAllowed && f.ringTexture() >= 4) {
            smear = Math.max(smear, clamp(20 * (0.6 - f.smoothness()), 0, MAX));
        }
        // a blur drawn across a structured ground (fur, an eye) with fine grain sprinkled on it: the grain passes the
        // noise reading, the missing stripes and edges do not
        if (removal && !flatAllowed) {
            smear = Math.max(smear, f.blurPenalty());
        }
        double step = removal ? clamp(4 * (f.relativeStep() - 1.3), 0, MAX) : 0;
        // tones the ground does not have (a bright disc, a dark smear), even when their mean matches it
        double tones = removal && !Double.isNaN(f.toneDistance()) ? clamp(0.4 * (f.toneDistance() - 15), 0, MAX) : 0;
        double penalty = Math.min(MAX, noisy + smear + Math.max(step, tones));
        String what = noisy >= Math.max(smear, Math.max(step, tones))
                ? "a noisy, blotchy patch"
                : smear >= step && smear > 0 ? "a flat smear" : "a blotchy patch of the wrong tone";
        String place = removal
                ? "where the " + removed(plan) + " was"
                : "in " + f.area().where();
        return new Artifact(
                "patch against its surroundings",
                Kind.ARTIFACT,
                Math.max(f.noiseRatio(), Math.max(1 / Math.max(0.05, f.flatness()), f.relativeStep())),
                removal ? 1.3 : 1.4,
                penalty,
                "×",
                what + " " + place
                        + String.format(
                                Locale.ROOT,
                                " (noise ×%.1f its surroundings, texture ×%.2f, structure ×%.2f, tone %.0f levels"
                                        + " off, tones %.0f levels from the ground's)",
                                f.noiseRatio(),
                                f.flatness(),
                                f.structure(),
                                f.toneStep(),
                                f.toneDistance()));
    }

    private static String removed(List<Action> plan) {
        for (Action a : plan) {
            if (a instanceof Action.RemoveColored rc) {
                return rc.color().name() + " object";
            }
            if (a instanceof Action.RemoveRegion rr) {
                return "object in " + rr.region().phrase();
            }
        }
        return "removed object";
    }

    /** The subject's features (a face's eyes and mouth) wiped beyond what the request implies. */
    private static Artifact detail(Comparison c, double allowed) {
        SubjectDetail.Reading d = SubjectDetail.of(c, Metric.subject(c.source()));
        double lost = Double.isNaN(d.lostShare()) ? 0 : d.lostShare();
        double penalty = clamp(80 * (lost - allowed), 0, MAX);
        return new Artifact(
                "subject detail lost",
                Kind.NATURALNESS,
                lost * 100,
                allowed * 100,
                penalty,
                "%",
                "the subject in " + d.where() + " lost its detail (a face loses its eyes and mouth this way)");
    }

    /** Lines the edit drew: a halo or a fringe around a subject, a seam along a pasted area. */
    private static Artifact halo(Comparison c, double allowed, boolean background, Region confined) {
        Halo.Reading h = Halo.of(c, confined);
        double score = h.share() * h.strength();
        double penalty = clamp(30 * (score - allowed), 0, MAX);
        return new Artifact(
                "halo or seam",
                Kind.ARTIFACT,
                score,
                allowed,
                penalty,
                "",
                "a " + h.tone() + (background ? " halo around the subject" : " rim or seam the edit drew") + " in "
                        + h.where()
                        + String.format(
                                Locale.ROOT, " (%.1f%% of the image, %.0f levels)", 100 * h.share(), h.strength()));
    }

    /**
     * A new background, a recolour or a fill whose edge runs through one material of the source ({@link Outline}): a
     * cat's fur ending in a hard line, half a tower blurred, a suit recoloured in patches, a blur drawn over half an eye.
     * Seen at once; from 6% of the edge, the most at 26%.
     */
    private static Artifact cut(Comparison c, String edge) {
        Outline.Reading r = c.outline();
        double share = r.judged() ? r.share() : 0;
        return new Artifact(
                "cut through one material",
                Kind.NATURALNESS,
                share * 100,
                6,
                clamp(35 * (share - 0.06), 0, MAX),
                "%",
                String.format(
                        Locale.ROOT,
                        "%s cuts through one material for %.0f%% of its length, mostly in %s",
                        edge,
                        100 * share,
                        r.where()));
    }

    /**
     * A band of the old background left beside the subject after the background was replaced ({@link Leftover}): a
     * pale rim around a shoulder is seen at once. From 6% of the shorter side along the edge, the most at 40%.
     */
    private static Artifact leftover(Comparison c) {
        Leftover.Reading r = c.leftover();
        return new Artifact(
                "old background left beside the subject",
                Kind.NATURALNESS,
                r.length() * 100,
                6,
                clamp(12 * (r.length() - 0.06), 0, 4),
                "%",
                String.format(
                        Locale.ROOT,
                        "a band of the old background stays beside the subject along %.0f%% of the picture's shorter"
                                + " side, mostly in %s",
                        100 * r.length(),
                        r.where()));
    }

    /** Smooth gradients broken into steps. */
    private static Artifact banding(Comparison c) {
        Banding.Reading b = Banding.of(c);
        double banded = Double.isNaN(b.banded()) ? 0 : b.banded();
        return new Artifact(
                "banding in smooth gradients",
                Kind.ARTIFACT,
                banded * 100,
                8,
                clamp(20 * (banded - 0.08), 0, MAX),
                "%",
                String.format(
                        Locale.ROOT,
                        "banding: %.0f%% of the smooth gradients broke into %.0f flat steps",
                        100 * banded,
                        Double.isNaN(b.levels()) ? 0 : b.levels()));
    }

    /** Pixels blown to white or crushed to black that the source did not have. */
    /**
     * Pixels the edit blew to white or crushed to black. A look whose shadows are crushed by design (a film noir's
     * deep blacks) counts only the blown highlights.
     */
    private static Artifact clipping(Comparison c, double allowed, boolean crushesShadows) {
        Clipping.Reading r = Clipping.of(c);
        double added = crushesShadows ? r.highlights() : r.added();
        String words = crushesShadows ? "blown highlights" : r.words();
        return new Artifact(
                "added clipping",
                Kind.ARTIFACT,
                added * 100,
                allowed * 100,
                clamp(25 * (added - allowed), 0, MAX),
                "%",
                String.format(Locale.ROOT, "%s over %.0f%% of the image", words, 100 * added));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
