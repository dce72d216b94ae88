/**
 * The concurrent, resumable benchmark runner: {@link dev.editloop.bench.run.BenchRunner} runs a suite's cases through
 * the loop and the judge K at a time on virtual threads, commits each case to the result store, caches backend answers
 * by content, re-judges finished runs and estimates runs before they start.
 */
package dev.editloop.bench.run;
