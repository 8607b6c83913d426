package dev.mcsink.reliability.delivery;

/** Consecutive Kafka offsets {@code first..last}, both included. */
public record OffsetRange(long first, long last) {
  public OffsetRange {
    if (last < first) {
      throw new IllegalArgumentException("last " + last + " < first " + first);
    }
  }

  /** "17" or "17-19". */
  @Override
  public String toString() {
    return first == last ? Long.toString(first) : first + "-" + last;
  }
}
