package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.storage.KeyedChange;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.types.PartitionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One upsert session: its table as it was when the session began, its partition, slots, status
 * and the change set written so far, which stays invisible until commit. Guarded by its own monitor.
 */
final class UpsertSession {
  enum Status {
    NORMAL, COMMITTING, COMMITTED, ABORTED, EXPIRED;

    /** As the SDK compares it (TunnelConstants.SESSION_STATUS_*). */
    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  final String id;
  final TableInfo table;
  final PartitionSpec partition;
  final int slotCount;
  final long expiresAtMillis;
  private Status status = Status.NORMAL;
  private final List<KeyedChange> changes = new ArrayList<>();

  UpsertSession(String id, TableInfo table, PartitionSpec partition, int slotCount, long expiresAtMillis) {
    this.id = id;
    this.table = table;
    this.partition = partition;
    this.slotCount = slotCount;
    this.expiresAtMillis = expiresAtMillis;
  }

  /** The status at {@code nowMillis}: an open session past its lifecycle has expired (and drops its changes). */
  synchronized Status status(long nowMillis) {
    if (status == Status.NORMAL && nowMillis >= expiresAtMillis) {
      status = Status.EXPIRED;
      changes.clear();
    }
    return status;
  }

  /** The slot serving a bucket: buckets are dealt round-robin over the slots. */
  int slotOf(int bucket) {
    return bucket % slotCount;
  }

  synchronized void add(List<KeyedChange> written, long nowMillis) {
    requireOpen(nowMillis, "write to");
    changes.addAll(written);
  }

  /**
   * Moves an open session to COMMITTING and hands over its change set; a session committed
   * already answers null (a retried commit whose first answer was lost).
   */
  synchronized List<KeyedChange> beginCommit(long nowMillis) {
    if (status(nowMillis) == Status.COMMITTED) {
      return null;
    }
    requireOpen(nowMillis, "commit");
    status = Status.COMMITTING;
    return List.copyOf(changes);
  }

  /** Ends a commit: COMMITTED when the change set was applied, otherwise open again for a retry. */
  synchronized void endCommit(boolean applied) {
    status = applied ? Status.COMMITTED : Status.NORMAL;
    if (applied) {
      changes.clear();
    }
  }

  /** Discards the change set; aborting twice is harmless, aborting a committed session is refused. */
  synchronized void abort(long nowMillis) {
    Status now = status(nowMillis);
    if (now == Status.ABORTED) {
      return;
    }
    if (now != Status.NORMAL && now != Status.EXPIRED) {
      throw TunnelErrors.statusConflict("upsert session " + id + " is " + now.wire());
    }
    status = Status.ABORTED;
    changes.clear();
  }

  private void requireOpen(long nowMillis, String what) {
    Status now = status(nowMillis);
    if (now != Status.NORMAL) {
      throw TunnelErrors.statusConflict("cannot " + what + " upsert session " + id + ", it is " + now.wire());
    }
  }
}
