package dev.mcsink.reliability.delivery;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Partition;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.TunnelRecordReader;
import dev.mcsink.mcsql.ConnectionSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code topic}, {@code partition} and {@code offset} columns of a table through the
 * Tunnel (a download session per table partition, only those three columns). Not SQL: the service
 * caps a SELECT's result at 10,000 rows.
 */
final class TableOriginReader {
  static final List<String> ORIGIN_COLUMNS = List.of("topic", "partition", "offset");
  /** Rows per reader: one long-lived HTTP response per table partition would be fragile. */
  private static final long ROWS_PER_READER = 1_000_000;

  /** Receives the Kafka partition and offset of each row whose topic is the checked one. */
  interface OriginRows {
    void row(int partition, long offset);
  }

  /**
   * @param tablePartitions   the partitions read, as their specs ("" for a table without partitions)
   * @param rowsWithoutOrigin rows of the topic whose partition or offset is NULL or out of range
   */
  record TableScan(List<String> tablePartitions, long rowsOfTopic, long rowsWithoutOrigin) {}

  private final Odps odps;
  private final TableTunnel tunnel;
  private final String project;
  private final String schema;

  /** @param tunnelEndpoint null to let the SDK ask the service for it */
  TableOriginReader(ConnectionSettings settings, String tunnelEndpoint) {
    odps = settings.client();
    tunnel = new TableTunnel(odps);
    if (tunnelEndpoint != null) {
      tunnel.setEndpoint(tunnelEndpoint);
    }
    project = settings.project();
    schema = settings.schema();
  }

  /**
   * @param wantedSpecs partition specs to read (a partition matches a spec when it has every
   *                    key=value of it, so {@code pt='a'} selects all of pt='a' in a table also
   *                    partitioned by another key); empty for every partition
   */
  TableScan read(String tableName, List<String> wantedSpecs, String topic, OriginRows rows) {
    try {
      Table table = existingTable(tableName);
      List<Column> columns = originColumns(table);
      List<PartitionSpec> partitions = partitionsToRead(table, wantedSpecs);
      Counts counts = new Counts();
      List<String> read = new ArrayList<>();
      for (PartitionSpec spec : partitions) {
        readPartition(tableName, spec, columns, topic, rows, counts);
        read.add(spec == null ? "" : spec.toString());
      }
      return new TableScan(read, counts.rowsOfTopic, counts.rowsWithoutOrigin);
    } catch (DeliveryCheckException e) {
      throw e;
    } catch (OdpsException | IOException | RuntimeException e) {
      // RuntimeException too: the SDK's lazy loads (schema, partitions) throw ReloadException.
      throw new DeliveryCheckException("cannot read table " + tableName + " from MaxCompute at "
          + odps.getEndpoint() + ": " + describe(e), e);
    }
  }

  private Table existingTable(String tableName) throws OdpsException {
    if (!odps.tables().exists(project, schema, tableName)) {
      throw new DeliveryCheckException("table " + tableName + " does not exist in project " + project
          + (schema == null ? "" : " schema " + schema));
    }
    Table table = odps.tables().get(project, schema, tableName);
    table.reload();
    return table;
  }

  /** The three origin columns, in {@link #ORIGIN_COLUMNS} order; the service names columns in lower case. */
  private static List<Column> originColumns(Table table) {
    List<Column> found = new ArrayList<>();
    for (String name : ORIGIN_COLUMNS) {
      Column column = table.getSchema().getColumns().stream()
          .filter(c -> c.getName().toLowerCase(Locale.ROOT).equals(name))
          .findFirst()
          .orElseThrow(() -> new DeliveryCheckException("table " + table.getName() + " has no column "
              + name + " (the check needs " + String.join(", ", ORIGIN_COLUMNS) + ")"));
      found.add(column);
    }
    return found;
  }

  /** A list holding null for a table without partitions. */
  private static List<PartitionSpec> partitionsToRead(Table table, List<String> wantedSpecs) {
    List<PartitionSpec> wanted = wantedSpecs.stream().map(PartitionSpec::new).toList();
    if (!table.isPartitioned()) {
      if (!wanted.isEmpty()) {
        throw new DeliveryCheckException("table " + table.getName() + " has no partitions; drop --partition-spec");
      }
      return Collections.singletonList(null);
    }
    List<PartitionSpec> selected = new ArrayList<>();
    for (Partition partition : table.getPartitions()) {
      PartitionSpec spec = partition.getPartitionSpec();
      if (wanted.isEmpty() || wanted.stream().anyMatch(w -> matches(spec, w))) {
        selected.add(spec);
      }
    }
    return selected;
  }

  private static boolean matches(PartitionSpec partition, PartitionSpec wanted) {
    return wanted.keys().stream().allMatch(k -> wanted.get(k).equals(partition.get(k)));
  }

  private void readPartition(String tableName, PartitionSpec spec, List<Column> columns, String topic,
      OriginRows rows, Counts counts) throws TunnelException, IOException {
    TableTunnel.DownloadSessionBuilder builder = tunnel.buildDownloadSession(project, tableName).setSchemaName(schema);
    if (spec != null) {
      builder.setPartitionSpec(spec);
    }
    TableTunnel.DownloadSession session = builder.build();
    long total = session.getRecordCount();
    for (long start = 0; start < total; start += ROWS_PER_READER) {
      try (TunnelRecordReader reader =
          session.openRecordReader(start, Math.min(ROWS_PER_READER, total - start), true, columns)) {
        for (Record record = reader.read(); record != null; record = reader.read()) {
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
        }
      }
    }
  }

  /** BIGINT in the product document's tables; INT and smaller integers work too. */
  private static Long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    if ((message == null || message.isBlank()) && e.getCause() != null) {
      message = e.getCause().getMessage();
    }
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static final class Counts {
    long rowsOfTopic;
    long rowsWithoutOrigin;
  }
}
