package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import java.util.List;

/**
 * A table that also owns the clients it was opened with, so closing the task's table stops them
 * too (the STS credentials refresher is a thread).
 */
final class ClientsClosingTable implements MaxComputeTable {
  private final MaxComputeTable table;
  private final AutoCloseable clients;

  ClientsClosingTable(MaxComputeTable table, AutoCloseable clients) {
    this.table = table;
    this.clients = clients;
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
  public void write(String partition, List<Object[]> rows) {
    table.write(partition, rows);
  }

  @Override
  public void close() {
    try {
      table.close();
    } finally {
      closeClients(clients);
    }
  }

  static void closeClients(AutoCloseable clients) {
    try {
      clients.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the MaxCompute clients: " + e.getMessage(), e);
    }
  }
}
