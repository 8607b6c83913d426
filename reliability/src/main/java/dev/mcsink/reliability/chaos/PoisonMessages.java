package dev.mcsink.reliability.chaos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Messages of one format with bad records of every kind mixed in: in every {@link #CYCLE} records
 * (after the first cycle) one of each bad kind, and every {@link #OVERSIZED_EVERY} records a value
 * over MaxCompute's 8 MB cell limit. Which ones the connector writes and which it routes is its
 * business; none may go missing.
 */
final class PoisonMessages implements Messages {
  static final int CYCLE = 40;
  static final int OVERSIZED_EVERY = 2_000;
  private static final int OVERSIZED_BYTES = 9 * 1024 * 1024;

  private final LongFunction<byte[]> good;
  private final List<LongFunction<byte[]>> bad;
  private final LongFunction<byte[]> oversized;

  private PoisonMessages(LongFunction<byte[]> good, List<LongFunction<byte[]>> bad, LongFunction<byte[]> oversized) {
    this.good = good;
    this.bad = bad;
    this.oversized = oversized;
  }

  /**
   * For table (id BIGINT, name STRING, extendinfo JSON): malformed JSON, a string in the BIGINT, a key
   * the table lacks, a tombstone, a JSON null, invalid UTF-8.
   */
  static PoisonMessages flatten() {
    return new PoisonMessages(
        n -> utf8("{\"id\":" + n + ",\"name\":\"n" + n + "\",\"extendinfo\":{\"region\":\"r" + (n % 7) + "\"}}"),
        List.of(
            n -> utf8("{\"id\":" + n + ",\"name\":\"cut off"),
            n -> utf8("{\"id\":\"not a number\",\"name\":\"n" + n + "\"}"),
            n -> utf8("{\"id\":" + n + ",\"nickname\":\"n" + n + "\"}"),
            n -> null,
            n -> utf8("null"),
            n -> withInvalidUtf8("{\"id\":" + n + ",\"name\":\"bad ", "\"}")),
        n -> utf8("{\"id\":" + n + ",\"name\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}"));
  }

  /**
   * For table (id BIGINT, name STRING, region STRING): too few fields, too many, a quote never
   * closed, a text in the BIGINT, a tombstone, invalid UTF-8.
   */
  static PoisonMessages csv() {
    return new PoisonMessages(
        n -> utf8(n + ",n" + n + ",r" + (n % 7)),
        List.of(
            n -> utf8(n + ",only two"),
            n -> utf8(n + ",n,r,one too many"),
            n -> utf8(n + ",\"never closed,r"),
            n -> utf8("x" + n + ",n,r"),
            n -> null,
            n -> withInvalidUtf8(n + ",bad ", ",r")),
        n -> utf8(n + "," + "x".repeat(OVERSIZED_BYTES) + ",r"));
  }

  @Override
  public byte[] value(long n) {
    if (n % OVERSIZED_EVERY == OVERSIZED_EVERY - 1) {
      return oversized.apply(n);
    }
    int slot = (int) (n % CYCLE);
    return n >= CYCLE && slot < bad.size() ? bad.get(slot).apply(n) : good.apply(n);
  }

  private static byte[] withInvalidUtf8(String before, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(before));
    out.write(0xC3);
    out.write(0x28);
    out.write(0xFF);
    out.writeBytes(utf8(after));
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
