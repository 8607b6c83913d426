package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.Column;
import java.util.List;

/**
 * A query's result with MaxCompute column types and values, named as MaxCompute names result
 * columns; what the instance tunnel serves of a finished SELECT.
 */
public record TypedResult(List<Column> columns, List<Object[]> rows) {
  public TypedResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
