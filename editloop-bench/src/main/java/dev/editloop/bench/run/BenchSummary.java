package dev.editloop.bench.run;

import java.time.Duration;

/**
 * How a runner session ended.
 *
 * @param progress the last progress (cases by state, calls)
 * @param cancelled whether the session was cancelled (cases in flight were given back open for the next resume)
 * @param complete whether every case of the run is finished (done or failed); the store's end time is set then
 * @param wall the session's wall time
 */
public record BenchSummary(BenchProgress progress, boolean cancelled, boolean complete, Duration wall) {}
