/**
 * Benchmark suites: one loader per data layout ({@code gedit}, {@code imgedit}, {@code kris}, {@code rise},
 * {@code jsonl}), and the registry that finds them by name ({@link dev.editloop.bench.suite.Suites}).
 *
 * <p>A loader returns cases that hold paths, never pixels: images stay on disk (GEdit's, which live inside its
 * parquet files, are written to the run folder as they are read). A missing image or a malformed record fails with one
 * line naming the file, the record and the field, e.g. {@code basic_edit.json: case "1082": image
 * animal/000342021.jpg not found under /data/imgedit}. {@link dev.editloop.bench.suite.SuiteSummary} renders what a
 * load found, per category, for the command line.
 */
package dev.editloop.bench.suite;
