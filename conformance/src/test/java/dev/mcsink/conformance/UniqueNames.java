package dev.mcsink.conformance;

import java.util.concurrent.atomic.AtomicInteger;

/** Table names that never collide within one server, so every test owns its tables. */
final class UniqueNames {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private UniqueNames() {
  }

  static String table(String purpose) {
    return purpose.toLowerCase() + "_" + COUNTER.incrementAndGet() + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
  }
}
