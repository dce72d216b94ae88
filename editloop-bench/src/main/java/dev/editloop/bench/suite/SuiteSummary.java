package dev.editloop.bench.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain-text lines the CLI prints about suites: the cases a load found per category, and the catalogue of suites. */
public final class SuiteSummary {
    private static final int SHOWN_SKIPPED_IDS = 5;

    private SuiteSummary() {}

    /**
     * The cases found per category, then what was skipped and why, e.g. {@code rise: 64 cases: temporal_reasoning
     * 16, causal_reasoning 16, spatial_reasoning 16, logical_reasoning 16; skipped 0}.
     */
    public static List<String> lines(SuiteData data) {
        List<String> lines = new ArrayList<>();
        String counts = data.countsByCategory().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        lines.add(data.suite() + ": " + data.cases().size() + " "
                + (data.cases().size() == 1 ? "case" : "cases") + (counts.isEmpty() ? "" : ": " + counts) + "; skipped "
                + data.skipped().size());
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        data.skipped()
                .forEach((id, reason) ->
                        byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(id));
        byReason.forEach((reason, ids) -> {
            String shown = ids.stream().limit(SHOWN_SKIPPED_IDS).collect(Collectors.joining(", "));
            String more = ids.size() > SHOWN_SKIPPED_IDS ? ", and " + (ids.size() - SHOWN_SKIPPED_IDS) + " more" : "";
            lines.add("  skipped " + ids.size() + " (" + reason + "): " + shown + more);
        });
        return lines;
    }

    /** {@link #lines} joined with newlines. */
    public static String render(SuiteData data) {
        return String.join("\n", lines(data));
    }

    /** Every suite with its description, judge protocol and expected data layout, for {@code editloop bench suites}. */
    public static String catalog() {
        StringBuilder out = new StringBuilder();
        for (Suite suite : Suites.all()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(suite.name())
                    .append(": ")
                    .append(suite.description())
                    .append(" (judged with protocol ")
                    .append(suite.protocol())
                    .append(")\n");
            suite.layout()
                    .lines()
                    .forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString();
    }
}
