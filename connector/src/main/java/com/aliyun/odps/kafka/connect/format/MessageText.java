package com.aliyun.odps.kafka.connect.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A message key or value as text: strings as they are, bytes decoded as strict UTF-8 (malformed
 * bytes are rejected, never replaced), numbers and booleans in their plain decimal form.
 */
final class MessageText {
  private MessageText() {
  }

  /**
   * @param what names the data in the error message, e.g. "value"
   * @throws RecordConversionException for malformed UTF-8 or a type that has no text form here
   */
  static String of(Object data, String what) {
    if (data instanceof String) {
      return (String) data;
    }
    if (data instanceof byte[]) {
      return decodeUtf8((byte[]) data, what);
    }
    if (data instanceof ByteBuffer) {
      return decodeUtf8(bytesOf((ByteBuffer) data), what);
    }
    if (data instanceof BigDecimal) {
      return ((BigDecimal) data).toPlainString();
    }
    if (data instanceof Number || data instanceof Boolean || data instanceof Character) {
      return String.valueOf(data);
    }
    throw new RecordConversionException(what + " is a " + data.getClass().getName()
        + "; expected a string, UTF-8 bytes, a number or a boolean (use a converter such as"
        + " StringConverter or ByteArrayConverter)");
  }

  static String decodeUtf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RecordConversionException(what + " is not valid UTF-8 text", e);
    }
  }

  /** The remaining bytes of a buffer, without moving its position. */
  static byte[] bytesOf(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
