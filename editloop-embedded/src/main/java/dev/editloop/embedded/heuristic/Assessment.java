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
        boolean unchanged) {

    public Assessment {
        readings = List.copyOf(readings);
        guards = List.copyOf(guards);
        artifacts = List.copyOf(artifacts);
    }

    /** One expected effect, measured. */
    public record Reading(Effect effect, double measured, double baseline, double achievement) {
        /** Where the measurement stands. */
        public Effect.Standing standing() {
            return effect.standing(measured);
        }

        /** "sepia tone: +3% (target +50%…+115%, ideal +80%): too weak". */
        public String line() {
            return effect.label() + ": " + effect.metric().format(measured) + " (" + effect.target() + "): "
                    + standing().words();
        }
    }

    /** A check that something not asked for did not change. */
    public record Guard(String name, double measured, double tolerance, double penalty) {
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

    /** A quality check. */
    public record Artifact(String name, Kind kind, double measured, double allowed, double penalty, String unit) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%s: %.3g%s (allowed %.3g%s)%s",
                    name,
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
