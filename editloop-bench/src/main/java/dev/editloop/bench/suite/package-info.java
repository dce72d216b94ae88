/** Benchmark suites: one loader per data layout, and the registry that finds them by name. */
package dev.editloop.bench.suite;
