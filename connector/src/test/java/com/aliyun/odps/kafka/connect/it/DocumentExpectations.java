package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** How the product document's expected outputs are compared with what landed. */
final class DocumentExpectations {
  /** The document's pt for partition_window_type MINUTE: {@code 07-13-2023 21:13}. */
  static final Pattern MINUTE_PT = Pattern.compile("\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d");

  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentExpectations() {
  }

  /**
   * JSON text compared as JSON: the document prints {@code {"sex":"M","region":"beijing"}} for input
   * {@code {"region":"beijing","sex":"M"}}; MaxCompute's JSON type does not keep key order.
   */
  static void assertSameJson(String actual, String expected) {
    assertThat(actual).as("JSON text").isNotNull();
    assertThat(tree(actual)).as("JSON %s", actual).isEqualTo(tree(expected));
  }

  private static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }
}
