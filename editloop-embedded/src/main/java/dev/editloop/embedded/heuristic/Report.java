package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.heuristic.Assessment.Artifact;
import dev.editloop.embedded.heuristic.Assessment.Guard;
import dev.editloop.embedded.heuristic.Assessment.Reading;
import java.util.List;
import java.util.Locale;

/** Writes assessments and plans as the thinker's and judge's reasoning text. */
final class Report {
    private Report() {}

    /** "Request: …" and how it was read. */
    static void request(StringBuilder out, Intent intent) {
        out.append("Request: \"").append(intent.text()).append("\"\n");
        if (!intent.corrections().isEmpty()) {
            out.append("- spelling: ").append(intent.correctionNote()).append('\n');
        }
        if (!intent.concrete().isEmpty()) {
            out.append("- the editor understands: ")
                    .append(dev.editloop.embedded.classic.Action.instruction(intent.concrete()))
                    .append('\n');
        }
        for (Concept concept : intent.concepts()) {
            out.append("- abstract request \"")
                    .append(concept.title())
                    .append("\": ")
                    .append(concept.description())
                    .append('\n');
        }
        for (Intent.Blocked blocked : intent.blocked()) {
            out.append(blocked.impossible() ? "- impossible: \"" : "- not understood: \"")
                    .append(blocked.fragment())
                    .append("\": ")
                    .append(blocked.reason())
                    .append('\n');
        }
    }

    /** The measured effects, the preservation checks and the quality checks. */
    static void measurements(StringBuilder out, Assessment a) {
        out.append("Effects (edit measured against the source):\n");
        if (a.readings().isEmpty()) {
            out.append("- none expected\n");
        }
        for (Reading r : a.readings()) {
            out.append("- ").append(r.line()).append('\n');
        }
        out.append("Nothing else changed?\n");
        List<Guard> costly = a.guards().stream().filter(g -> g.penalty() > 0).toList();
        if (costly.isEmpty()) {
            out.append("- yes: ");
            out.append(String.join(
                    "; ",
                    a.guards().stream()
                            .map(g -> String.format(Locale.ROOT, "%s %.3f", g.name(), g.measured()))
                            .toList()));
            out.append('\n');
        }
        for (Guard g : costly) {
            out.append("- ").append(g.line()).append('\n');
        }
        out.append("Quality:\n");
        List<Artifact> costlyArtifacts =
                a.artifacts().stream().filter(x -> x.penalty() > 0).toList();
        if (costlyArtifacts.isEmpty()) {
            out.append("- no artifacts: ");
            out.append(String.join(
                    "; ",
                    a.artifacts().stream()
                            .map(x -> String.format(Locale.ROOT, "%s %.3g%s", x.name(), x.measured(), x.unit()))
                            .toList()));
            out.append('\n');
        }
        for (Artifact x : costlyArtifacts) {
            out.append("- ").append(x.line()).append('\n');
        }
    }

    /** "Scores: SC … PQ …" with how they were made. */
    static void scores(StringBuilder out, Assessment a) {
        out.append(String.format(
                Locale.ROOT,
                "Scores: SC %.1f = 10 × effects %.2f × preservation %.2f × doable %.2f; PQ %.1f = 10 − artifact"
                        + " penalties.%n",
                a.semantic(),
                a.achievement(),
                a.preservation(),
                a.doableShare(),
                a.quality()));
        if (a.cap() != null) {
            out.append(a.cap()).append(".\n");
        }
    }

    /** The tagged text real thinkers reply with. */
    static String tagged(String think, double semantic, double quality, String answer) {
        return "<think>\n" + think.strip() + "\n</think>\n"
                + String.format(
                        Locale.ROOT, "<score>{\"semantic\": %.1f, \"quality\": %.1f}</score>%n", semantic, quality)
                + "<answer>" + (answer == null ? "" : answer) + "</answer>";
    }
}
