package dev.mcsink.reliability.chaos;

import java.nio.charset.StandardCharsets;

/**
 * Upserts and deletes over a bounded key space: record {@code n} is about key {@code n % keys}, its
 * value {@code {"id":key,"v":n}} (the sequence number tells which change came last), and one round
 * in five of each key is a tombstone instead, staggered over the keys so that some keys end deleted.
 * A key always goes to the same Kafka partition: its changes keep their order.
 */
final class KeyedUpserts implements Messages {
  static final int KEYS = 200;
  static final String KEY_COLUMN = "id";
  static final String VALUE_COLUMN = "v";
  private static final int DELETE_EVERY = 5;

  private final int keys;

  KeyedUpserts(int keys) {
    this.keys = keys;
  }

  long keyOf(long n) {
    return n % keys;
  }

  @Override
  public byte[] key(long n) {
    return Long.toString(keyOf(n)).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public byte[] value(long n) {
    long key = keyOf(n);
    long round = n / keys;
    if ((round + key) % DELETE_EVERY == DELETE_EVERY - 1) {
      return null;
    }
    return ("{\"" + KEY_COLUMN + "\":" + key + ",\"" + VALUE_COLUMN + "\":" + n + "}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public int partition(long n, int partitions) {
    return (int) (keyOf(n) % partitions);
  }
}
