package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.WriteBatch;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/** An in-memory table: remembers every write and can be told to fail transiently or for good. */
final class FakeTable implements MaxComputeTable {
  /** One call of {@link #write}: the partition and the rows as they were then. */
  static final class Write {
    final String partition;
    final List<Record> rows;
    final boolean succeeded;

    Write(String partition, List<Record> rows, boolean succeeded) {
      this.partition = partition;
      this.rows = rows;
      this.succeeded = succeeded;
    }
  }

  private final TableSchema schema = new TableSchema();
  private final List<Write> writes = new ArrayList<>();
  private int transientFailuresLeft;
  private boolean failPermanently;
  private boolean closed;
  private Map<TopicPartition, Long> alreadyCommitted = Map.of();
  private int committedOffsetsFailuresLeft;

  private final String name;

  FakeTable() {
    this("p.tbl");
  }

  FakeTable(String name) {
    this.name = name;
    schema.addColumn(new Column("topic", OdpsType.STRING));
    schema.addColumn(new Column("partition", OdpsType.BIGINT));
    schema.addColumn(new Column("offset", OdpsType.BIGINT));
    schema.addColumn(new Column("value", OdpsType.STRING));
    schema.addPartitionColumn(new Column("pt", OdpsType.STRING));
  }

  void failTransiently(int times) {
    transientFailuresLeft = times;
  }

  void failPermanently() {
    failPermanently = true;
  }

  /** What {@link #committedOffsets} answers, as an exactly-once table would. */
  void alreadyCommitted(Map<TopicPartition, Long> offsets) {
    alreadyCommitted = offsets;
  }

  void failCommittedOffsetsTransiently(int times) {
    committedOffsetsFailuresLeft = times;
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    if (committedOffsetsFailuresLeft > 0) {
      committedOffsetsFailuresLeft--;
      throw new TransientWriteException("HTTP 503: service unavailable", null);
    }
    Map<TopicPartition, Long> answer = new HashMap<>(alreadyCommitted);
    answer.keySet().retainAll(partitions);
    return answer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TableSchema schema() {
    return schema;
  }

  @Override
  public Record newRow() {
    return new ArrayRecord(schema);
  }

  @Override
  public List<String> primaryKey() {
    return List.of();
  }

  @Override
  public void write(String partition, WriteBatch batch) {
    List<Object[]> rows = batch.rows();
    List<Record> copy = new ArrayList<>(rows.size());
    for (Object[] values : rows) {
      copy.add(new ArrayRecord(schema.getColumns().toArray(new Column[0]), values));
    }
    if (failPermanently) {
      writes.add(new Write(partition, copy, false));
      throw new ConnectException("HTTP 400: bad data");
    }
    if (transientFailuresLeft > 0) {
      transientFailuresLeft--;
      writes.add(new Write(partition, copy, false));
      throw new TransientWriteException("HTTP 503: service unavailable", null);
    }
    writes.add(new Write(partition, copy, true));
  }

  @Override
  public void close() {
    closed = true;
  }

  List<Write> attempts() {
    return writes;
  }

  List<Write> committedWrites() {
    List<Write> ok = new ArrayList<>();
    for (Write w : writes) {
      if (w.succeeded) {
        ok.add(w);
      }
    }
    return ok;
  }

  /** "topic/partition/offset" of every committed row, in commit order. */
  List<String> committedPositions() {
    List<String> positions = new ArrayList<>();
    for (Write w : committedWrites()) {
      for (Record r : w.rows) {
        positions.add(r.getString("topic") + "/" + r.getBigint("partition") + "/" + r.getBigint("offset"));
      }
    }
    return positions;
  }

  boolean closed() {
    return closed;
  }
}
