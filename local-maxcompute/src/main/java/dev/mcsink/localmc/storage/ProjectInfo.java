package dev.mcsink.localmc.storage;

/** A project as the catalog keeps it. */
public record ProjectInfo(String name, long creationTimeMillis, String comment) {}
