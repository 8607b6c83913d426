package dev.mcsink.localmc.activity;

/**
 * What the tunnel did for one table since the start or the last reset. Batch: upload sessions
 * created, blocks stored, sessions committed (a retried commit counts once) and the rows of the
 * committed blocks. Streaming: sessions created, record packs stored (one per write request) and
 * their rows. Only operations that succeeded are counted.
 */
public record TableActivity(long uploadSessions, long blocks, long commits, long committedRows,
    long streamSessions, long streamPacks, long streamRows) {
  public static final TableActivity NONE = new TableActivity(0, 0, 0, 0, 0, 0, 0);
}
