package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.data.SimpleJsonValue;

/**
 * A JSON column's value whose text this connector wrote or has already checked: the SDK's record
 * checks a JSON value by parsing its text again (it asks {@link #isJsonObject()}), which for JSON
 * and FLATTEN messages was a second full parse of every record; this one answers from what is
 * known. Anything else the SDK asks of it parses the text as before.
 */
final class CheckedJson extends SimpleJsonValue {
  private static final long serialVersionUID = 1L;

  private final boolean object;

  /** @param object whether the text is a JSON object */
  CheckedJson(String text, boolean object) {
    super(text);
    this.object = object;
  }

  @Override
  public boolean isJsonObject() {
    return object;
  }
}
