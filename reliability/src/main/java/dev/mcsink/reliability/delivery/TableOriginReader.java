package dev.mcsink.reliability.delivery;

import com.aliyun.odps.data.Record;
import dev.mcsink.mcsql.ConnectionSettings;
import java.util.List;

/**
 * Reads the {@code topic}, {@code partition} and {@code offset} columns of a table and hands on
 * the origin of each row of the checked topic.
 */
final class TableOriginReader {
  static final List<String> ORIGIN_COLUMNS = List.of("topic", "partition", "offset");

  /** Receives the Kafka partition and offset of each row whose topic is the checked one. */
  interface OriginRows {
    void row(int partition, long offset);
  }

  /**
   * @param tablePartitions   the partitions read, as their specs ("" for a table without partitions)
   * @param rowsWithoutOrigin rows of the topic whose partition or offset is NULL or out of range
   */
  record TableScan(List<String> tablePartitions, long rowsOfTopic, long rowsWithoutOrigin) {}

  private final TableColumnsReader table;

  /** @param tunnelEndpoint null to let the SDK ask the service for it */
  TableOriginReader(ConnectionSettings settings, String tunnelEndpoint) {
    table = new TableColumnsReader(settings, tunnelEndpoint);
  }

  /** @param wantedSpecs partition specs to read ({@link TableColumnsReader#read}); empty for every partition */
  TableScan read(String tableName, List<String> wantedSpecs, String topic, OriginRows rows) {
    Counts counts = new Counts();
    List<String> read = table.read(tableName, wantedSpecs, ORIGIN_COLUMNS, record -> {
      if (topic.equals(record.getString(0))) {
        counts.rowsOfTopic++;
        Long partition = asLong(record.get(1));
        Long offset = asLong(record.get(2));
        if (partition == null || offset == null || partition < 0 || partition > Integer.MAX_VALUE) {
          counts.rowsWithoutOrigin++;
        } else {
          rows.row(partition.intValue(), offset);
        }
      }
    });
    return new TableScan(read, counts.rowsOfTopic, counts.rowsWithoutOrigin);
  }

  /** BIGINT in the product document's tables; INT and smaller integers work too. */
  private static Long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  private static final class Counts {
    long rowsOfTopic;
    long rowsWithoutOrigin;
  }
}
