package dev.mcsink.localmc.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link StageLock} of each open upload, shared by every handle to that upload's stage. */
final class StageLocks {
  private final Map<String, StageLock> locks = new ConcurrentHashMap<>();

  StageLock of(String uploadId) {
    return locks.computeIfAbsent(uploadId, k -> new StageLock());
  }

  /** Called once the upload is committed or discarded. */
  void forget(String uploadId) {
    locks.remove(uploadId);
  }
}
