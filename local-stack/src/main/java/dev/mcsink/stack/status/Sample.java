package dev.mcsink.stack.status;

import java.util.Map;

/** One line of a Prometheus scrape: a metric name, its labels and its value. */
public record Sample(String name, Map<String, String> labels, double value) {
  public Sample {
    labels = Map.copyOf(labels);
  }

  public String label(String label) {
    return labels.get(label);
  }
}
