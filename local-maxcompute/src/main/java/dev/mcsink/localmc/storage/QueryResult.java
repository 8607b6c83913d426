package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.MaxComputeType;
import java.util.List;

/**
 * A query's whole result as MaxCompute values (the {@link MaxComputeType} convention), kept
 * when the query ends the way the service keeps an instance's result for the instance tunnel.
 *
 * @param names the column names as DuckDB reports them
 */
public record QueryResult(List<String> names, List<MaxComputeType> types, List<Object[]> rows) {
  public QueryResult {
    names = List.copyOf(names);
    types = List.copyOf(types);
    rows = List.copyOf(rows);
  }
}
