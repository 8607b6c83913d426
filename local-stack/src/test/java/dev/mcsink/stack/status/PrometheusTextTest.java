package dev.mcsink.stack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void samplesKeepTheirLabelsAndValuesAndCommentsAreSkipped() {
    List<Sample> samples = PrometheusText.parse("""
        # HELP maxcompute_sink_rows_written_total rows committed in MaxCompute
        # TYPE maxcompute_sink_rows_written_total counter
        maxcompute_sink_rows_written_total{connector="orders",task="0"} 1234.0

        maxcompute_sink_table_bytes_sent_total{connector="orders",table="a \\"quoted\\", b",task="1"} 1.5E7 1700000000000
        jmx_scrape_error 0.0
        maxcompute_sink_write_latency_max{connector="orders",task="0"} NaN
        maxcompute_sink_write_latency_p99{connector="orders",task="0"} +Inf
        """);

    assertThat(samples).containsExactly(
        new Sample("maxcompute_sink_rows_written_total", Map.of("connector", "orders", "task", "0"), 1234),
        new Sample("maxcompute_sink_table_bytes_sent_total",
            Map.of("connector", "orders", "table", "a \"quoted\", b", "task", "1"), 1.5e7),
        new Sample("jmx_scrape_error", Map.of(), 0),
        new Sample("maxcompute_sink_write_latency_max", Map.of("connector", "orders", "task", "0"), Double.NaN),
        new Sample("maxcompute_sink_write_latency_p99", Map.of("connector", "orders", "task", "0"),
            Double.POSITIVE_INFINITY));
  }
}
