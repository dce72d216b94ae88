/**
 * Benchmarks: the values shared by suites, judge protocols, the runner, its store and its reports.
 *
 * <p>Subpackages: {@code suite} (loaders of each benchmark's data layout), {@code protocol} (what a judge is asked
 * and how each benchmark aggregates the answers), {@code store} (the run's durable results: SQLite or PostgreSQL),
 * {@code run} (the concurrent, resumable runner) and {@code report} (tables, comparisons, HTML).
 */
package dev.editloop.bench;
