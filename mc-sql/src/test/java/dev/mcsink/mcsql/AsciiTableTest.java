package dev.mcsink.mcsql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTableTest {

  @Test
  void padsEveryColumnToItsWidestCellAndShowsNullForNull() {
    String csv = "topic,partition,offset,key,value,pt\n"
        + "topic_text,0,0,\\N,abc,07-13-2023 21:13\n"
        + "topic_text,0,1,\\N,edf,07-13-2023 21:13\n";

    assertThat(AsciiTable.render(CsvResultParser.parse(csv))).isEqualTo(""
        + "+------------+-----------+--------+------+-------+------------------+\n"
        + "| topic      | partition | offset | key  | value | pt               |\n"
        + "+------------+-----------+--------+------+-------+------------------+\n"
        + "| topic_text | 0         | 0      | NULL | abc   | 07-13-2023 21:13 |\n"
        + "| topic_text | 0         | 1      | NULL | edf   | 07-13-2023 21:13 |\n"
        + "+------------+-----------+--------+------+-------+------------------+\n");
  }

  @Test
  void aQuotedCellWithCommasAndQuotesIsShownUnquoted() {
    String csv = "id,extendinfo\n123,\"{\"\"sex\"\":\"\"M\"\",\"\"region\"\":\"\"beijing\"\"}\"\n";

    assertThat(AsciiTable.render(CsvResultParser.parse(csv))).isEqualTo(""
        + "+-----+--------------------------------+\n"
        + "| id  | extendinfo                     |\n"
        + "+-----+--------------------------------+\n"
        + "| 123 | {\"sex\":\"M\",\"region\":\"beijing\"} |\n"
        + "+-----+--------------------------------+\n");
  }

  @Test
  void aCellWithALineBreakStaysOnOneLine() {
    String rendered = AsciiTable.render(CsvResultParser.parse("s\n\"a\nb\"\n"));

    assertThat(rendered).contains("| a\\nb |").hasLineCount(5);
  }

  @Test
  void aResultWithoutRowsStillShowsItsHeader() {
    assertThat(AsciiTable.render(CsvResultParser.parse("id,name\n"))).isEqualTo(""
        + "+----+------+\n"
        + "| id | name |\n"
        + "+----+------+\n"
        + "+----+------+\n");
  }

  @Test
  void widthCountsCharactersNotUtf16Units() {
    String rendered = AsciiTable.render(CsvResultParser.parse("e\n\uD83D\uDE00\n"));

    assertThat(rendered).startsWith("+---+\n| e |\n");
  }
}
