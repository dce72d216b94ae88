package dev.editloop.bench.suite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read a suite.
 *
 * @param language GEdit's {@code instruction_language} to keep ({@code en} or {@code cn}); other suites ignore it
 * @param workDir a folder where suites whose images live inside their data files (GEdit's parquet) write them, one
 *     file per case, as they are read
 */
public record SuiteOptions(String language, Path workDir) {
    public SuiteOptions {
        language = language == null || language.isBlank() ? "en" : language;
        Objects.requireNonNull(workDir, "workDir");
    }
}
