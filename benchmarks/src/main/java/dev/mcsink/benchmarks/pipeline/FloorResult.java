package dev.mcsink.benchmarks.pipeline;

/**
 * What the floor (the discarding sink) did with one data set.
 *
 * @param records records whose offsets the worker committed at the end (the whole data set)
 * @param span the worker's figures from creating the connector to the committed offsets reaching the
 *     end of the topic
 */
record FloorResult(long records, WorkerSpan span) {
  static final String LABEL = "floor (discarding sink)";
}
