package dev.mcsink.reliability.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * FLATTEN values {@code {"id":n,"name":"record n"}} that gain a field, {@value #ADDED_FIELD}, once
 * a given time has passed since they were made: the schema change auto.evolve must follow while the
 * load runs. The added field holds {@code "added n"}, so a row tells whether it kept its record's value.
 */
final class EvolvingRecords implements Messages {
  static final String ADDED_FIELD = "added";

  private final long evolveAtNanos;

  EvolvingRecords(Duration evolveAfter) {
    this.evolveAtNanos = System.nanoTime() + evolveAfter.toNanos();
  }

  @Override
  public byte[] value(long n) {
    String added = System.nanoTime() >= evolveAtNanos ? ",\"" + ADDED_FIELD + "\":\"added " + n + "\"" : "";
    return ("{\"id\":" + n + ",\"name\":\"record " + n + "\"" + added + "}").getBytes(StandardCharsets.US_ASCII);
  }
}
