package dev.mcsink.benchmarks.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The worker CPU each run spent per million records, as bars: for every data set and path of a
 * report written with {@code --json}, the floor beside each connector measured. What the connector
 * costs beyond Kafka Connect, and what it cost before a change (a {@code --plugin-path} run), at a
 * glance. {@code main(report.json, chart.png)} draws it again from a saved report.
 */
final class CostChart {
  static final int WIDTH = 1400;
  static final int HEIGHT = 600;
  private static final String FLOOR = "floor (discarding sink)";

  private CostChart() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CostChart REPORT.json CHART.png");
      System.exit(2);
    }
    write(Path.of(args[0]), Path.of(args[1]));
  }

  static void write(Path report, Path png) throws IOException {
    write(new ObjectMapper().readTree(report.toFile()), png);
  }

  /** Draws the chart of a report as {@code --json} writes it. */
  static void write(JsonNode root, Path png) throws IOException {
    List<String> categories = new ArrayList<>();
    Map<String, List<Double>> bars = new LinkedHashMap<>();
    bars.put(FLOOR, new ArrayList<>());
    for (JsonNode dataSet : root.path("dataSets")) {
      Set<String> paths = new LinkedHashSet<>();
      dataSet.path("connectors").forEach(c -> paths.add(c.path("path").asText()));
      dataSet.path("connectors").forEach(c -> bars.putIfAbsent(c.path("connector").asText(), new ArrayList<>()));
      for (String path : paths) {
        categories.add(dataSet.path("format").asText() + " " + dataSet.path("partitions").asInt() + "p " + path);
        for (Map.Entry<String, List<Double>> series : bars.entrySet()) {
          series.getValue().add(series.getKey().equals(FLOOR)
              ? dataSet.path("floor").path("cpuSecondsPerMillionRecords").asDouble()
              : cpuOf(dataSet, series.getKey(), path));
        }
      }
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Worker CPU seconds per million records (lower is better)")
        .xAxisTitle("format, topic partitions, write path").yAxisTitle("worker CPU s / M records").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setXAxisLabelRotation(45);
    bars.forEach((label, values) -> chart.addSeries(label, categories, values));
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** A connector's CPU on one path of a data set; 0 where it was not measured there. */
  private static double cpuOf(JsonNode dataSet, String connector, String path) {
    for (JsonNode c : dataSet.path("connectors")) {
      if (c.path("connector").asText().equals(connector) && c.path("path").asText().equals(path)) {
        return c.path("cpuSecondsPerMillionRecords").asDouble();
      }
    }
    return 0;
  }
}
