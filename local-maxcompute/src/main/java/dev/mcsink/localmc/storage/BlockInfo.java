package dev.mcsink.localmc.storage;

/** A block written to an {@link UploadStage}, as the tunnel lists it back to the client. */
public record BlockInfo(long blockId, long recordCount, long rawSizeBytes, long createTimeMillis) {}
