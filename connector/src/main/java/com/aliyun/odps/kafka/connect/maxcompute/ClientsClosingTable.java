package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Odps;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A table that also owns the clients it was opened with, so closing the task's table stops them
 * too (the STS credentials refresher is a thread).
 */
public final class ClientsClosingTable implements MaxComputeTable {
  /** How one adapter opens its table: {@code BatchTunnelTable::open} or {@code StreamTunnelTable::open}. */
  @FunctionalInterface
  public interface Adapter {
    MaxComputeTable open(Odps odps, TableTunnel tunnel, SinkSettings settings);
  }

  private final MaxComputeTable table;
  private final AutoCloseable clients;

  private ClientsClosingTable(MaxComputeTable table, AutoCloseable clients) {
    this.table = table;
    this.clients = clients;
  }

  /**
   * Makes the SDK clients of {@code settings} and opens the table through {@code adapter}; on
   * failure the clients are closed again.
   *
   * @throws ConnectException when the table can't be read (missing, access refused);
   *     {@link TransientWriteException} when the service is unavailable: the caller waits it out
   */
  public static MaxComputeTable open(SinkSettings settings, Adapter adapter) {
    OdpsClientFactory clients = new OdpsClientFactory(settings);
    try {
      Odps odps = clients.createOdps();
      return new ClientsClosingTable(adapter.open(odps, clients.createTableTunnel(odps), settings), clients);
    } catch (RuntimeException e) {
      closeClients(clients);
      throw e;
    }
  }

  @Override
  public String name() {
    return table.name();
  }

  @Override
  public TableSchema schema() {
    return table.schema();
  }

  @Override
  public Record newRow() {
    return table.newRow();
  }

  @Override
  public List<String> primaryKey() {
    return table.primaryKey();
  }

  @Override
  public void write(String partition, WriteBatch batch) {
    table.write(partition, batch);
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    return table.committedOffsets(partitions);
  }

  @Override
  public void close() {
    try {
      table.close();
    } finally {
      closeClients(clients);
    }
  }

  private static void closeClients(AutoCloseable clients) {
    try {
      clients.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the MaxCompute clients: " + e.getMessage(), e);
    }
  }
}
