/** JMH benchmarks for the embedded backends: classic operations and whole loops on a 1024x1024 photo. */
package dev.editloop.perf;
