package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.storage.KeyedChange;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The records of one upsert write. Each carries the table's data columns, then the hidden columns
 * the SDK appends to an upsert session's record schema: version, app version, operation ('U'
 * upsert, 'D' delete), key columns and value columns (a partial update's column ids; none here).
 */
final class UpsertPack {
  private static final byte UPSERT = 'U';
  private static final byte DELETE = 'D';
  private static final List<Column> META = List.of(
      new Column("__version", MaxComputeType.parse("BIGINT"), "", true),
      new Column("__app_version", MaxComputeType.parse("BIGINT"), "", true),
      new Column("__operation", MaxComputeType.parse("TINYINT"), "", true),
      new Column("__key_cols", MaxComputeType.parse("ARRAY<BIGINT>"), "", true),
      new Column("__value_cols", MaxComputeType.parse("ARRAY<BIGINT>"), "", true));

  private final TableInfo table;
  private final List<Column> keyColumns = new ArrayList<>();
  private final int[] keyIndexes;

  UpsertPack(TableInfo table) {
    this.table = table;
    List<String> key = table.properties().primaryKey();
    this.keyIndexes = new int[key.size()];
    for (int i = 0; i < key.size(); i++) {
      keyIndexes[i] = table.schema().indexOf(key.get(i));
      keyColumns.add(table.schema().columns().get(keyIndexes[i]));
    }
  }

  /** The record schema the SDK writes with: data columns, then the hidden ones. */
  List<Column> recordColumns() {
    List<Column> columns = new ArrayList<>(table.schema().columns());
    columns.addAll(META);
    return columns;
  }

  /**
   * The changes the records carry, in order; refuses the whole pack if a record lacks a key value,
   * names an unknown operation or partial columns, or belongs to another bucket than the one written.
   */
  List<KeyedChange> decode(List<Object[]> records, int bucket) {
    int data = table.schema().columns().size();
    List<KeyedChange> changes = new ArrayList<>(records.size());
    for (Object[] record : records) {
      Object[] row = Arrays.copyOf(record, data);
      Object[] key = new Object[keyIndexes.length];
      for (int i = 0; i < keyIndexes.length; i++) {
        key[i] = row[keyIndexes[i]];
        if (key[i] == null) {
          throw ServiceException.badRequest("MalformedDataStream",
              "An upsert record has no value for primary key column " + keyColumns.get(i).name());
        }
      }
      OptionalInt expected = KeyBuckets.bucket(keyColumns, key, table.properties().bucketNum());
      if (expected.isPresent() && expected.getAsInt() != bucket) {
        throw ServiceException.badRequest("InvalidBucket", "A record with primary key " + Arrays.toString(key)
            + " belongs to bucket " + expected.getAsInt() + " but was written to bucket " + bucket);
      }
      Object valueColumns = record[data + 4];
      if (valueColumns instanceof List<?> list && !list.isEmpty()) {
        throw ServiceException.badRequest("InvalidArgument", "Partial update is not supported by table "
            + table.id() + " (acid.partial.fields.update.enable is not set)");
      }
      Object operation = record[data + 2];
      if (operation instanceof Byte op && op == UPSERT) {
        changes.add(KeyedChange.upsert(row));
      } else if (operation instanceof Byte op && op == DELETE) {
        changes.add(KeyedChange.delete(row));
      } else {
        throw ServiceException.badRequest("MalformedDataStream", "Unknown upsert operation " + operation);
      }
    }
    return changes;
  }
}
