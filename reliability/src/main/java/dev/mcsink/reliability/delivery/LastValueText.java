package dev.mcsink.reliability.delivery;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link LastValueReport} as text for a terminal: what was read, the figures on one line, the
 * first differing keys, and a last line saying whether the table holds the last value per key.
 */
final class LastValueText {
  private LastValueText() {}

  static String render(LastValueReport r) {
    StringBuilder out = new StringBuilder();
    out.append("Topic ").append(r.topic()).append(", table ").append(r.table()).append(" (key column ")
        .append(r.keyColumn()).append(", value column ").append(r.valueColumn()).append("): ")
        .append(r.recordsRead()).append(" records, ").append(r.keysProduced()).append(" keys, ")
        .append(r.keysDeleted()).append(" deleted by their last record; ").append(r.tableRows())
        .append(" table rows\n");
    if (r.recordsWithoutKey() > 0) {
      out.append(r.recordsWithoutKey()).append(" records have no key (not counted)\n");
    }
    out.append("keys expected ").append(r.keysExpected()).append(", matching ").append(r.matching())
        .append(", wrong ").append(r.wrong()).append(", missing ").append(r.missing())
        .append(", unexpected ").append(r.unexpected()).append('\n');
    appendKeys(out, "Wrong values", r.wrong(), r.firstWrong().stream()
        .map(w -> w.key() + " (table " + w.found() + ", last produced " + w.expected() + ")").toList());
    appendKeys(out, "Missing keys", r.missing(), r.firstMissing());
    appendKeys(out, "Unexpected keys", r.unexpected(), r.firstUnexpected());
    if (r.matches()) {
      out.append("OK: the table holds the last value of all ").append(r.keysExpected()).append(" keys\n");
    } else {
      out.append("DIFFERENT: ").append(r.wrong() + r.missing()).append(" of ").append(r.keysExpected())
          .append(" keys lack their last value, ").append(r.unexpected()).append(" rows unexpected\n");
    }
    return out.toString();
  }

  private static void appendKeys(StringBuilder out, String what, long count, List<String> first) {
    if (count > 0) {
      out.append(what).append(" (first ").append(LastValueCheck.KEYS_SHOWN).append("): ")
          .append(first.stream().collect(Collectors.joining(", "))).append(count > first.size() ? ", ..." : "")
          .append('\n');
    }
  }
}
