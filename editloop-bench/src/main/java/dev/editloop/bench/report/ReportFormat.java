package dev.editloop.bench.report;

import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One way to print a {@link BenchReport} (and any comparisons with other runs): {@code table}, {@code json},
 * {@code csv}, {@code cases} or {@code html}, found by name with {@link #get}. Every format starts with the report's
 * notes: where the figures depart from the benchmark's official code.
 */
public interface ReportFormat {
    /** The name used with {@code --format}. */
    String name();

    /** One line: what the format holds and who reads it. */
    String description();

    /** The file name a report in this format is given in the run folder, e.g. {@code bench-report.html}. */
    String fileName();

    /**
     * Writes the report as UTF-8 text. Does not close the stream.
     *
     * @param comparisons comparisons of other runs against this one ({@code --vs}), possibly empty
     * @param runDir the run folder: image and trajectory paths in the outcomes are relative to it (the {@code html}
     *     page links its images relative to it, so the page belongs in that folder)
     */
    void write(BenchReport report, List<Comparison> comparisons, Path runDir, OutputStream out) throws IOException;

    /** Every format, in the order of {@link #names()}. */
    static List<ReportFormat> all() {
        return List.of(new TableFormat(), new JsonFormat(), new CsvFormat(), new CasesFormat(), new HtmlFormat());
    }

    /** The formats' names. */
    static List<String> names() {
        return all().stream().map(ReportFormat::name).toList();
    }

    /**
     * The format with this name.
     *
     * @throws InvalidInputException naming the formats there are
     */
    static ReportFormat get(String name) {
        return all().stream()
                .filter(f -> f.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown report format '" + name + "'; formats: " + String.join(", ", names())));
    }
}
