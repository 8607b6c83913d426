package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a table must have for the configured format and mode (product document, "Supported formats
 * and table requirements"), checked before any record is written: by {@code Connector.validate()}
 * and by the task at start.
 *
 * <ul>
 *   <li>Every format: {@code topic} STRING, {@code partition} BIGINT, {@code offset} BIGINT;
 *       {@code insert_time} is optional and, when present, BIGINT, DATETIME or TIMESTAMP.</li>
 *   <li>Partitioning: either exactly one partition column, {@code pt} STRING, or none (a table
 *       without partition columns is written without a partition); with {@code partition.columns},
 *       the columns it names, in the table's order.</li>
 *   <li>TEXT: {@code key}/{@code value} STRING as the mode needs them (DEFAULT: both); BINARY:
 *       BINARY; JSON: STRING or JSON.</li>
 *   <li>CSV and FLATTEN: at least one data (non-meta) column; CSV columns of a type the connector
 *       cannot parse are reported.</li>
 * </ul>
 */
public final class TableRequirements {
  static final String PARTITION_COLUMN = "pt";
  private static final List<OdpsType> PARTITION_TYPES = List.of(OdpsType.STRING, OdpsType.VARCHAR, OdpsType.CHAR,
      OdpsType.BIGINT, OdpsType.INT, OdpsType.SMALLINT, OdpsType.TINYINT);

  private TableRequirements() {
  }

  /** Problems in user terms, one sentence each; empty when the table fits. */
  public static List<String> problems(SinkSettings settings, TableSchema schema) {
    TableColumns columns = new TableColumns(schema);
    List<String> problems = new ArrayList<>();
    requireColumn(columns, MetaColumns.TOPIC, problems, OdpsType.STRING);
    requireColumn(columns, MetaColumns.PARTITION, problems, OdpsType.BIGINT);
    requireColumn(columns, MetaColumns.OFFSET, problems, OdpsType.BIGINT);
    Column insertTime = columns.find(MetaColumns.INSERT_TIME);
    if (insertTime != null) {
      checkType(insertTime, problems, OdpsType.BIGINT, OdpsType.DATETIME, OdpsType.TIMESTAMP);
    }
    checkPartitioning(settings, schema, problems);

    switch (settings.format()) {
      case TEXT:
        requireKeyValue(columns, settings.mode(), problems, OdpsType.STRING);
        break;
      case BINARY:
        requireKeyValue(columns, settings.mode(), problems, OdpsType.BINARY);
        break;
      case JSON:
        requireKeyValue(columns, settings.mode(), problems, OdpsType.STRING, OdpsType.JSON);
        break;
      case CSV:
        requireDataColumns(columns, problems, "CSV");
        for (Column column : columns.all()) {
          if (!MetaColumns.isMeta(column) && !csvCanWrite(column.getTypeInfo().getOdpsType())) {
            problems.add("column `" + column.getName() + "` is " + column.getTypeInfo().getTypeName()
                + ", a type CSV fields cannot be written into");
          }
        }
        break;
      case FLATTEN:
        requireDataColumns(columns, problems, "FLATTEN");
        break;
      default:
        throw new IllegalArgumentException("unknown format " + settings.format());
    }
    return problems;
  }

  private static void checkPartitioning(SinkSettings settings, TableSchema schema, List<String> problems) {
    List<Column> partitions = schema.getPartitionColumns();
    List<PartitionColumnRule> rules = settings.partitionRules().columns();
    if (!rules.isEmpty()) {
      checkConfiguredPartitioning(partitions, rules, problems);
      return;
    }
    if (partitions.isEmpty()) {
      return;
    }
    if (partitions.size() != 1 || !PARTITION_COLUMN.equalsIgnoreCase(partitions.get(0).getName())) {
      problems.add("the table is partitioned by ("
          + partitions.stream().map(Column::getName).collect(Collectors.joining(", "))
          + "); without partition.columns the connector fills only a single partition column `pt` STRING (or none)");
      return;
    }
    Column pt = partitions.get(0);
    if (pt.getTypeInfo().getOdpsType() != OdpsType.STRING) {
      problems.add("partition column `pt` is " + pt.getTypeInfo().getTypeName() + "; it must be STRING");
    }
  }

  /** partition.columns names the table's partition columns, in order; their values are text or whole numbers. */
  private static void checkConfiguredPartitioning(List<Column> partitions, List<PartitionColumnRule> rules,
      List<String> problems) {
    List<String> names = partitions.stream().map(Column::getName).collect(Collectors.toList());
    List<String> configured = rules.stream().map(PartitionColumnRule::column).collect(Collectors.toList());
    if (!TableColumns.lower(String.join(",", names)).equals(TableColumns.lower(String.join(",", configured)))) {
      problems.add("the table is partitioned by (" + String.join(", ", names) + "); partition.columns fills ("
          + String.join(", ", configured) + "): give the table's partition columns, in its order");
      return;
    }
    for (Column column : partitions) {
      if (!PARTITION_TYPES.contains(column.getTypeInfo().getOdpsType())) {
        problems.add("partition column `" + column.getName() + "` is " + column.getTypeInfo().getTypeName()
            + "; the connector fills " + typeList(PARTITION_TYPES.toArray(new OdpsType[0])) + " partition columns");
      }
    }
  }

  private static void requireKeyValue(TableColumns columns, MessageMode mode, List<String> problems,
                                      OdpsType... allowed) {
    if (mode != MessageMode.VALUE) {
      requireColumn(columns, KeyValueRecordConverter.KEY, problems, allowed);
    }
    if (mode != MessageMode.KEY) {
      requireColumn(columns, KeyValueRecordConverter.VALUE, problems, allowed);
    }
  }

  private static void requireDataColumns(TableColumns columns, List<String> problems, String format) {
    boolean any = columns.all().stream().anyMatch(c -> !MetaColumns.isMeta(c));
    if (!any) {
      problems.add(format + " needs at least one column besides topic, partition, offset and insert_time");
    }
  }

  private static void requireColumn(TableColumns columns, String name, List<String> problems, OdpsType... allowed) {
    Column column = columns.find(name);
    if (column == null) {
      problems.add("missing column `" + name + "` " + typeList(allowed));
      return;
    }
    checkType(column, problems, allowed);
  }

  private static void checkType(Column column, List<String> problems, OdpsType... allowed) {
    OdpsType actual = column.getTypeInfo().getOdpsType();
    if (!Arrays.asList(allowed).contains(actual)) {
      problems.add("column `" + column.getName() + "` is " + column.getTypeInfo().getTypeName()
          + "; it must be " + typeList(allowed));
    }
  }

  private static String typeList(OdpsType... types) {
    return Arrays.stream(types).map(Enum::name).collect(Collectors.joining(" or "));
  }

  private static boolean csvCanWrite(OdpsType type) {
    switch (type) {
      case ARRAY:
      case MAP:
      case STRUCT:
        return true;
      default:
        return ColumnValueParser.isScalar(type);
    }
  }
}
