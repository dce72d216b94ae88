/**
 * Benchmark reports: the benchmark's own table (per judge sample, with mean and spread), failures, loop figures and
 * judge-vs-thinker agreement ({@link dev.editloop.bench.report.BenchReport}), paired comparisons of two runs with
 * bootstrap intervals ({@link dev.editloop.bench.report.Comparison}), and the formats that print them
 * ({@link dev.editloop.bench.report.ReportFormat}: {@code table}, {@code json}, {@code csv}, {@code cases}, {@code
 * html}).
 */
package dev.editloop.bench.report;
