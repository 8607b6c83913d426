package dev.mcsink.mcsql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void splitsOnSemicolonsAndTrimsEachStatement() {
    assertThat(StatementSplitter.split(" create table t (a bigint);\n select * from t ; "))
        .containsExactly("create table t (a bigint)", "select * from t");
  }

  @Test
  void acceptsALastStatementWithoutSemicolon() {
    assertThat(StatementSplitter.split("set a=1; select 1"))
        .containsExactly("set a=1", "select 1");
  }

  @Test
  void ignoresEmptyStatementsBetweenRepeatedSemicolons() {
    assertThat(StatementSplitter.split(";;select 1;;\n;")).containsExactly("select 1");
  }

  @Test
  void keepsSemicolonsInsideSingleAndDoubleQuotedStrings() {
    assertThat(StatementSplitter.split("select 'a;b', \"c;d\" from t; select 2"))
        .containsExactly("select 'a;b', \"c;d\" from t", "select 2");
  }

  @Test
  void keepsSemicolonsInsideBackQuotedIdentifiers() {
    assertThat(StatementSplitter.split("select `we;ird` from t;"))
        .containsExactly("select `we;ird` from t");
  }

  @Test
  void treatsBackslashQuoteAsPartOfTheString() {
    assertThat(StatementSplitter.split("select 'it\\'s; fine'; select 2"))
        .containsExactly("select 'it\\'s; fine'", "select 2");
  }

  @Test
  void dropsLineCommentsIncludingSemicolonsInThem() {
    String script = "-- set up; the table\ncreate table t (a bigint); -- trailing; note\nselect a -- col\nfrom t;";
    assertThat(StatementSplitter.split(script))
        .containsExactly("create table t (a bigint)", "select a \nfrom t");
  }

  @Test
  void dropsBlockComments() {
    assertThat(StatementSplitter.split("/* a; b */ select 1 /* c */ + 2;"))
        .containsExactly("select 1   + 2");
  }

  @Test
  void keepsCommentMarkersThatAreInsideStrings() {
    assertThat(StatementSplitter.split("select '--not a comment', '/*nor this*/';"))
        .containsExactly("select '--not a comment', '/*nor this*/'");
  }

  @Test
  void returnsNothingForAScriptOfOnlyComments() {
    assertThat(StatementSplitter.split("-- nothing here;\n/* ; */\n")).isEmpty();
  }
}
