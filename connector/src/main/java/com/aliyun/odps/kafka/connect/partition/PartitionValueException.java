package com.aliyun.odps.kafka.connect.partition;

/**
 * A record whose partition value cannot be computed. The message says what is wrong in user terms
 * and names the partition column (and the field, when one was read); the caller adds where the
 * record came from and routes it through the error settings.
 */
public final class PartitionValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Values are cut in messages: a whole JSON document in an error topic header helps no one. */
  private static final int SHOWN_CHARS = 100;

  PartitionValueException(String column, String problem) {
    super("partition column " + column + ": " + problem);
  }

  /** A field and the value seen in it, as messages show them: {@code field ts='abc'}. */
  static String shownField(String path, Object value) {
    return "field " + path + "=" + shown(value);
  }

  /** A value in quotes, cut to about 100 characters. */
  static String shown(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text) + "'";
  }
}
