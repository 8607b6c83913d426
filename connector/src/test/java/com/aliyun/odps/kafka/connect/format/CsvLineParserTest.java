package com.aliyun.odps.kafka.connect.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvLineParserTest {
  private final CsvLineParser comma = new CsvLineParser(',');

  @Test
  void splitsPlainFields() {
    assertThat(comma.parse("1103,zhangsan,china")).containsExactly("1103", "zhangsan", "china");
  }

  @Test
  void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
    assertThat(comma.parse("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\""))
        .containsExactly("a,b", "say \"hi\"", "two\nlines");
  }

  @Test
  void unquotedBackslashNIsNullButQuotedIsText() {
    assertThat(comma.parse("\\N,\"\\N\",x")).containsExactly(null, "\\N", "x");
  }

  @Test
  void emptyFieldsAreKeptAtStartMiddleAndEnd() {
    assertThat(comma.parse(",a,,")).containsExactly("", "a", "", "");
    assertThat(comma.parse("")).containsExactly("");
    assertThat(comma.parse("\"\"")).containsExactly("");
  }

  @Test
  void oneTrailingLineBreakIsIgnored() {
    assertThat(comma.parse("a,b\n")).containsExactly("a", "b");
    assertThat(comma.parse("a,\"b\"\r\n")).containsExactly("a", "b");
  }

  @Test
  void spacesAreKeptAsTheyAre() {
    assertThat(comma.parse(" a , b ")).containsExactly(" a ", " b ");
  }

  @Test
  void otherDelimitersWork() {
    assertThat(new CsvLineParser('|').parse("a,1|\"b|c\"|\\N")).containsExactly("a,1", "b|c", null);
    assertThat(new CsvLineParser('\t').parse("1\t2")).containsExactly("1", "2");
  }

  @Test
  void unterminatedQuoteIsRejected() {
    assertThatThrownBy(() -> comma.parse("a,\"bc"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("quote opened at position 3 is never closed");
  }

  @Test
  void textAfterClosingQuoteIsRejected() {
    assertThatThrownBy(() -> comma.parse("\"ab\"c,d"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("after the closing quote at position 5");
  }

  @Test
  void quoteInsideUnquotedFieldIsRejected() {
    assertThatThrownBy(() -> comma.parse("ab\"c"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("quote inside an unquoted field");
  }

  @Test
  void secondLineIsRejected() {
    assertThatThrownBy(() -> comma.parse("a,b\nc,d"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("one message must hold exactly one CSV line");
  }

  @Test
  void quoteOrLineBreakCannotBeTheDelimiter() {
    for (char bad : Arrays.asList('"', '\n', '\r').stream().map(c -> (char) c).toArray(Character[]::new)) {
      assertThatThrownBy(() -> new CsvLineParser(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
