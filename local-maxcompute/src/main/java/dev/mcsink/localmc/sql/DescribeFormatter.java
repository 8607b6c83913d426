package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.PartitionInfo;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.types.Column;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The text block of {@code DESC table}, laid out as MaxCompute's console shows it. */
final class DescribeFormatter {
  static final String OWNER = "ALIYUN$local";
  private static final int WIDTH = 84;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private final ZoneId zone;
  private final StringBuilder out = new StringBuilder();

  DescribeFormatter(ZoneId zone) {
    this.zone = zone;
  }

  String table(TableInfo table, boolean extended) {
    rule();
    line(field("Owner:", OWNER));
    line(field("Project:", table.id().project()));
    if (!"default".equals(table.id().schema())) {
      line(field("Schema:", table.id().schema()));
    }
    line(field("TableComment:", table.comment()));
    rule();
    line(field("CreateTime:", time(table.createTimeMillis())));
    line(field("LastDDLTime:", time(table.lastDdlTimeMillis())));
    line(field("LastModifiedTime:", time(table.lastModifiedTimeMillis())));
    if (table.lifecycleDays() > 0) {
      line(field("Lifecycle:", Long.toString(table.lifecycleDays())));
    }
    if (table.properties().transactional()) {
      line(field("Transactional:", "true"));
    }
    if (table.properties().isDelta()) {
      line(field("PrimaryKey:", String.join(", ", table.properties().primaryKey())));
      line(field("write.bucket.num:", Integer.toString(table.properties().bucketNum())));
    }
    rule();
    line(String.format(Locale.ROOT, "InternalTable: YES      | Size: %d", table.sizeBytes()));
    if (extended) {
      line(String.format(Locale.ROOT, "RecordNum: %d", table.recordCount()));
    }
    rule();
    line("Native Columns:");
    rule();
    line(String.format(Locale.ROOT, "%-8s | %-10s | %-5s | %s", "Field", "Type", "Label", "Comment"));
    rule();
    for (Column c : table.schema().columns()) {
      line(String.format(Locale.ROOT, "%-8s | %-10s |       | %s", c.name(),
          c.type().typeName().toLowerCase(Locale.ROOT), c.comment()));
    }
    rule();
    if (table.schema().isPartitioned()) {
      line("Partition Columns:");
      rule();
      for (Column c : table.schema().partitionColumns()) {
        line(String.format(Locale.ROOT, "%-8s | %-10s | %s", c.name(),
            c.type().typeName().toLowerCase(Locale.ROOT), c.comment()));
      }
      rule();
    }
    return out.toString();
  }

  String partition(PartitionInfo partition) {
    rule();
    line(field("PartitionSize:", Long.toString(partition.sizeBytes())));
    rule();
    line(field("CreateTime:", time(partition.createTimeMillis())));
    line(field("LastDDLTime:", time(partition.lastDdlTimeMillis())));
    line(field("LastModifiedTime:", time(partition.lastModifiedTimeMillis())));
    rule();
    return out.toString();
  }

  static String partitionNames(List<PartitionInfo> partitions) {
    StringBuilder b = new StringBuilder();
    for (PartitionInfo p : partitions) {
      b.append(p.spec().toPathName()).append('\n');
    }
    return b.toString();
  }

  private String time(long millis) {
    return TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
  }

  private static String field(String name, String value) {
    return String.format(Locale.ROOT, "%-26s%s", name, value);
  }

  private void rule() {
    out.append('+').append("-".repeat(WIDTH)).append("+\n");
  }

  private void line(String content) {
    String text = content.length() > WIDTH - 2 ? content : String.format(Locale.ROOT, "%-" + (WIDTH - 2) + "s", content);
    out.append("| ").append(text).append(" |\n");
  }
}
