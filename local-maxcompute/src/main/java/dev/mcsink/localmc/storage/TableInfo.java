package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;

/**
 * A table as the catalog keeps it: definition, times and statistics of its committed rows, and the
 * properties that make it transactional or a Delta table.
 */
public record TableInfo(TableId id, TableSchema schema, String comment, long lifecycleDays,
    long createTimeMillis, long lastDdlTimeMillis, long lastModifiedTimeMillis,
    long recordCount, long sizeBytes, TableProperties properties) {}
