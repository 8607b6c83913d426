package dev.mcsink.reliability.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link DeliveryReport} as text for a terminal: what was read, one line per Kafka partition and
 * a TOTAL line (numbers right-aligned under their headings), the first missing offsets of each
 * partition, and a last line saying whether anything is missing.
 */
final class ReportTable {
  private static final List<String> HEADINGS =
      List.of("partition", "expected", "landed", "duplicated", "to errors", "missing", "unexpected");

  private ReportTable() {}

  static String render(DeliveryReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Topic ").append(report.topic()).append(", table ").append(report.table()).append(": ")
        .append(describeTablePartitions(report.tablePartitions())).append(", ")
        .append(report.rowsOfTopic()).append(" rows of the topic\n");
    for (ErrorTopicCount e : report.errorTopics()) {
      out.append("Error topic ").append(e.errorTopic()).append(": ").append(e.records()).append(" records, ")
          .append(e.fromCheckedTopic()).append(" from ").append(report.topic()).append('\n');
    }
    if (report.rowsWithoutOrigin() > 0) {
      out.append(report.rowsWithoutOrigin())
          .append(" rows of the topic have a NULL or invalid partition or offset (not counted below)\n");
    }
    List<List<String>> lines = new ArrayList<>();
    lines.add(HEADINGS);
    report.partitions().forEach(p -> lines.add(cells(Integer.toString(p.partition()), p)));
    lines.add(cells("TOTAL", report.total()));
    appendAligned(out, lines);
    appendMissingOffsets(out, report);
    PartitionDelivery total = report.total();
    if (report.complete()) {
      out.append("OK: all ").append(total.expected())
          .append(" records landed or went to an error topic\n");
    } else {
      out.append("MISSING: ").append(total.missing()).append(" of ").append(total.expected())
          .append(" records neither landed nor went to an error topic\n");
    }
    return out.toString();
  }

  private static String describeTablePartitions(List<String> partitions) {
    if (partitions.size() == 1 && partitions.get(0).isEmpty()) {
      return "no table partitions";
    }
    return partitions.size() + (partitions.size() == 1 ? " table partition" : " table partitions") + " read";
  }

  private static List<String> cells(String partition, PartitionDelivery p) {
    return List.of(partition, Long.toString(p.expected()), Long.toString(p.landed()),
        Long.toString(p.duplicated()), Long.toString(p.routedToErrors()), Long.toString(p.missing()),
        Long.toString(p.unexpected()));
  }

  private static void appendAligned(StringBuilder out, List<List<String>> lines) {
    int[] widths = new int[HEADINGS.size()];
    for (List<String> line : lines) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    for (List<String> line : lines) {
      for (int c = 0; c < widths.length; c++) {
        out.append(c == 0 ? "" : "  ").append(" ".repeat(widths[c] - line.get(c).length())).append(line.get(c));
      }
      out.append('\n');
    }
  }

  private static void appendMissingOffsets(StringBuilder out, DeliveryReport report) {
    if (report.complete()) {
      return;
    }
    out.append("Missing offsets (first ").append(DeliveryCheck.MISSING_RANGES_SHOWN)
        .append(" ranges per partition):\n");
    for (PartitionDelivery p : report.partitions()) {
      if (p.missing() > 0) {
        out.append("  partition ").append(p.partition()).append(": ")
            .append(p.firstMissing().stream().map(OffsetRange::toString).collect(Collectors.joining(", ")))
            .append(count(p.firstMissing()) < p.missing() ? ", ..." : "")
            .append('\n');
      }
    }
  }

  private static long count(List<OffsetRange> ranges) {
    return ranges.stream().mapToLong(r -> r.last() - r.first() + 1).sum();
  }
}
