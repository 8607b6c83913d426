package dev.mcsink.reliability.chaos;

/**
 * What one scenario on one write path left behind.
 *
 * @param produced     records the producer had acknowledged
 * @param expected     records in the topic (what the delivery check expects)
 * @param landed       distinct records with a row in the table
 * @param routed       records in the error topic or dead-letter queue instead
 * @param missing      records in neither: must be 0
 * @param duplicates   rows beyond the first for a record
 * @param drainSeconds from the end of the fault until nothing was missing (or the check gave up)
 * @param stop         with no error route: how the task stopped (its trace's first line); else null
 * @param problem      why the scenario did not pass; null when it did
 */
record ScenarioResult(String scenario, String path, String fault, long produced, long expected, long landed,
    long routed, long missing, long duplicates, double drainSeconds, String stop, String problem) {
  boolean passed() {
    return problem == null;
  }
}
