package dev.mcsink.reliability.chaos;

/**
 * What a scenario's producer sends: the record with sequence number {@code n}. Every record has a
 * key, so the connector's key column and a reader of the topic can tell them apart.
 */
interface Messages {
  /** The value of record {@code n}; null for a tombstone. */
  byte[] value(long n);

  default byte[] key(long n) {
    return Long.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The Kafka partition of record {@code n}: round robin, unless a key must keep its order. */
  default int partition(long n, int partitions) {
    return (int) (n % partitions);
  }
}
