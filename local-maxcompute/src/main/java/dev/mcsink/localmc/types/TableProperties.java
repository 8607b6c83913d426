package dev.mcsink.localmc.types;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table properties that change how a table is written: {@code "transactional"="true"} and,
 * with a primary key as well, a Delta table (Transaction Table 2.0) whose rows are upserted by key
 * into {@code write.bucket.num} hash buckets.
 */
public record TableProperties(boolean transactional, List<String> primaryKey, int bucketNum) {
  /** What a plain table has. */
  public static final TableProperties NONE = new TableProperties(false, List.of(), 0);
  /** The service's {@code write.bucket.num} when the DDL does not set it. */
  public static final int DEFAULT_BUCKET_NUM = 16;
  /** The largest {@code write.bucket.num} the service accepts. */
  public static final int MAX_BUCKET_NUM = 4096;

  /** Types a key column may have: those the SDK can hash to pick a bucket. */
  public static final Set<MaxComputeType.Kind> KEY_KINDS = EnumSet.of(MaxComputeType.Kind.BIGINT,
      MaxComputeType.Kind.INT, MaxComputeType.Kind.SMALLINT, MaxComputeType.Kind.TINYINT,
      MaxComputeType.Kind.STRING, MaxComputeType.Kind.VARCHAR, MaxComputeType.Kind.CHAR,
      MaxComputeType.Kind.BINARY, MaxComputeType.Kind.BOOLEAN, MaxComputeType.Kind.DATE,
      MaxComputeType.Kind.DATETIME, MaxComputeType.Kind.TIMESTAMP, MaxComputeType.Kind.TIMESTAMP_NTZ,
      MaxComputeType.Kind.DECIMAL, MaxComputeType.Kind.DOUBLE, MaxComputeType.Kind.FLOAT);

  public TableProperties {
    List<String> lower = new ArrayList<>();
    for (String column : primaryKey) {
      lower.add(column.toLowerCase(Locale.ROOT));
    }
    primaryKey = List.copyOf(lower);
  }

  /** A Delta table: transactional with a primary key. */
  public boolean isDelta() {
    return transactional && !primaryKey.isEmpty();
  }

  /**
   * Refuses what the service refuses: a primary key without "transactional"="true", a key column
   * that is not a data column or is nullable, a bucket number out of range.
   */
  public void check(TableSchema schema) {
    if (primaryKey.isEmpty()) {
      return;
    }
    if (!transactional) {
      throw new IllegalArgumentException("Primary key is only supported for transactional table, "
          + "set tblproperties (\"transactional\"=\"true\")");
    }
    if (primaryKey.stream().distinct().count() != primaryKey.size()) {
      throw new IllegalArgumentException("Primary key " + primaryKey + " names a column twice");
    }
    for (String key : primaryKey) {
      if (schema.partitionColumns().stream().anyMatch(c -> c.name().equals(key))) {
        throw new IllegalArgumentException("Partition column " + key + " cannot be a primary key column");
      }
      Column column = schema.column(key).orElseThrow(() -> new IllegalArgumentException(
          "Primary key column " + key + " does not exist"));
      if (column.nullable()) {
        throw new IllegalArgumentException("Primary key column " + key + " must be NOT NULL");
      }
      if (!KEY_KINDS.contains(column.type().kind())) {
        throw new IllegalArgumentException("Primary key column " + key + " cannot be of type "
            + column.type().typeName());
      }
    }
    if (bucketNum < 1 || bucketNum > MAX_BUCKET_NUM) {
      throw new IllegalArgumentException("write.bucket.num must be in [1, " + MAX_BUCKET_NUM + "], got " + bucketNum);
    }
  }
}
