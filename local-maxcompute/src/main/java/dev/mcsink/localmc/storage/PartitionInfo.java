package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;

/** A partition as the catalog keeps it: times and statistics of its committed rows. */
public record PartitionInfo(PartitionSpec spec, long createTimeMillis, long lastDdlTimeMillis,
    long lastModifiedTimeMillis, long recordCount, long sizeBytes) {}
