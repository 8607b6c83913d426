package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (col type [NOT NULL] [COMMENT '..'], ...) [COMMENT '..']
 * [PARTITIONED BY (col type [COMMENT '..'], ...)] [LIFECYCLE n]}, as the SDK and users write it.
 */
record CreateTableStatement(List<SqlToken> name, boolean ifNotExists, List<Column> columns,
    List<Column> partitionColumns, String comment, long lifecycleDays) {

  private static final Set<String> COLUMN_CLAUSES = Set.of("COMMENT", "NOT", "NULL", "DEFAULT", "PRIMARY");

  /** Parses after the words CREATE TABLE. */
  static CreateTableStatement parse(TokenCursor cursor) {
    boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
    List<SqlToken> name = cursor.qualifiedName();
    if (cursor.acceptWords("AS") || cursor.acceptWords("LIKE")) {
      throw cursor.parseError("CREATE TABLE ... AS/LIKE is not supported here");
    }
    List<Column> columns = columnList(cursor);
    String comment = "";
    List<Column> partitionColumns = List.of();
    long lifecycle = -1;
    while (!cursor.atEnd()) {
      if (cursor.acceptWords("COMMENT")) {
        comment = cursor.string();
      } else if (cursor.acceptWords("PARTITIONED", "BY")) {
        partitionColumns = columnList(cursor);
      } else if (cursor.acceptWords("LIFECYCLE")) {
        lifecycle = cursor.number();
      } else {
        throw cursor.parseError("unsupported CREATE TABLE clause");
      }
    }
    return new CreateTableStatement(name, ifNotExists, columns, partitionColumns, comment, lifecycle);
  }

  /** {@code (col type [NOT NULL] [COMMENT '..'], ...)}, as CREATE TABLE and ALTER TABLE ADD COLUMNS write it. */
  static List<Column> columnList(TokenCursor cursor) {
    List<Column> columns = new ArrayList<>();
    cursor.expectSymbol("(");
    do {
      SqlToken name = cursor.name();
      SqlToken typeStart = cursor.peek();
      MaxComputeType type = parseType(cursor, typeText(cursor), typeStart);
      boolean nullable = true;
      String comment = "";
      while (!cursor.atEnd() && !cursor.peek().isSymbol(",") && !cursor.peek().isSymbol(")")) {
        if (cursor.acceptWords("NOT", "NULL")) {
          nullable = false;
        } else if (cursor.acceptWords("NULL")) {
          nullable = true;
        } else if (cursor.acceptWords("COMMENT")) {
          comment = cursor.string();
        } else {
          throw cursor.parseError("unsupported column clause");
        }
      }
      columns.add(new Column(name.text(), type, comment, nullable));
    } while (cursor.acceptSymbol(","));
    cursor.expectSymbol(")");
    return columns;
  }

  /** The type's tokens up to the column's end or its clauses, joined for {@link MaxComputeType#parse}. */
  private static String typeText(TokenCursor cursor) {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    while (!cursor.atEnd()) {
      SqlToken t = cursor.peek();
      if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")")
          || (t.kind() == SqlToken.Kind.WORD && COLUMN_CLAUSES.contains(t.upper()) && text.length() > 0))) {
        break;
      }
      if (t.isSymbol("<") || t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(">") || t.isSymbol(")")) {
        depth--;
      }
      cursor.next();
      text.append(t.kind() == SqlToken.Kind.QUOTED_NAME ? "`" + t.text() + "`" : t.text()).append(' ');
    }
    return text.toString().trim();
  }

  private static MaxComputeType parseType(TokenCursor cursor, String text, SqlToken at) {
    try {
      return MaxComputeType.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SqlError("ODPS-0130161:" + (at == null ? "[1,1]" : at.position()) + " Parse exception - "
          + e.getMessage());
    }
  }
}
