package dev.mcsink.reliability.delivery;

/** One partition of a topic at a moment: its first offset still stored, and the next offset to be written. */
record PartitionBounds(int partition, long first, long end) {}
