package dev.mcsink.localmc.activity;

import dev.mcsink.localmc.types.TableId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Per-table counters of tunnel operations, for benchmarks that report what a client really sent.
 * The tunnel calls the {@code on...} methods after an operation succeeded; they are on the
 * ingestion path, hence LongAdders and no lock. A snapshot reads each counter on its own, so one
 * taken during traffic may be a few operations apart between fields.
 */
public final class TunnelActivity {
  private final Map<TableId, Counters> tables = new ConcurrentHashMap<>();

  public void onUploadSessionCreated(TableId table) {
    counters(table).uploadSessions.increment();
  }

  public void onBlockWritten(TableId table) {
    counters(table).blocks.increment();
  }

  public void onCommitted(TableId table, long rows) {
    Counters c = counters(table);
    c.commits.increment();
    c.committedRows.add(rows);
  }

  public void onStreamSessionCreated(TableId table) {
    counters(table).streamSessions.increment();
  }

  public void onStreamPackWritten(TableId table, long rows) {
    Counters c = counters(table);
    c.streamPacks.increment();
    c.streamRows.add(rows);
  }

  /** Tables the tunnel has seen since the last reset. */
  public Map<TableId, TableActivity> snapshot() {
    return tables.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().read()));
  }

  /** The table's counters; all zero for a table the tunnel has not seen. */
  public TableActivity of(TableId table) {
    Counters c = tables.get(table);
    return c == null ? TableActivity.NONE : c.read();
  }

  /**
   * Forgets every table. An operation finishing while this runs may land in the counters just
   * dropped: reset between runs, not during one.
   */
  public void reset() {
    tables.clear();
  }

  private Counters counters(TableId table) {
    // get first: computeIfAbsent may lock the bin even when the key is present.
    Counters c = tables.get(table);
    return c != null ? c : tables.computeIfAbsent(table, t -> new Counters());
  }

  private static final class Counters {
    final LongAdder uploadSessions = new LongAdder();
    final LongAdder blocks = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder committedRows = new LongAdder();
    final LongAdder streamSessions = new LongAdder();
    final LongAdder streamPacks = new LongAdder();
    final LongAdder streamRows = new LongAdder();

    TableActivity read() {
      return new TableActivity(uploadSessions.sum(), blocks.sum(), commits.sum(), committedRows.sum(),
          streamSessions.sum(), streamPacks.sum(), streamRows.sum());
    }
  }
}
