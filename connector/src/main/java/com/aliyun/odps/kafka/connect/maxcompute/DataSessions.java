package com.aliyun.odps.kafka.connect.maxcompute;

/**
 * The data upload sessions an offsets entry names, as the reader of the state table needs them:
 * whether one is committed, and finishing the commit of one that was fully uploaded but not
 * committed. A fake stands behind it in unit tests.
 */
interface DataSessions {
  /** What became of an upload session. */
  enum State {
    /** Committed: its rows are in the table. */
    COMMITTED,
    /** Every block uploaded (the entry was written after them), not committed yet. */
    UPLOADED,
    /** Expired, aborted or unknown to the service: its rows are not in the table and never will be. */
    GONE
  }

  /** @throws TransientWriteException when the service can't be asked now */
  State stateOf(OffsetEntry entry);

  /**
   * Commits the session's blocks 0..blockCount-1; an answer that it is committed already counts as
   * success.
   *
   * @throws TransientWriteException when the service can't be asked now
   * @throws org.apache.kafka.connect.errors.ConnectException when it refuses the commit
   */
  void commit(OffsetEntry entry);
}
