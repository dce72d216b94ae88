package dev.editloop.embedded.heuristic;

import java.util.List;
import java.util.Locale;

/**
 * What the measurements say about one edit of a request: each expected effect as measured, the checks that nothing
 * else changed, the artifacts found, and the scores that follow from them.
 *
 * @param readings each expected effect with its measured value and achievement
 * @param guards the "nothing else changed" checks that cost something (or all, see {@link Evaluator})
 * @param artifacts the quality checks
 * @param achievement weighted mean achievement of the effects, 0–1
 * @param preservation product of the guards' {@code 1 − penalty}, 0–1
 * @param doableShare the share of the request that any action can do, 0–1
 * @param semantic SC 0–10: {@code 10 · achievement · preservation · doableShare}
 * @param quality PQ 0–10: {@code 10 − Σ artifact penalties}
 * @param unchanged whether the edit is (practically) the source itself
 * @param cap why SC was held below the threshold although the measured effects are on target (a part of the request
 *     that no action can do or no measurement reads), or null
 */
public record Assessment(
        List<Reading> readings,
        List<Guard> guards,
        List<Artifact> artifacts,
        double achievement,
        double preservation,
        double doableShare,
        double semantic,
        double quality,
        boolean unchanged,
        String cap) {

    /** An assessment whose SC follows from the measurements alone. */
    public Assessment(
            List<Reading> readings,
            List<Guard> guards,
            List<Artifact> artifacts,
            double achievement,
            double preservation,
            double doableShare,
            double semantic,
            double quality,
            boolean unchanged) {
        this(readings, guards, artifacts, achievement, preservation, doableShare, semantic, quality, unchanged, null);
    }

    public Assessment {
        readings = List.copyOf(readings);
        guards = List.copyOf(guards);
        artifacts = List.copyOf(artifacts);
    }

    /**
     * One expected effect, measured. For an effect the source {@linkplain SourceFit.Kind#ALREADY already satisfies},
     * {@code measured} is the absolute reading the edit is held to (mean chroma or mean luma); for one that
     * {@linkplain SourceFit.Kind#CANNOT cannot} happen on the source it is NaN.
     */
    public record Reading(Effect effect, double measured, double baseline, double achievement, SourceFit fit) {
        public Reading {
            fit = fit == null ? SourceFit.APPLIES : fit;
        }

        /** A reading of an effect that applies to the source. */
        public Reading(Effect effect, double measured, double baseline, double achievement) {
            this(effect, measured, baseline, achievement, SourceFit.APPLIES);
        }

        /** Whether the effect's target state or its impossibility comes from the source, not from the edit. */
        public boolean fromSource() {
            return fit.kind() != SourceFit.Kind.APPLIES;
        }

        /** Where the measurement stands. */
        public Effect.Standing standing() {
            return switch (fit.kind()) {
                case APPLIES -> effect.standing(measured);
                case CANNOT -> Effect.Standing.NOT_APPLICABLE;
                case ALREADY ->
                    Double.isNaN(measured)
                            ? Effect.Standing.NOT_APPLICABLE
                            : fit.holds(measured) ? Effect.Standing.ALREADY : Effect.Standing.LOST;
            };
        }

        /**
         * "sepia tone: +3% (target +50%…+115%, ideal +80%): too weak"; "saturation: already muted in the source
         * (…); the edit has mean chroma 28 levels (at most 40): achieved".
         */
        public String line() {
            return switch (fit.kind()) {
                case APPLIES ->
                    effect.label() + ": " + effect.metric().format(measured) + " (" + effect.target() + "): "
                            + standing().words();
                case CANNOT -> effect.label() + ": does not apply, " + fit.reason();
                case ALREADY ->
                    effect.label() + ": " + fit.reason() + "; the edit has " + fit.describe(effect, measured)
                            + (standing() == Effect.Standing.ALREADY
                                    ? ": achieved"
                                    : ": " + standing().words() + ", not achieved");
            };
        }
    }

    /**
     * A check that something not asked for did not change.
     *
     * @param measured how far it moved; for a quality the request says to keep, the signed change (brightness −0.08
     *     is darker), so that a step can be added to bring it back
     * @param kept the quality the request says to keep ("keep the contrast the same"), or null for a check the
     *     request did not name
     */
    public record Guard(String name, double measured, double tolerance, double penalty, Metric kept) {
        public Guard(String name, double measured, double tolerance, double penalty) {
            this(name, measured, tolerance, penalty, null);
        }

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%s: %.3f (tolerance %.3f)%s",
                    name,
                    measured,
                    tolerance,
                    penalty > 0 ? String.format(Locale.ROOT, ", costs %.0f%%", penalty * 100) : ", fine");
        }
    }

    /** What kind of quality problem an artifact is (VIEScore's two quality questions). */
    public enum Kind {
        /** Looks unnatural: too dark, too bright, oversaturated, smeared. */
        NATURALNESS,
        /** Visible defects: clipping, noise, blocks, banding. */
        ARTIFACT
    }

    /**
     * A quality check.
     *
     * @param finding what a person would see, in words ("a blotchy patch where the red object was"), or null for a
     *     check that reads only as a number
     */
    public record Artifact(
            String name, Kind kind, double measured, double allowed, double penalty, String unit, String finding) {
        /** A check without words of its own. */
        public Artifact(String name, Kind kind, double measured, double allowed, double penalty, String unit) {
            this(name, kind, measured, allowed, penalty, unit, null);
        }

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%s%s: %.3g%s (allowed %.3g%s)%s",
                    finding != null && penalty > 0 ? finding + " (" + name + ")" : "",
                    finding != null && penalty > 0 ? "" : name,
                    measured,
                    unit,
                    allowed,
                    unit,
                    penalty > 0 ? String.format(Locale.ROOT, ", −%.1f", penalty) : "");
        }
    }

    /** Readings that are not on target (and apply). */
    public List<Reading> offTarget() {
        return readings.stream()
                .filter(r -> r.standing() == Effect.Standing.WEAK || r.standing() == Effect.Standing.STRONG)
                .toList();
    }

    /** Sum of the artifact penalties of one kind. */
    public double penalty(Kind kind) {
        return artifacts.stream()
                .filter(a -> a.kind() == kind)
                .mapToDouble(Artifact::penalty)
                .sum();
    }

    /** Whether both scores reach 8. */
    public boolean good() {
        return semantic >= 8 && quality >= 8;
    }
}
