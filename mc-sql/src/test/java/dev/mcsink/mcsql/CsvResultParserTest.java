package dev.mcsink.mcsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvResultParserTest {

  @Test
  void firstRecordIsTheHeaderAndBackslashNIsNull() {
    ResultTable table = CsvResultParser.parse("id,name\n1,abc\n2,\\N\n");

    assertThat(table.columns()).containsExactly("id", "name");
    assertThat(table.rows()).containsExactly(List.of("1", "abc"), Arrays.asList("2", null));
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    ResultTable table = CsvResultParser.parse("doc,n\r\n\"{\"\"a\"\":1,\"\"b\"\":2}\",\"two\nlines\"\r\n");

    assertThat(table.rows()).containsExactly(List.of("{\"a\":1,\"b\":2}", "two\nlines"));
  }

  @Test
  void emptyFieldsStayEmptyStringsNotNull() {
    ResultTable table = CsvResultParser.parse("a,b,c\n,\"\",x\n");

    assertThat(table.rows()).containsExactly(List.of("", "", "x"));
  }

  @Test
  void skipsEmptyLinesAndAcceptsAMissingFinalLineBreak() {
    ResultTable table = CsvResultParser.parse("a\n\n1\n\n2");

    assertThat(table.rows()).containsExactly(List.of("1"), List.of("2"));
  }

  @Test
  void aHeaderOnlyResultHasNoRows() {
    ResultTable table = CsvResultParser.parse("a,b\n");

    assertThat(table.columns()).containsExactly("a", "b");
    assertThat(table.rows()).isEmpty();
  }
}
