package dev.mcsink.reliability.chaos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * FLATTEN messages for table (id BIGINT, name STRING, extendinfo JSON), with one bad record of each
 * kind in every {@link #CYCLE} records: malformed JSON, a wrong type, a key the table lacks, a
 * tombstone, a JSON null, invalid UTF-8 and, more rarely, a value over MaxCompute's 8 MB cell limit.
 * Which ones the connector writes and which it routes is its business; none may go missing.
 */
final class PoisonMessages implements Messages {
  static final int CYCLE = 40;
  /** One oversized value per this many records: they are 9 MB each. */
  static final int OVERSIZED_EVERY = 2_000;
  private static final int OVERSIZED_BYTES = 9 * 1024 * 1024;

  enum Kind { GOOD, MALFORMED_JSON, WRONG_TYPE, UNKNOWN_KEY, TOMBSTONE, JSON_NULL, INVALID_UTF8, OVERSIZED }

  private static final List<Kind> BAD_IN_CYCLE = Arrays.asList(Kind.MALFORMED_JSON, Kind.WRONG_TYPE,
      Kind.UNKNOWN_KEY, Kind.TOMBSTONE, Kind.JSON_NULL, Kind.INVALID_UTF8);

  static Kind kindOf(long n) {
    if (n % OVERSIZED_EVERY == OVERSIZED_EVERY - 1) {
      return Kind.OVERSIZED;
    }
    int slot = (int) (n % CYCLE);
    return slot < BAD_IN_CYCLE.size() && n >= CYCLE ? BAD_IN_CYCLE.get(slot) : Kind.GOOD;
  }

  @Override
  public byte[] value(long n) {
    switch (kindOf(n)) {
      case MALFORMED_JSON:
        return utf8("{\"id\":" + n + ",\"name\":\"cut off");
      case WRONG_TYPE:
        return utf8("{\"id\":\"not a number\",\"name\":\"n" + n + "\"}");
      case UNKNOWN_KEY:
        return utf8("{\"id\":" + n + ",\"nickname\":\"n" + n + "\"}");
      case TOMBSTONE:
        return null;
      case JSON_NULL:
        return utf8("null");
      case INVALID_UTF8:
        return invalidUtf8(n);
      case OVERSIZED:
        return utf8("{\"id\":" + n + ",\"name\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}");
      default:
        return utf8("{\"id\":" + n + ",\"name\":\"n" + n + "\",\"extendinfo\":{\"region\":\"r" + (n % 7) + "\"}}");
    }
  }

  private static byte[] invalidUtf8(long n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("{\"id\":" + n + ",\"name\":\"bad "));
    out.write(0xC3);
    out.write(0x28);
    out.write(0xFF);
    out.writeBytes(utf8("\"}"));
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
