package dev.editloop.bench.suite;

import java.nio.file.Path;

/**
 * A benchmark's data layout: reads its files into {@link SuiteData}. One implementation per suite ({@code gedit},
 * {@code imgedit}, {@code kris}, {@code rise}, {@code jsonl}), found by name through {@link Suites}.
 */
public interface Suite {
    /** The name used on the command line, e.g. {@code rise}. */
    String name();

    /** One line: which benchmark this is. */
    String description();

    /** The data layout the loader expects under {@code --data}, a few lines of plain text. */
    String layout();

    /** The judge protocol this benchmark is scored with, e.g. {@code vie} for GEdit. */
    String protocol();

    /**
     * Reads the suite.
     *
     * @throws dev.editloop.core.InvalidInputException with one line naming the file, the record and the field, on a
     *     missing image or a malformed record
     */
    SuiteData load(Path data, SuiteOptions options);
}
