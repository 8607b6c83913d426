package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.PartitionInfo;
import dev.mcsink.localmc.storage.QueryResult;
import dev.mcsink.localmc.storage.SqlQueries;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs MaxCompute SQL scripts: {@code set k=v;} (ignored), INSERT, CREATE/DROP TABLE, ALTER TABLE
 * ADD/DROP PARTITION, TRUNCATE TABLE, DESC, SHOW TABLES/PARTITIONS run against the warehouse's
 * catalog; queries are translated ({@link QueryTranslator}) and run by DuckDB ({@link SqlQueries}).
 * Failures come back as MaxCompute's ODPS-nnnnnnn messages.
 */
public final class MaxComputeSqlRunner {
  private final Warehouse warehouse;
  private final SqlQueries queries;
  private final ZoneId zone;

  /** @param zone where DATETIME values print in results and DESC times, MaxCompute's odps.sql.timezone */
  public MaxComputeSqlRunner(Warehouse warehouse, SqlQueries queries, ZoneId zone) {
    this.warehouse = warehouse;
    this.queries = queries;
    this.zone = zone;
  }

  public SqlOutcome run(String project, String schema, String script) {
    Session session = new Session(project.toLowerCase(Locale.ROOT),
        schema == null || schema.isEmpty() ? TableId.DEFAULT_SCHEMA : schema.toLowerCase(Locale.ROOT), script);
    try {
      String result = "";
      TypedResult typed = null;
      boolean tabular = false;
      for (List<SqlToken> statement : statements(SqlTokenizer.tokenize(script))) {
        String output = session.execute(statement);
        if (output != null) {
          result = output;
          tabular = session.lastWasQuery;
          typed = session.lastTyped;
        }
      }
      return (tabular ? SqlOutcome.ok(result, typed) : SqlOutcome.text(result)).withOutputs(session.outputs);
    } catch (SqlError e) {
      return SqlOutcome.failed(e.getMessage());
    } catch (NotFoundException e) {
      return SqlOutcome.failed("ODPS-0130131:[1,1] Table not found - " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return SqlOutcome.failed("ODPS-0130071:[1,1] Semantic analysis exception - " + e.getMessage());
    }
  }

  private static List<List<SqlToken>> statements(List<SqlToken> tokens) {
    List<List<SqlToken>> statements = new ArrayList<>();
    List<SqlToken> current = new ArrayList<>();
    for (SqlToken t : tokens) {
      if (t.isSymbol(";")) {
        if (!current.isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current);
    }
    return statements;
  }

  /** One script's defaults and statements. */
  private final class Session {
    private final TableNames names;
    private final DdlStatements ddl;
    private final InsertStatements inserts;
    private final String script;

    /** Whether the statement just run was a query (its result is CSV, not text). */
    private boolean lastWasQuery;

    /** The typed result of the query just run. */
    private TypedResult lastTyped;

    /** Rows the script's INSERTs wrote, per table ("project.table"). */
    private final Map<String, Long> outputs = new LinkedHashMap<>();

    Session(String project, String schema, String script) {
      this.names = new TableNames(warehouse, project, schema);
      this.ddl = new DdlStatements(warehouse, names);
      this.inserts = new InsertStatements(warehouse, queries, names, zone);
      this.script = script;
    }

    /** Runs one statement; returns its result text, or null when it has none (DDL, SET). */
    String execute(List<SqlToken> statement) {
      lastWasQuery = false;
      TokenCursor cursor = new TokenCursor(statement);
      SqlToken first = statement.get(0);
      switch (first.kind() == SqlToken.Kind.WORD ? first.upper() : first.text()) {
        case "SET":
          return null;
        case "SELECT":
        case "WITH":
        case "(":
          return query(statement);
        case "CREATE":
          cursor.next();
          if (cursor.acceptWords("SCHEMA")) {
            DdlStatements.createSchema(cursor);
          } else {
            cursor.expectWords("TABLE");
            ddl.createTable(CreateTableStatement.parse(cursor));
          }
          return null;
        case "INSERT":
          cursor.next();
          InsertStatements.Written written = inserts.insert(script, InsertStatement.parse(cursor));
          outputs.merge(written.table().project() + "." + written.table().table(), written.rows(), Long::sum);
          return null;
        case "DROP":
          cursor.next();
          cursor.expectWords("TABLE");
          ddl.dropTable(cursor);
          return null;
        case "ALTER":
          cursor.next();
          cursor.expectWords("TABLE");
          ddl.alterTable(cursor);
          return null;
        case "TRUNCATE":
          cursor.next();
          cursor.expectWords("TABLE");
          ddl.truncate(cursor);
          return null;
        case "DESC":
        case "DESCRIBE":
          cursor.next();
          return describe(cursor);
        case "SHOW":
          cursor.next();
          return show(cursor);
        default:
          throw new SqlError("ODPS-0130161:" + first.position() + " Parse exception - unsupported statement '"
              + first.text() + "'");
      }
    }

    private String describe(TokenCursor cursor) {
      boolean extended = cursor.acceptWords("EXTENDED");
      List<SqlToken> name = cursor.qualifiedName();
      TableId id = names.resolve(name);
      TableInfo info = warehouse.table(id).orElseThrow(() -> names.tableNotFound(name, id));
      if (!cursor.atEnd()) {
        PartitionSpec spec = cursor.partitionSpecs().get(0);
        PartitionInfo partition = warehouse.partitions(id).stream()
            .filter(p -> p.spec().values().equals(spec.values())).findFirst()
            .orElseThrow(() -> TableNames.partitionNotFound(name.get(0), spec, id));
        return new DescribeFormatter(zone).partition(partition);
      }
      return new DescribeFormatter(zone).table(info, extended);
    }

    private String show(TokenCursor cursor) {
      if (cursor.acceptWords("TABLES")) {
        String inProject = names.project();
        if (cursor.acceptWords("IN") || cursor.acceptWords("FROM")) {
          inProject = cursor.name().text().toLowerCase(Locale.ROOT);
        }
        cursor.expectEnd();
        StringBuilder out = new StringBuilder();
        for (TableInfo t : warehouse.tables(inProject, names.schema())) {
          out.append(DescribeFormatter.OWNER).append(':').append(t.id().table()).append('\n');
        }
        return out.toString();
      }
      if (cursor.acceptWords("PARTITIONS")) {
        List<SqlToken> name = cursor.qualifiedName();
        cursor.expectEnd();
        return DescribeFormatter.partitionNames(warehouse.partitions(names.existing(name)));
      }
      throw cursor.parseError("only SHOW TABLES and SHOW PARTITIONS are supported");
    }

    /**
     * Runs a query once, reading its rows as the CSV text {@code ?result} answers and as the typed
     * rows the instance tunnel serves. Both are kept, as the service keeps a finished query's result.
     */
    private String query(List<SqlToken> statement) {
      lastWasQuery = true;
      Map<String, MaxComputeType> declared = new HashMap<>();
      String duckSql = QueryTranslator.translate(script, statement, parts -> {
        TableId id = names.existing(parts);
        warehouse.table(id).ifPresent(t -> declare(t.schema(), declared));
        return queries.relation(id);
      });
      try {
        CsvResultText csv = new CsvResultText(new CsvResultFormatter(zone));
        lastTyped = typed(queries.table(duckSql, declared, csv));
        return csv.text();
      } catch (SQLException e) {
        throw QueryErrors.of(e, statement);
      }
    }
  }

  private static void declare(TableSchema schema, Map<String, MaxComputeType> declared) {
    for (Column c : schema.columns()) {
      declared.putIfAbsent(c.name(), c.type());
    }
    for (Column c : schema.partitionColumns()) {
      declared.putIfAbsent(c.name(), c.type());
    }
  }

  private static TypedResult typed(QueryResult result) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < result.names().size(); i++) {
      columns.add(new Column(CsvResultFormatter.columnName(result.names().get(i), i), result.types().get(i), "", true));
    }
    return new TypedResult(columns, result.rows());
  }
}
