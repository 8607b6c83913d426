package dev.mcsink.benchmarks.pipeline;

/** The local MaxCompute's count of tunnel operations on a table. */
record TunnelCounts(long uploadSessions, long blocks, long commits, long streamSessions, long streamPacks) {
}
