package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.Column;
import java.util.List;

/** {@code ALTER TABLE t ADD COLUMNS [IF NOT EXISTS] (col type [COMMENT '..'], ...)}. */
record AddColumnsStatement(boolean ifNotExists, List<Column> columns) {

  /** Parses after the words ADD COLUMNS. */
  static AddColumnsStatement parse(TokenCursor cursor) {
    boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
    List<Column> columns = CreateTableStatement.columnList(cursor);
    cursor.expectEnd();
    return new AddColumnsStatement(ifNotExists, columns);
  }
}
