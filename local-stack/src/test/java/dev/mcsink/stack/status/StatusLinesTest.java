package dev.mcsink.stack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLinesTest {
  private static final long SECOND = 1_000_000_000L;

  private final StatusLines lines = new StatusLines();

  @Test
  void rowsLandedAndCommitLagAreSummedOverTasksAndTheRateComesFromTwoScrapes() {
    List<String> first = lines.next(scrape(orders(0, 1000, 10), orders(1, 2000, 5)), 0);
    List<String> second = lines.next(scrape(orders(0, 4000, 0), orders(1, 5000, 0)), 5 * SECOND);

    assertThat(first).as("no rate from one scrape").isEmpty();
    assertThat(second).containsExactly("orders: 1,200 rows/s, 9,000 rows landed, commit lag 0, errors 0");
  }

  @Test
  void errorsAreRoutedRecordsPlusFailedWritesWithTheSplitShown() {
    String errors = """
        maxcompute_sink_records_routed_total{connector="orders",task="0"} 3.0
        maxcompute_sink_write_failures_transient_total{connector="orders",task="0"} 2.0
        maxcompute_sink_write_failures_fatal_total{connector="orders",task="1"} 1.0
        """;
    lines.next(scrape(orders(0, 0, 0), orders(1, 0, 0), errors), 0);

    assertThat(lines.next(scrape(orders(0, 20, 7), orders(1, 0, 0), errors), 10 * SECOND)).containsExactly(
        "orders: 2.0 rows/s, 20 rows landed, commit lag 7, errors 6 (3 routed, 2 transient and 1 fatal write failures)");
  }

  @Test
  void eachConnectorHasItsLineAndOneWithoutMetricsYetHasNone() {
    String connectOnly = "kafka_connect_sink_task_metrics_sink_record_read_total{connector=\"late\",task=\"0\"} 5.0\n";
    lines.next(scrape(orders(0, 0, 0), text("clicks", 0, 0, 0), connectOnly), 0);

    List<String> second = lines.next(scrape(orders(0, 50, 0), text("clicks", 0, 100, 0), connectOnly), 5 * SECOND);

    assertThat(second).containsExactly(
        "clicks: 20 rows/s, 100 rows landed, commit lag 0, errors 0",
        "orders: 10 rows/s, 50 rows landed, commit lag 0, errors 0");
  }

  @Test
  void aConnectorWhoseMetricsAppearLaterGetsItsLineFromItsSecondScrape() {
    lines.next(scrape(""), 0);
    List<String> firstSeen = lines.next(scrape(orders(0, 10, 0)), 5 * SECOND);
    List<String> secondSeen = lines.next(scrape(orders(0, 60, 0)), 10 * SECOND);

    assertThat(firstSeen).isEmpty();
    assertThat(secondSeen).containsExactly("orders: 10 rows/s, 60 rows landed, commit lag 0, errors 0");
  }

  @Test
  void aRestartedTaskCountsItsRowsSinceTheRestartAndTheRateIsNeverNegative() {
    lines.next(scrape(orders(0, 5000, 0), orders(1, 5000, 0)), 0);

    // Task 1 restarted: its count began again from 0 and is now 300.
    List<String> second = lines.next(scrape(orders(0, 5200, 0), orders(1, 300, 0)), 10 * SECOND);

    assertThat(second).containsExactly("orders: 50 rows/s, 5,500 rows landed, commit lag 0, errors 0");
  }

  private static String orders(int task, long rows, long lag) {
    return text("orders", task, rows, lag);
  }

  /** One task's sink metrics as the exporter writes them. */
  private static String text(String connector, int task, long rows, long lag) {
    String labels = "{connector=\"" + connector + "\",task=\"" + task + "\"}";
    return "maxcompute_sink_rows_written_total" + labels + " " + (double) rows + "\n"
        + "maxcompute_sink_commit_lag" + labels + " " + (double) lag + "\n"
        + "maxcompute_sink_records_routed_total" + labels + " 0.0\n";
  }

  private static List<Sample> scrape(String... parts) {
    // The agent's own metrics come with every scrape, some without labels.
    return PrometheusText.parse("jmx_scrape_error 0.0\njvm_threads_current{state=\"RUNNABLE\"} 12.0\n"
        + "# TYPE maxcompute_sink_rows_written_total counter\n" + String.join("", parts));
  }
}
