package dev.mcsink.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Rows committed per second over the run, one line per connector run, with each data set's ceiling as
 * a flat line: where a connector stalls (a flush, a commit, a rebalance) shows as a dip.
 */
final class ThroughputChart {
  /** Rates are taken over this window, so one flush does not read as a spike. */
  private static final double WINDOW_SECONDS = 1.0;

  private ThroughputChart() {
  }

  static void write(Path png, List<DataSetResult> results) throws IOException {
    XYChart chart = new XYChartBuilder().width(1100).height(550)
        .title("Rows committed in MaxCompute per second (" + WINDOW_SECONDS + " s window)")
        .xAxisTitle("seconds since the connector was created").yAxisTitle("rows/s").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(0);
    double longest = 1;
    for (DataSetResult r : results) {
      for (ConnectorResult c : r.connectors()) {
        longest = Math.max(longest, c.seconds());
      }
    }
    for (DataSetResult r : results) {
      String dataSet = r.data().format() + ", " + r.data().partitions() + " partition" + (r.data().partitions() == 1 ? "" : "s");
      XYSeries ceiling = chart.addSeries("ceiling: " + dataSet + String.format(Locale.ROOT, " (%,.0f/s)", r.ceilingRecordsPerSecond()),
          new double[] {0, longest}, new double[] {r.ceilingRecordsPerSecond(), r.ceilingRecordsPerSecond()});
      ceiling.setMarker(SeriesMarkers.NONE);
      for (ConnectorResult c : r.connectors()) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Sample> samples = new ArrayList<>(c.samples());
        samples.add(0, new Sample(0, 0));
        int from = 0;
        for (int to = 1; to < samples.size(); to++) {
          while (samples.get(to).seconds() - samples.get(from).seconds() > WINDOW_SECONDS) {
            from++;
          }
          int first = Math.max(0, Math.min(from, to - 1));
          double dt = samples.get(to).seconds() - samples.get(first).seconds();
          xs.add(samples.get(to).seconds());
          ys.add(dt <= 0 ? 0 : (samples.get(to).rows() - samples.get(first).rows()) / dt);
        }
        XYSeries series = chart.addSeries(c.candidate().label() + " " + c.path() + ": " + dataSet, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
      }
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
