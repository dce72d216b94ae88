package dev.editloop.embedded.heuristic;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Assessment.Artifact;
import dev.editloop.embedded.heuristic.Assessment.Guard;
import dev.editloop.embedded.heuristic.Assessment.Kind;
import dev.editloop.embedded.heuristic.Assessment.Reading;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Leftover;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Outline;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.segment.SubjectMatte;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures an edit against a request's {@link Intent} and scores it. Shared by the thinker and the judge; it uses
 * only the request, the source and the edit (never a thinker's chosen amounts). Stateless and thread-safe.
 *
 * <p><b>SC</b> = 10 · A · P · D. A: the weighted mean achievement of the expected effects ({@link
 * Effect#achievement}), times {@code 0.7 + 0.3 · (the lowest achievement among the main effects)}. An effect the
 * source already has (muted colors on a grey photo) counts as achieved while the edit keeps it, read absolutely; one
 * that cannot happen on the source (more saturation on a grey photo) does not count, and when no effect can, A is 0
 * ({@link SourceFit}). P: the product of {@code 1 − penalty} over the checks that nothing else changed: metrics no
 * planned action moves must stay within a tolerance (brightness, contrast, saturation, warmth, hue, grain, vignette,
 * structure), the size must stay unless the request changes it, for a request confined to one region, pixels
 * outside it must stay, and for a request that edits only the background, the subject's pixels must stay (the subject
 * found on the source by the judge itself, {@link SubjectMatte}). D: the share of the request that any action can do.
 *
 * <p><b>PQ</b> = 10 − Σ penalties for clipping, noise, blockiness and banding beyond what the request implies, for
 * an unnatural result (nearly black or white, oversaturated, smeared), and for what a person sees at once ({@link
 * Visible}): a blotchy fill, a subject that lost its detail, a halo or seam, banding in smooth gradients, blown or
 * crushed tones. Each check knows what the request asked for, so a style is not punished for its own effect.
 */
public final class Evaluator {
    /** The highest SC when the request's main action works on a named thing that no action can find or make. */
    static final double OBJECT_CAP = 4.5;

    /** The highest SC when a part of the request is neither done nor measured. */
    static final double PART_CAP = 7.0;

    private Evaluator() {}

    /**
     * Why the request's turn or crop to an orientation cannot or need not happen on this source, if so: a square
     * picture stands neither way, and no turn makes it portrait or landscape (the editor leaves it as it is, which is
     * not what was asked); a picture that already stands the way asked, when that is all the request asks, is left as
     * it is: no edit is made, so none is claimed ("make it landscape" on a landscape photo). Beside other parts of a
     * request, a turn or crop the picture already satisfies is simply met.
     */
    private static String orientationMoot(Intent intent, Picture source, List<Effect> effects) {
        int w = source.width();
        int h = source.height();
        boolean alone = !intent.geometry().isEmpty() && effects.stream().allMatch(e -> e.metric() == Metric.GEOMETRY);
        String already = null;
        for (dev.editloop.embedded.classic.Action action : intent.geometry()) {
            dev.editloop.embedded.classic.Action.Orientation target =
                    action instanceof dev.editloop.embedded.classic.Action.Rotate r
                            ? r.target()
                            : action instanceof dev.editloop.embedded.classic.Action.CropAspect c ? c.target() : null;
            if (target != null && w == h && action instanceof dev.editloop.embedded.classic.Action.Rotate) {
                return "the source is square: no turn makes it " + target.word();
            }
            if (target == null || !target.holds(w, h)) {
                alone = false;
            } else if (already == null) {
                already = String.format(
                        java.util.Locale.ROOT,
                        "the source is already %s (%d×%d): there is nothing to %s",
                        target.word(),
                        w,
                        h,
                        action instanceof dev.editloop.embedded.classic.Action.Rotate ? "turn" : "crop");
            }
        }
        return alone ? already : null;
    }

    /** Assesses an edit of a source against an intent. */
    public static Assessment assess(Intent intent, Picture source, Picture edited) {
        return assess(intent, source, Analysis.of(source), edited);
    }

    /** Assesses an edit of a source (already analysed) against an intent. */
    public static Assessment assess(Intent intent, Picture source, Analysis sourceAnalysis, Picture edited) {
        Picture expected = Geometry.apply(source, intent.geometry());
        Analysis expectedAnalysis = expected == source ? sourceAnalysis : Analysis.of(expected);
        Comparison c = Comparison.of(expectedAnalysis, Analysis.of(edited));
        boolean unchanged = source.samePixels(edited)
                || (c.sameSize() && intent.geometry().isEmpty() && c.changedFraction(Zone.WHOLE, 3) < 0.002);

        List<Effect> effects = intent.doable() ? intent.effects(sourceAnalysis) : List.of();
        Set<Metric> touched = intent.touched(sourceAnalysis);

        // effects
        List<Reading> readings = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        boolean anyApplies = effects.isEmpty();
        // a colour gained by recolouring comes from the colour lost: when the source shows none of that colour, the
        // gain cannot happen either (a few stray pixels turned red are not "the blue patch made red")
        java.util.Map<dev.editloop.embedded.classic.NamedColor, String> nothingToRecolour = new java.util.HashMap<>();
        for (dev.editloop.embedded.classic.Action action : intent.plan(sourceAnalysis)) {
            if (action instanceof dev.editloop.embedded.classic.Action.Recolor r && !r.thing()) {
                boolean none = effects.stream()
                        .anyMatch(e -> e.metric() == Metric.COLOR_LOSS
                                && r.from().equals(e.color())
                                && SourceFit.of(e, c.source()).kind() == SourceFit.Kind.CANNOT);
                if (none) {
                    nothingToRecolour.put(
                            r.to(), "the source shows no " + r.from().name() + " to turn " + r.to().name());
                }
            }
        }
        java.util.Map<String, String> notAlone = notAlone(intent, sourceAnalysis);
        String moot = orientationMoot(intent, source, effects);
        for (Effect effect : effects) {
            // an effect the source already satisfies is held to an absolute bound; one that cannot happen on this
            // source is not measured (a relative reading of a quantity that is about zero means nothing). Read on the
            // source as the request transforms it, which has the source's colors and tones.
            String apart = effect.metric() == Metric.SELECTION_CHANGE && effect.color() != null
                    ? notAlone.get(thingKey(effect.color(), effect.zone().region()))
                    : null;
            SourceFit fit = effect.metric() == Metric.COLOR_GAIN && nothingToRecolour.containsKey(effect.color())
                    ? new SourceFit(SourceFit.Kind.CANNOT, nothingToRecolour.get(effect.color()), 0, true)
                    : apart != null
                            ? new SourceFit(SourceFit.Kind.CANNOT, apart, 0, true)
                            : effect.metric() == Metric.GEOMETRY && moot != null
                                    ? new SourceFit(SourceFit.Kind.CANNOT, moot, 0, true)
                                    : SourceFit.of(effect, c.source());
            double measured;
            double a;
            double baseline = effect.metric().baseline(c, effect.zone());
            switch (fit.kind()) {
                case CANNOT -> {
                    measured = Double.NaN;
                    a = Double.NaN;
                }
                case ALREADY -> {
                    measured = fit.measure(effect, c);
                    a = fit.achievement(effect, measured);
                }
                default -> {
                    measured = effect.metric() == Metric.GEOMETRY ? geometry(c, expected) : effect.measure(c);
                    measured = asSeen(c, effects, effect, measured);
                    a = effect.achievement(measured, baseline);
                }
            }
            // a reading that comes out unmeasurable (NaN) is not evidence that the effect happened
            anyApplies |=
                    fit.kind() != SourceFit.Kind.CANNOT && !(fit.kind() == SourceFit.Kind.APPLIES && Double.isNaN(a));
            readings.add(new Reading(effect, measured, baseline, a, fit));
            if (!Double.isNaN(a)) {
                weighted += effect.weight() * a;
                weights += effect.weight();
            }
        }
        // the weighted mean, held back by the worst of the main effects: one missing effect is not made up by others
        double worst = readings.stream()
                .filter(r -> r.effect().weight() >= 0.5 && !Double.isNaN(r.achievement()))
                .mapToDouble(Reading::achievement)
                .min()
                .orElse(1);
        double achievement = !anyApplies
                ? 0 // nothing asked can happen on this source
                : weights > 0
                        ? weighted / weights * (0.7 + 0.3 * worst)
                        : (intent.doable() ? (unchanged ? 1 : 0.5) : 0);

        // nothing else changed
        List<Guard> guards = new ArrayList<>();
        Optional<Region> confined = intent.confinedTo(sourceAnalysis);
        if (confined.isPresent()) {
            Zone outside = Zone.outside(confined.get());
            double changed = c.changedFraction(outside, 12);
            double mad = c.meanAbsDiff(outside);
            double penalty = Math.min(0.6, 0.6 * Math.max(0, changed - 0.01) / 0.25 + Math.max(0, mad - 2) / 20);
            guards.add(new Guard("changed pixels " + outside.phrase(), changed, 0.01, penalty));
        } else {
            for (Metric metric : Metric.values()) {
                if (Double.isNaN(metric.guard())) {
                    continue;
                }
                // a quality the request says to keep is held even where an asked action moves it as a side effect
                boolean kept =
                        intent.kept().contains(metric) && effects.stream().noneMatch(e -> e.metric() == metric);
                if (touched.contains(metric) && !kept) {
                    continue;
                }
                double signed = metric.sideEffect(c);
                double measured = Math.abs(signed);
                if (Double.isNaN(measured)) {
                    continue; // nothing to read (e.g. no pixels with color for a hue shift)
                }
                double tolerance = kept ? metric.guard() / 2 : metric.guard();
                double over = Math.max(0, measured - tolerance) / tolerance;
                if (kept) {
                    // a quality the request names is part of what it asks: moved past its tolerance, it is not kept,
                    // and the edit is not accepted (SC under 8) until a step brings it back
                    double penalty = over > 0 ? Math.min(0.5, KEPT_MISSED + over) : 0;
                    guards.add(new Guard("kept " + metric.label(null), signed, tolerance, penalty, metric));
                } else {
                    guards.add(
                            new Guard("unasked " + metric.label(null), measured, tolerance, Math.min(0.5, 0.5 * over)));
                }
            }
        }
        String edge = outlineEdge(intent, sourceAnalysis, c);
        if (edge != null) {
            if (edge.equals(NEW_BACKGROUND)) {
                // only when the background is all that is asked: a vignette or a tone step moves the subject too
                guards.add(subjectKept(source, edited));
            }
            Guard outline = outline(c, edge);
            if (outline != null) {
                guards.add(outline);
            }
            if (edge.equals(NEW_BACKGROUND)) {
                guards.add(leftover(c));
            }
        }
        if (intent.geometry().isEmpty() && !c.sameSize()) {
            guards.add(new Guard("size changed", 1, 0, 0.5));
        }
        double preservation = 1;
        for (Guard g : guards) {
            preservation *= 1 - g.penalty();
        }

        Set<Knob> knobs = new java.util.HashSet<>();
        double strongestContrast = 0;
        for (dev.editloop.embedded.classic.Action action : intent.plan(sourceAnalysis)) {
            Knob.of(action).ifPresent(knobs::add);
            if (Knob.of(action).orElse(null) == Knob.CONTRAST) {
                strongestContrast = Math.max(strongestContrast, Knob.CONTRAST.amount(action));
            }
        }
        List<Artifact> artifacts = artifacts(c, effects, touched, knobs, strongestContrast);
        artifacts.addAll(Visible.artifacts(
                c,
                intent.plan(sourceAnalysis),
                touched,
                knobs,
                strongestContrast,
                confined.orElse(Region.WHOLE),
                intent.crushesShadows()));
        double quality = 10;
        for (Artifact a : artifacts) {
            quality -= Double.isNaN(a.penalty()) ? 0 : a.penalty();
        }
        quality = Math.max(0, quality);
        double doable = intent.doableShare();
        double semantic = 10 * achievement * preservation * doable;
        if (Double.isNaN(semantic)) {
            semantic = 0; // never invent a score: an unreadable measurement counts as not achieved
        }
        // what is not done or not measured cannot be claimed: a part on a named thing is the main action not done
        String cap = null;
        if (intent.objectLevel() && semantic > OBJECT_CAP) {
            semantic = OBJECT_CAP;
            cap = "SC held at " + OBJECT_CAP + ": the main action is not done (" + blockedParts(intent, true) + ")";
        } else if (!intent.blocked().isEmpty() && semantic > PART_CAP) {
            semantic = PART_CAP;
            cap = "SC held at " + PART_CAP + ": a part of the request is neither done nor measured ("
                    + blockedParts(intent, false) + ")";
        }
        return new Assessment(
                readings,
                guards,
                artifacts,
                achievement,
                preservation,
                doable,
                round(semantic),
                round(quality),
                unchanged,
                cap);
    }

    /** What a quality the request says to keep costs at least once it moved past its tolerance. */
    static final double KEPT_MISSED = 0.25;

    /**
     * The things of a colour that a request names alone ("the red saucer") where the area of that colour on the source
     * is two things standing one on the other ({@link dev.editloop.embedded.classic.StackedShape}: a cup on its saucer
     * of one glaze): the area is not the named thing alone, so no change measured on it says that thing was edited. Keyed
     * by {@link #thingKey}, with the reason in words; a request that names both ("the red cup and saucer") or several
     * ("the red dishes") is not here.
     */
    private static java.util.Map<String, String> notAlone(Intent intent, Analysis source) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (dev.editloop.embedded.classic.Action action : intent.plan(source)) {
            dev.editloop.embedded.classic.NamedColor color;
            Region place;
            if (action instanceof dev.editloop.embedded.classic.Action.Recolor r && r.thing()) {
                color = r.from();
                place = r.place();
            } else if (action instanceof dev.editloop.embedded.classic.Action.RemoveColored r) {
                color = r.color();
                place = r.place();
            } else {
                continue;
            }
            Optional<String> name = intent.thing(action);
            if (name.isEmpty() || several(name.get())) {
                continue;
            }
            boolean stacked = Metric.selected(source, color, place)
                    .map(dev.editloop.embedded.classic.ObjectSelection.Selected::stacked)
                    .orElse(false);
            if (stacked) {
                out.put(
                        thingKey(color, place),
                        "the " + color.name() + " area is two things of one colour, one standing on the other (a"
                                + " body on a wide, flat base): the " + color.name() + " " + name.get()
                                + " cannot be told from the other to be edited alone, and an edit of the area changes"
                                + " both");
            }
        }
        return out;
    }

    private static String thingKey(dev.editloop.embedded.classic.NamedColor color, Region place) {
        return color.name() + "/" + place;
    }

    /** Whether a thing's name names several things: joined by "and" ("cup and saucer"), or a plural ("dishes"). */
    static boolean several(String name) {
        String[] words = name.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+");
        for (String w : words) {
            if (w.equals("and") || w.equals("&") || w.equals("with") || w.equals("plus") || w.equals("both")) {
                return true;
            }
        }
        String last = words[words.length - 1];
        return last.length() > 3
                && last.endsWith("s")
                && !last.endsWith("ss")
                && !last.endsWith("us")
                && !last.endsWith("is");
    }

    /**
     * The subject must stay as it was when the background is what is edited: the judge finds the subject on the
     * source itself ({@link SubjectMatte}, never from the editor's notes or mask, so it holds any editor to it) and
     * counts the pixels inside it (away from its feathered edge) that moved by more than 12 levels.
     */
    private static Guard subjectKept(Picture source, Picture edited) {
        SubjectMatte matte = SubjectMatte.of(source);
        byte[] s = source.bgr();
        byte[] e = edited.bgr();
        float[] alpha = matte.alpha();
        int inside = 0;
        int moved = 0;
        double sum = 0;
        for (int p = 0, i = 0; p < alpha.length; p++, i += 3) {
            if (alpha[p] < 1) {
                continue;
            }
            inside++;
            int d = 0;
            for (int k = 0; k < 3; k++) {
                d = Math.max(d, Math.abs((s[i + k] & 0xff) - (e[i + k] & 0xff)));
            }
            sum += d;
            if (d > 12) {
                moved++;
            }
        }
        double changed = inside == 0 ? 0 : (double) moved / inside;
        double mad = inside == 0 ? 0 : sum / inside;
        double penalty = Math.min(0.6, 0.6 * Math.max(0, changed - 0.02) / 0.2 + Math.max(0, mad - 3) / 20);
        return new Guard("changed pixels on the subject", changed, 0.02, penalty);
    }

    private static final String NEW_BACKGROUND = "edge of the new background";

    /**
     * Which edge an edit must draw along things' outlines, when all it asks is one kind of local change: a new
     * background (which must also keep the subject), a recolour (a thing taken whole, not in patches) or a removal (a
     * thing filled up to its own outline: a fill whose edge runs through the fur around a cat's eye took part of
     * something else). Null for anything else (a global grade, a region, a mix of kinds).
     */
    private static String outlineEdge(Intent intent, Analysis sourceAnalysis, Comparison c) {
        List<dev.editloop.embedded.classic.Action> plan = intent.plan(sourceAnalysis);
        if (!intent.geometry().isEmpty() || !c.sameSize() || plan.isEmpty()) {
            return null;
        }
        if (plan.stream().allMatch(a -> a instanceof dev.editloop.embedded.classic.Action.Background)) {
            return NEW_BACKGROUND;
        }
        if (plan.stream().allMatch(a -> a instanceof dev.editloop.embedded.classic.Action.Recolor)) {
            return "edge of the recoloured area";
        }
        if (plan.stream()
                .allMatch(a -> a instanceof dev.editloop.embedded.classic.Action.RemoveColored
                        || a instanceof dev.editloop.embedded.classic.Action.RemoveRegion)) {
            return "edge of the filled area";
        }
        return null;
    }

    /**
     * A new background must meet the subject along its outline, and a recolour must take its thing whole, wherever the
     * editor's segmentation or colour rule put the line: the judge reads the edge of the changed area on the edit itself
     * ({@link Outline}) and counts how much of it runs through one material of the source (a cat's fur cut in two, a
     * sky half replaced, a tripod half blurred, a suit recoloured in patches). A clean edit runs there for under 4% of
     * its edge; 13% costs the most.
     */
    private static Guard outline(Comparison c, String edge) {
        Outline.Reading reading = c.outline();
        if (!reading.judged()) {
            return null; // too little edge with both sides readable to judge it
        }
        double penalty = Math.min(0.6, 0.6 * Math.max(0, reading.share() - 0.04) / 0.09);
        String name = edge + " through one material (a cut through a thing"
                + (penalty > 0 ? ", mostly in " + reading.where() : "")
                + ")";
        return new Guard(name, reading.share(), 0.04, penalty);
    }

    /**
     * A new background must reach the subject: a band of the old background left beside it (a pale strip of wall along
     * a shoulder, a matte's feather drawn over the backdrop) is background the edit did not replace, read on the edit
     * itself ({@link Leftover}) as the length of the new background's edge it runs along, a share of the picture's
     * shorter side. Under 5% is a few pixels of a fringe; 30% costs the most.
     */
    private static Guard leftover(Comparison c) {
        Leftover.Reading reading = c.leftover();
        double penalty = Math.min(0.4, 0.4 * Math.max(0, reading.length() - 0.05) / 0.25);
        String name = "old background left beside the subject (a band of its colour along the new background's edge"
                + (penalty > 0 ? ", mostly in " + reading.where() : "")
                + ")";
        return new Guard(name, reading.length(), 0.05, penalty);
    }

    private static String blockedParts(Intent intent, boolean impossibleOnly) {
        return String.join(
                "; ",
                intent.blocked().stream()
                        .filter(b -> !impossibleOnly || b.impossible())
                        .map(b -> "\"" + b.fragment() + "\"")
                        .toList());
    }

    /**
     * Luma correlation with the source transformed as asked (layout, whatever the tone), halved when the size is not
     * what the request implies.
     */
    private static double geometry(Comparison c, Picture expected) {
        Analysis e = c.edited();
        boolean size = Math.abs(e.width() - expected.width()) <= Math.max(2, expected.width() / 50)
                && Math.abs(e.height() - expected.height()) <= Math.max(2, expected.height() / 50);
        return Math.max(0, c.correlation(Zone.WHOLE)) * (size ? 1 : 0.5);
    }

    private static List<Artifact> artifacts(
            Comparison c, List<Effect> effects, Set<Metric> touched, Set<Knob> knobs, double strongestContrast) {
        Analysis s = c.source();
        Analysis e = c.edited();
        List<Artifact> out = new ArrayList<>();

        double grainFar = effects.stream()
                .filter(x -> x.metric() == Metric.GRAIN)
                .mapToDouble(x -> Math.abs(x.far()))
                .max()
                .orElse(-1);
        // a texture that is the look itself (a halftone's dots) is noise on purpose, with no amount to hold it to
        boolean textured = knobs.stream().anyMatch(k -> k.operation().looks().contains(Operation.Look.SCREEN));
        double allowedNoise =
                grainFar > 0 ? grainFar * 30 + 3 : textured ? 255 : touched.contains(Metric.GRAIN) ? 10 : 3;
        double noise = c.addedNoise(Zone.WHOLE);
        out.add(new Artifact(
                "added noise", Kind.ARTIFACT, noise, allowedNoise, clamp((noise - allowedNoise) / 3, 0, 4), " levels"));

        boolean flatAllowed = touched.contains(Metric.FLATNESS)
                || touched.contains(Metric.BLOCK_SIZE)
                || touched.contains(Metric.LEVELS);
        double blocks = Measurements.blockiness(e, Zone.WHOLE) - Measurements.blockiness(s, Zone.WHOLE);
        double allowedBlocks = flatAllowed ? 1 : 0.12;
        out.add(new Artifact(
                "added blockiness",
                Kind.ARTIFACT,
                blocks,
                allowedBlocks,
                clamp(10 * (blocks - allowedBlocks), 0, 3),
                ""));

        if (!touched.contains(Metric.LEVELS)) {
            double le = Measurements.levels(e, Zone.WHOLE);
            double ls = Measurements.levels(s, Zone.WHOLE);
            double penalty = le < 0.5 * ls && le < 40 ? clamp(3 * (1 - le / 40), 0, 3) : 0;
            out.add(new Artifact("tone levels (banding)", Kind.ARTIFACT, le, Math.min(40, 0.5 * ls), penalty, ""));
        }

        double luma = Measurements.meanLuma(e, Zone.WHOLE);
        boolean paper = knobs.stream().anyMatch(k -> k.operation().looks().contains(Operation.Look.WHITE_PAPER));
        double bright = paper ? 255 : 243;
        double exposure = luma < 12 ? (12 - luma) / 4 : luma > bright ? (luma - bright) / 4 : 0;
        out.add(new Artifact("mean luma", Kind.NATURALNESS, luma, 12, clamp(exposure, 0, 3), ""));

        double sat = Measurements.meanSaturation(e, Zone.WHOLE);
        double satSource = Measurements.meanSaturation(s, Zone.WHOLE);
        double over = sat > 0.75 && sat > satSource + 0.1 ? clamp((sat - 0.75) * 10, 0, 2) : 0;
        out.add(new Artifact("mean saturation", Kind.NATURALNESS, sat, 0.75, over, ""));

        if (!touched.contains(Metric.BLUR)
                && !touched.contains(Metric.SHARPNESS)
                && !touched.contains(Metric.BACKGROUND_SHARPNESS)
                && !touched.contains(Metric.DETAIL)) {
            // the Laplacian variance scales with the square of the luma spread: discount tone changes
            double spread =
                    Measurements.lumaContrast(e, Zone.WHOLE) / Math.max(0.5, Measurements.lumaContrast(s, Zone.WHOLE));
            double soft = c.sharpnessChange(Zone.WHOLE) - 2 * Math.log(Math.max(0.05, spread)) / Math.log(2);
            out.add(new Artifact(
                    "lost sharpness", Kind.NATURALNESS, -soft, 1.5, clamp((-soft - 1.5) / 1.5, 0, 2), " stops"));
        }
        return out;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * A tone effect's reading held to what a viewer sees on the zone as a whole. The readings factor out what else
     * the edit did (a vignette, a brightness change, clipped tones), which tells whether each control did its part; but
     * when the parts cancel out, the picture does not look the way the request asked. So the plain statistic must move
     * the asked way by a visible step: the RMS contrast, when more contrast comes with darker corners or a darker
     * picture. When it does not, the plain statistic is the reading, and the effect reads too weak. More saturation
     * asked with a brighter picture is read as the smaller of the saturation reading and the change of the colours'
     * CIELAB chroma (how colourful they look).
     */
    private static double asSeen(Comparison c, List<Effect> effects, Effect effect, double measured) {
        if (Double.isNaN(measured)) {
            return measured;
        }
        Zone zone = effect.zone();
        switch (effect.metric()) {
            case CONTRAST -> {
                if (effect.upward()
                        && alsoAsked(
                                effects,
                                effect,
                                e -> e.metric() == Metric.VIGNETTE && e.upward()
                                        || e.metric() == Metric.BRIGHTNESS && !e.upward())) {
                    double overall = overallContrast(c, zone);
                    if (overall < VISIBLE_CONTRAST) {
                        return Math.min(measured, overall);
                    }
                }
            }
            case SATURATION -> {
                if (effect.upward()
                        && alsoAsked(
                                effects,
                                effect,
                                e -> (e.metric() == Metric.BRIGHTNESS || e.metric() == Metric.EXPOSURE)
                                        && e.upward())) {
                    double overall = overallColourfulness(c, zone);
                    if (!Double.isNaN(overall)) {
                        return Math.min(measured, overall);
                    }
                }
            }
            default -> {}
        }
        return measured;
    }

    /**
     * Whether the effects ask, besides {@code effect}, for another that {@code other} picks out, on the whole picture
     * or in {@code effect}'s zone: more saturation with a brighter picture (brightening keeps each colour's {@code
     * max − min}, which the saturation reading reads, so that reading can rise while the colours look paler: a dusk
     * sky made brighter is a steel blue), more contrast with darker corners or a darker picture (darkening scales
     * every tone toward black).
     */
    private static boolean alsoAsked(List<Effect> effects, Effect effect, java.util.function.Predicate<Effect> other) {
        return effects.stream()
                .anyMatch(e -> other.test(e) && (e.zone().whole() || e.zone().equals(effect.zone())));
    }

    /**
     * The change of the zone's mean CIELAB chroma ({@link Measurements#meanLabChroma}): how much more colourful the
     * picture looks. "Brighter and more saturated" is read as the smaller of the saturation reading and this, so the
     * colours must look richer, not only hold more {@code max − min} on a lighter picture. NaN for a nearly grey zone.
     */
    private static double overallColourfulness(Comparison c, Zone zone) {
        double before = Measurements.meanLabChroma(c.source(), zone);
        if (!(before > 2)) {
            return Double.NaN;
        }
        return Measurements.meanLabChroma(c.aligned(), zone) / before - 1;
    }

    /** The least rise of the overall RMS contrast that a viewer sees as more contrast. */
    private static final double VISIBLE_CONTRAST = 0.03;

    /**
     * The change of the zone's RMS contrast as a viewer sees it, vignette, darkening and clipping included. More
     * contrast asked together with darker corners or a darker picture (a dramatic, film-noir or neon look) must show
     * as more contrast on the whole picture: a vignette pulls the bright corners toward the mean, darkening scales the
     * spread of luma down, and clipped tones add none,
     * so the contrast read with both left out can be on target while the picture looks no more contrasty. When the
     * overall contrast does not rise by {@link #VISIBLE_CONTRAST}, that is the reading.
     */
    private static double overallContrast(Comparison c, Zone zone) {
        double before = Measurements.lumaContrast(c.source(), zone);
        if (!(before > 1)) {
            return Double.NaN;
        }
        return Measurements.lumaContrast(c.aligned(), zone) / before - 1;
    }
}
