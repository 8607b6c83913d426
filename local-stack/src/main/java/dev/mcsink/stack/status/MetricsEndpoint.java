package dev.mcsink.stack.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A Prometheus endpoint such as the Connect worker's agent, http://localhost:9404/metrics. */
public final class MetricsEndpoint {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI uri;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public MetricsEndpoint(URI uri) {
    this.uri = uri;
  }

  /** The samples of one scrape; fails when the endpoint does not answer 200. */
  public List<Sample> scrape() throws IOException, InterruptedException {
    return PrometheusText.parse(scrapeText());
  }

  public String scrapeText() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
