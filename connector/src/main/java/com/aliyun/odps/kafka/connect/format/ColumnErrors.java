package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.type.TypeInfo;

/** Rejections that name the column, its type and what is wrong with the input. */
final class ColumnErrors {
  private static final int MAX_SHOWN = 64;

  private ColumnErrors() {
  }

  static RecordConversionException of(String column, TypeInfo type, String problem) {
    return new RecordConversionException("column '" + column + "' (" + type.getTypeName() + "): " + problem);
  }

  static RecordConversionException of(String column, TypeInfo type, String problem, Throwable cause) {
    return new RecordConversionException(
        "column '" + column + "' (" + type.getTypeName() + "): " + problem, cause);
  }

  /** Input quoted for a message, cut short so a huge payload does not flood logs and headers. */
  static String show(String text) {
    if (text.length() <= MAX_SHOWN) {
      return "'" + text + "'";
    }
    return "'" + text.substring(0, MAX_SHOWN) + "...' (" + text.length() + " chars)";
  }
}
