package dev.mcsink.localmc.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Locks of one upload: blocks are written in parallel (a client writes a session's blocks from
 * several threads), one writer per block id (a re-sent block replaces the earlier one), and a
 * commit or discard excludes them all.
 */
final class StageLock {
  private final ReentrantReadWriteLock stage = new ReentrantReadWriteLock();
  private final Map<Long, ReentrantLock> blocks = new ConcurrentHashMap<>();

  <T> T whileWritingBlock(long blockId, Supplier<T> action) {
    stage.readLock().lock();
    try {
      ReentrantLock block = blocks.computeIfAbsent(blockId, id -> new ReentrantLock());
      block.lock();
      try {
        return action.get();
      } finally {
        block.unlock();
      }
    } finally {
      stage.readLock().unlock();
    }
  }

  <T> T exclusively(Supplier<T> action) {
    stage.writeLock().lock();
    try {
      return action.get();
    } finally {
      stage.writeLock().unlock();
    }
  }
}
