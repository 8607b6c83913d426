package dev.mcsink.benchmarks.pipeline;

/**
 * One look at a run in progress.
 *
 * @param seconds since the connector was created
 * @param rows rows committed in the table so far
 */
record Sample(double seconds, long rows) {
}
