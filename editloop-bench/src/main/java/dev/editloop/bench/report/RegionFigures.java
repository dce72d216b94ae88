package dev.editloop.bench.report;

import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.core.region.Preservation;
import dev.editloop.core.region.RegionReport;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leakage outside the region, before and after the loop's repair, over the turns of a run's cases that were confined
 * to a region, read from their trajectories: by category, then over all of them.
 *
 * @param rows one row per category, in the order first met, then {@code all}; empty when no case had a region
 */
public record RegionFigures(List<Row> rows) {
    public RegionFigures {
        rows = List.copyOf(rows);
    }

    /**
     * One row: means over the turns with a region report.
     *
     * @param label the category, or {@code all}
     * @param cases cases with at least one such turn
     * @param turns turns with a region report
     * @param deltaEBefore mean ΔE outside the region in the editor's result
     * @param deltaEAfter mean ΔE outside the region in the image kept
     * @param absBefore mean |RGB| difference outside, editor's result
     * @param absAfter mean |RGB| difference outside, image kept
     * @param ssimBefore mean SSIM outside, editor's result
     * @param ssimAfter mean SSIM outside, image kept
     * @param leaked turns whose editor result leaked (above the tolerance)
     * @param repaired turns put back by compositing
     * @param seamRefused turns left as they were because the composite would show a seam
     * @param maxSeam the largest seam excess among the repaired turns, levels per pixel (NaN when none)
     */
    public record Row(
            String label,
            int cases,
            int turns,
            double deltaEBefore,
            double deltaEAfter,
            double absBefore,
            double absAfter,
            double ssimBefore,
            double ssimAfter,
            int leaked,
            int repaired,
            int seamRefused,
            double maxSeam) {}

    /** Whether any case of the run was confined to a region. */
    public boolean present() {
        return !rows.isEmpty();
    }

    /** Reads the trajectories of the outcomes under {@code runDir}; cases without one are skipped. */
    public static RegionFigures read(Path runDir, List<CaseOutcome> outcomes) {
        Map<String, List<RegionReport>> byCategory = new LinkedHashMap<>();
        Map<String, Integer> casesByCategory = new LinkedHashMap<>();
        List<RegionReport> all = new ArrayList<>();
        int allCases = 0;
        for (CaseOutcome outcome : outcomes) {
            if (outcome.trajectory() == null || runDir == null) {
                continue;
            }
            Path file = runDir.resolve(outcome.trajectory());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Trajectory t;
            try {
                t = TrajectoryJson.read(file);
            } catch (RuntimeException e) {
                continue; // an unreadable trajectory is reported elsewhere; no region figures from it
            }
            List<RegionReport> reports = new ArrayList<>();
            for (Trajectory.TurnRecord turn : t.turns()) {
                if (turn.region() != null) {
                    reports.add(turn.region());
                }
            }
            if (reports.isEmpty()) {
                continue;
            }
            String category = outcome.benchCase().category();
            byCategory.computeIfAbsent(category, k -> new ArrayList<>()).addAll(reports);
            casesByCategory.merge(category, 1, Integer::sum);
            all.addAll(reports);
            allCases++;
        }
        List<Row> rows = new ArrayList<>();
        if (all.isEmpty()) {
            return new RegionFigures(rows);
        }
        byCategory.forEach((category, reports) -> rows.add(row(category, casesByCategory.get(category), reports)));
        rows.add(row("all", allCases, all));
        return new RegionFigures(rows);
    }

    private static Row row(String label, int cases, List<RegionReport> reports) {
        double deB = 0;
        double deA = 0;
        double abB = 0;
        double abA = 0;
        double ssB = 0;
        double ssA = 0;
        int leaked = 0;
        int repaired = 0;
        int refused = 0;
        double maxSeam = Double.NaN;
        for (RegionReport r : reports) {
            Preservation b = r.before();
            Preservation a = r.after();
            deB += b.meanDeltaE();
            deA += a.meanDeltaE();
            abB += b.meanAbsRgb();
            abA += a.meanAbsRgb();
            ssB += b.ssim();
            ssA += a.ssim();
            leaked += b.leaked() ? 1 : 0;
            if (RegionReport.REPAIRED.equals(r.action())) {
                repaired++;
                if (r.seam() != null) {
                    maxSeam = Double.isNaN(maxSeam)
                            ? r.seam().excess()
                            : Math.max(maxSeam, r.seam().excess());
                }
            }
            refused += RegionReport.SEAM_REFUSED.equals(r.action()) ? 1 : 0;
        }
        int n = reports.size();
        return new Row(
                label, cases, n, deB / n, deA / n, abB / n, abA / n, ssB / n, ssA / n, leaked, repaired, refused,
                maxSeam);
    }
}
