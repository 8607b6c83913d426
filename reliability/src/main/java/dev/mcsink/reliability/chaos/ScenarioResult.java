package dev.mcsink.reliability.chaos;

import dev.mcsink.reliability.delivery.LastValueReport;
import java.util.List;

/**
 * What one scenario in one delivery configuration left behind.
 *
 * @param path          the write path: batch or stream
 * @param produced      records the producer had acknowledged
 * @param expected      records in the topic (what the delivery check expects); keys expected for a
 *                      last-value check
 * @param landed        distinct records with a row in the table; keys matching for a last-value check
 * @param routed        records in the error topic or dead-letter queue instead
 * @param missing       records in neither: must be 0; keys missing or wrong for a last-value check
 * @param duplicates    rows beyond the first for a record; keys unexpected for a last-value check
 * @param drainSeconds  from the end of the fault until nothing was missing (or the check gave up)
 * @param stop          with no error route: how the task stopped (its trace's first line); else null
 * @param problem       why the scenario did not pass; null when it did
 * @param delivery      at-least-once (duplicates reported) or exactly-once (a duplicate fails)
 * @param configuration how the connector wrote, as the report names it ({@link Delivery#label()})
 * @param lastValue     the last-value-per-key figures of an upsert scenario; else null
 * @param tables        per table, when the connector routes several topics to their own tables (the
 *                      other figures are their sums); else null
 */
record ScenarioResult(String scenario, String path, String fault, long produced, long expected, long landed,
    long routed, long missing, long duplicates, double drainSeconds, String stop, String problem,
    String delivery, String configuration, LastValueFigures lastValue, List<TableFigures> tables) {
  /**
   * One topic against its own table, and its records that gained a field against the table's column
   * of that name ({@link dev.mcsink.reliability.delivery.AddedFieldCheck}).
   */
  record TableFigures(String table, long expected, long landed, long missing, long duplicates,
      long recordsWithAddedField, long recordsHoldingIt, long recordsWrong) {
    /** The sums of two tables' figures, named after the first. */
    TableFigures plus(TableFigures other) {
      return new TableFigures(table, expected + other.expected, landed + other.landed, missing + other.missing,
          duplicates + other.duplicates, recordsWithAddedField + other.recordsWithAddedField,
          recordsHoldingIt + other.recordsHoldingIt, recordsWrong + other.recordsWrong);
    }

    @Override
    public String toString() {
      return table + ": expected " + expected + ", landed " + landed + ", missing " + missing + ", duplicates "
          + duplicates + "; with the added field " + recordsWithAddedField + ", holding it " + recordsHoldingIt
          + ", wrong " + recordsWrong;
    }
  }

  /** The figures of bin/verify-delivery --mode last-value-per-key. */
  record LastValueFigures(long keysExpected, long matching, long wrong, long missing, long unexpected) {
    static LastValueFigures of(LastValueReport report) {
      return new LastValueFigures(report.keysExpected(), report.matching(), report.wrong(), report.missing(),
          report.unexpected());
    }

    @Override
    public String toString() {
      return "keys expected " + keysExpected + ", matching " + matching + ", wrong " + wrong + ", missing "
          + missing + ", unexpected " + unexpected;
    }
  }

  boolean passed() {
    return problem == null;
  }
}
