package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.PartitionInfo;
import dev.mcsink.localmc.storage.SqlQueries;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs MaxCompute SQL scripts: {@code set k=v;} (ignored), CREATE/DROP TABLE, ALTER TABLE
 * ADD/DROP PARTITION, TRUNCATE TABLE, DESC, SHOW TABLES/PARTITIONS run against the warehouse's
 * catalog; queries are translated ({@link QueryTranslator}) and run by DuckDB ({@link SqlQueries}).
 * Failures come back as MaxCompute's ODPS-nnnnnnn messages.
 */
public final class MaxComputeSqlRunner {
  private static final Pattern MISSING_COLUMN = Pattern.compile("Referenced column \"?([^\"\\s]+)\"? not found");

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
      boolean tabular = false;
      for (List<SqlToken> statement : statements(SqlTokenizer.tokenize(script))) {
        String output = session.execute(statement);
        if (output != null) {
          result = output;
          tabular = session.lastWasQuery;
        }
      }
      return tabular ? SqlOutcome.ok(result) : SqlOutcome.text(result);
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
    private final String project;
    private final String schema;
    private final String script;

    /** Whether the statement just run was a query (its result is CSV, not text). */
    private boolean lastWasQuery;

    Session(String project, String schema, String script) {
      this.project = project;
      this.schema = schema;
      this.script = script;
    }

    /** Runs one statement; returns its result text, or null when it has none. */
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
            return createSchema(cursor);
          }
          cursor.expectWords("TABLE");
          return createTable(CreateTableStatement.parse(cursor));
        case "DROP":
          cursor.next();
          cursor.expectWords("TABLE");
          return dropTable(cursor);
        case "ALTER":
          cursor.next();
          cursor.expectWords("TABLE");
          return alterTable(cursor);
        case "TRUNCATE":
          cursor.next();
          cursor.expectWords("TABLE");
          return truncate(cursor);
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

    private String createTable(CreateTableStatement create) {
      TableId id = resolve(create.name());
      if (warehouse.project(id.project()).isEmpty()) {
        throw new SqlError("ODPS-0110061: Failed to run ddltask - project " + id.project() + " does not exist");
      }
      TableSchema schema = new TableSchema(create.columns(), create.partitionColumns());
      boolean created;
      try {
        created = warehouse.createTable(id, schema, create.comment(), create.lifecycleDays());
      } catch (IllegalArgumentException e) {
        throw new SqlError("ODPS-0130071:" + create.name().get(0).position() + " Semantic analysis exception - "
            + e.getMessage());
      }
      if (!created && !create.ifNotExists()) {
        throw new SqlError("ODPS-0110061: Failed to run ddltask - AlreadyExistsException(message:Table or view "
            + display(id) + " already exists)");
      }
      return null;
    }

    /**
     * Schemas exist implicitly here (a table carries its schema name), so creating one only checks
     * the statement; it lets programs written for the three-layer model run unchanged.
     */
    private String createSchema(TokenCursor cursor) {
      cursor.acceptWords("IF", "NOT", "EXISTS");
      cursor.qualifiedName();
      if (cursor.acceptWords("COMMENT")) {
        cursor.string();
      }
      cursor.expectEnd();
      return null;
    }

    private String dropTable(TokenCursor cursor) {
      boolean ifExists = cursor.acceptWords("IF", "EXISTS");
      List<SqlToken> name = cursor.qualifiedName();
      cursor.expectEnd();
      TableId id = resolve(name);
      if (!warehouse.dropTable(id) && !ifExists) {
        throw tableNotFound(name, id);
      }
      return null;
    }

    private String alterTable(TokenCursor cursor) {
      List<SqlToken> name = cursor.qualifiedName();
      TableId id = existing(name);
      if (cursor.acceptWords("ADD")) {
        boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
        List<PartitionSpec> specs = partitionSpecs(cursor);
        for (PartitionSpec spec : specs) {
          if (!createPartition(id, spec) && !ifNotExists) {
            throw new SqlError("ODPS-0110061: Failed to run ddltask - AlreadyExistsException(message:Partition "
                + spec.toPathName() + " of table " + display(id) + " already exists)");
          }
        }
        return null;
      }
      if (cursor.acceptWords("DROP")) {
        boolean ifExists = cursor.acceptWords("IF", "EXISTS");
        for (PartitionSpec spec : partitionSpecs(cursor)) {
          if (!semantic(() -> warehouse.dropPartition(id, spec), name.get(0)) && !ifExists) {
            throw new SqlError("ODPS-0130131:" + name.get(0).position() + " Partition not found - partition "
                + spec.toPathName() + " of table " + display(id) + " does not exist");
          }
        }
        return null;
      }
      throw cursor.parseError("only ALTER TABLE ... ADD/DROP PARTITION is supported");
    }

    private boolean createPartition(TableId id, PartitionSpec spec) {
      try {
        return warehouse.createPartition(id, spec);
      } catch (IllegalArgumentException e) {
        throw new SqlError("ODPS-0130071:[1,1] Semantic analysis exception - " + e.getMessage());
      }
    }

    private List<PartitionSpec> partitionSpecs(TokenCursor cursor) {
      List<PartitionSpec> specs = new ArrayList<>();
      do {
        cursor.expectWords("PARTITION");
        specs.add(PartitionSpec.of(cursor.partitionSpec()));
      } while (cursor.acceptSymbol(",") || (!cursor.atEnd() && cursor.peek().isWord("PARTITION")));
      cursor.expectEnd();
      return specs;
    }

    private String truncate(TokenCursor cursor) {
      List<SqlToken> name = cursor.qualifiedName();
      TableId id = existing(name);
      if (cursor.atEnd()) {
        semantic(() -> {
          warehouse.truncate(id, PartitionSpec.empty());
          return null;
        }, name.get(0));
        return null;
      }
      for (PartitionSpec spec : partitionSpecs(cursor)) {
        semantic(() -> {
          warehouse.truncate(id, spec);
          return null;
        }, name.get(0));
      }
      return null;
    }

    private String describe(TokenCursor cursor) {
      boolean extended = cursor.acceptWords("EXTENDED");
      List<SqlToken> name = cursor.qualifiedName();
      TableId id = resolve(name);
      TableInfo info = warehouse.table(id).orElseThrow(() -> tableNotFound(name, id));
      if (!cursor.atEnd()) {
        PartitionSpec spec = partitionSpecs(cursor).get(0);
        PartitionInfo partition = warehouse.partitions(id).stream()
            .filter(p -> p.spec().values().equals(spec.values())).findFirst()
            .orElseThrow(() -> new SqlError("ODPS-0130131:" + name.get(0).position() + " Partition not found - "
                + "partition " + spec.toPathName() + " of table " + display(id) + " does not exist"));
        return new DescribeFormatter(zone).partition(partition);
      }
      return new DescribeFormatter(zone).table(info, extended);
    }

    private String show(TokenCursor cursor) {
      if (cursor.acceptWords("TABLES")) {
        String inProject = project;
        if (cursor.acceptWords("IN") || cursor.acceptWords("FROM")) {
          inProject = cursor.name().text().toLowerCase(Locale.ROOT);
        }
        cursor.expectEnd();
        StringBuilder out = new StringBuilder();
        for (TableInfo t : warehouse.tables(inProject, schema)) {
          out.append(DescribeFormatter.OWNER).append(':').append(t.id().table()).append('\n');
        }
        return out.toString();
      }
      if (cursor.acceptWords("PARTITIONS")) {
        List<SqlToken> name = cursor.qualifiedName();
        cursor.expectEnd();
        return DescribeFormatter.partitionNames(warehouse.partitions(existing(name)));
      }
      throw cursor.parseError("only SHOW TABLES and SHOW PARTITIONS are supported");
    }

    private String query(List<SqlToken> statement) {
      lastWasQuery = true;
      String duckSql = QueryTranslator.translate(script, statement, parts -> queries.relation(existing(parts)));
      try {
        return queries.query(duckSql, rs -> new CsvResultFormatter(zone).format(rs));
      } catch (SQLException e) {
        throw translateError(e, statement);
      }
    }

    private SqlError translateError(SQLException e, List<SqlToken> statement) {
      String message = String.valueOf(e.getMessage());
      String firstLine = message.split("\n", 2)[0].trim();
      Matcher missing = MISSING_COLUMN.matcher(message);
      if (missing.find()) {
        String column = missing.group(1);
        String position = statement.stream().filter(t -> t.isName() && t.text().equalsIgnoreCase(column))
            .findFirst().map(SqlToken::position).orElse("[1,1]");
        return new SqlError("ODPS-0130071:" + position + " Semantic analysis exception - column " + column
            + " cannot be resolved");
      }
      String detail = firstLine.replaceFirst("^[A-Za-z ]+ Error: ", "");
      if (firstLine.startsWith("Parser Error")) {
        return new SqlError("ODPS-0130161:" + statement.get(0).position() + " Parse exception - " + detail);
      }
      if (firstLine.startsWith("Binder Error") || firstLine.startsWith("Catalog Error")) {
        return new SqlError("ODPS-0130071:" + statement.get(0).position() + " Semantic analysis exception - "
            + detail);
      }
      return new SqlError("ODPS-0121095:Invalid argument - " + detail);
    }

    private <T> T semantic(java.util.function.Supplier<T> action, SqlToken at) {
      try {
        return action.get();
      } catch (IllegalArgumentException e) {
        throw new SqlError("ODPS-0130071:" + at.position() + " Semantic analysis exception - " + e.getMessage());
      }
    }

    /** The table a name refers to: t, project.t (or schema.t when no such project), project.schema.t. */
    private TableId resolve(List<SqlToken> parts) {
      List<String> names = parts.stream().map(t -> t.text().toLowerCase(Locale.ROOT)).toList();
      return switch (names.size()) {
        case 1 -> new TableId(project, schema, names.get(0));
        case 2 -> warehouse.project(names.get(0)).isPresent()
            ? new TableId(names.get(0), TableId.DEFAULT_SCHEMA, names.get(1))
            : new TableId(project, names.get(0), names.get(1));
        case 3 -> new TableId(names.get(0), names.get(1), names.get(2));
        default -> throw new SqlError("ODPS-0130161:" + parts.get(0).position()
            + " Parse exception - invalid table name " + String.join(".", names));
      };
    }

    private TableId existing(List<SqlToken> parts) {
      TableId id = resolve(parts);
      if (warehouse.table(id).isEmpty()) {
        throw tableNotFound(parts, id);
      }
      return id;
    }

    private SqlError tableNotFound(List<SqlToken> parts, TableId id) {
      return new SqlError("ODPS-0130131:" + parts.get(0).position() + " Table not found - table " + display(id)
          + " cannot be resolved");
    }

    private String display(TableId id) {
      return TableId.DEFAULT_SCHEMA.equals(id.schema()) ? id.project() + "." + id.table() : id.toString();
    }
  }
}
