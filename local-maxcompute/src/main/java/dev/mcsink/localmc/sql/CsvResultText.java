package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.SqlQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A query result's CSV text ({@link CsvResultFormatter}): a header of column names, then a line per row. */
final class CsvResultText implements SqlQueries.ShownRows {
  private final CsvResultFormatter formatter;
  private final StringBuilder out = new StringBuilder();
  private List<String> duckDbTypes = List.of();

  CsvResultText(CsvResultFormatter formatter) {
    this.formatter = formatter;
  }

  @Override
  public void columns(List<String> names, List<String> duckDbTypes) {
    this.duckDbTypes = List.copyOf(duckDbTypes);
    for (int i = 0; i < names.size(); i++) {
      out.append(i > 0 ? "," : "").append(CsvResultFormatter.csvField(CsvResultFormatter.columnName(names.get(i), i)));
    }
    out.append('\n');
  }

  @Override
  public void row(ResultSet row) throws SQLException {
    for (int i = 0; i < duckDbTypes.size(); i++) {
      out.append(i > 0 ? "," : "").append(CsvResultFormatter.csvField(formatter.cell(row, i + 1, duckDbTypes.get(i))));
    }
    out.append('\n');
  }

  String text() {
    return out.toString();
  }
}
