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
import java.util.function.Consumer;

/**
 * Reads chosen columns of a table through the Tunnel (a download session per table partition, only
 * those columns). Not SQL: the service caps a SELECT's result at 10,000 rows. A Delta table reads
 * as its current rows, one per primary key.
 */
final class TableColumnsReader {
  /** Rows per reader: one long-lived HTTP response per table partition would be fragile. */
  private static final long ROWS_PER_READER = 1_000_000;

  private final Odps odps;
  private final TableTunnel tunnel;
  private final String project;
  private final String schema;

  /** @param tunnelEndpoint null to let the SDK ask the service for it */
  TableColumnsReader(ConnectionSettings settings, String tunnelEndpoint) {
    odps = settings.client();
    tunnel = new TableTunnel(odps);
    if (tunnelEndpoint != null) {
      tunnel.setEndpoint(tunnelEndpoint);
    }
    project = settings.project();
    schema = settings.schema();
  }

  /**
   * Hands each row to {@code each}: a record of the {@code columnNames} columns, in that order.
   *
   * @param wantedSpecs partition specs to read (a partition matches a spec when it has every
   *                    key=value of it, so {@code pt='a'} selects all of pt='a' in a table also
   *                    partitioned by another key); empty for every partition
   * @return the partitions read, as their specs ("" for a table without partitions)
   */
  List<String> read(String tableName, List<String> wantedSpecs, List<String> columnNames, Consumer<Record> each) {
    try {
      Table table = existingTable(tableName);
      List<Column> columns = columns(table, columnNames);
      List<String> read = new ArrayList<>();
      for (PartitionSpec spec : partitionsToRead(table, wantedSpecs)) {
        readPartition(tableName, spec, columns, each);
        read.add(spec == null ? "" : spec.toString());
      }
      return read;
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

  /** The named columns, in that order; the service names columns in lower case. */
  private static List<Column> columns(Table table, List<String> names) {
    List<Column> found = new ArrayList<>();
    for (String name : names) {
      Column column = table.getSchema().getColumns().stream()
          .filter(c -> c.getName().equalsIgnoreCase(name.toLowerCase(Locale.ROOT)))
          .findFirst()
          .orElseThrow(() -> new DeliveryCheckException("table " + table.getName() + " has no column "
              + name + " (the check needs " + String.join(", ", names) + ")"));
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

  private void readPartition(String tableName, PartitionSpec spec, List<Column> columns, Consumer<Record> each)
      throws TunnelException, IOException {
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
          each.accept(record);
        }
      }
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    if ((message == null || message.isBlank()) && e.getCause() != null) {
      message = e.getCause().getMessage();
    }
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
