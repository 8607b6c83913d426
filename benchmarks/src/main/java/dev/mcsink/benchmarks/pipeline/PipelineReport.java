package dev.mcsink.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.activity.TableActivity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a run as a Markdown table (pasted into docs/benchmarks.md as it is) and as JSON. */
final class PipelineReport {
  private static final double MB = 1024 * 1024;
  private static final String HEADER = "| format | partitions | path | connector | records/s | MB/s | vs ceiling "
      + "| worker CPU s / M records | MaxCompute CPU s / M records | live heap MB | heap used MB | RSS MB | sessions/min | blocks/min | commits/min | rows (distinct) | CPU vs floor | heap after GC MB | JIT CPU s / M records | CPU vs floor without JIT |";
  private static final String RULE = "|---|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

  private PipelineReport() {
  }

  static void printTable(List<DataSetResult> results, PrintStream out) {
    out.println(HEADER);
    out.println(RULE);
    for (DataSetResult r : results) {
      DataSet d = r.data();
      out.println(String.format(Locale.ROOT, "| %s | %d | - | ceiling (plain consumer) | %,.0f | %.1f | 100%% | %.2f | | | | | | | | | | | | |",
          d.format(), d.partitions(), r.ceilingRecordsPerSecond(), r.megabytesPerSecond(r.ceilingNanos() / 1e9),
          r.cpuSecondsPerMillion(r.ceilingCpuNanos())));
      WorkerSpan f = r.floor().span();
      out.println(String.format(Locale.ROOT,
          "| %s | %d | - | %s | %,.0f | %.1f | %.0f%% | %.2f | | %.0f | %.0f | %.0f | | | | %,d (offsets) | 1.0x | %.0f | %.2f | 1.0x |",
          d.format(), d.partitions(), FloorResult.LABEL, r.recordsPerSecond(f), r.megabytesPerSecond(f.seconds()),
          100 * r.ratio(f), r.cpuSecondsPerMillion(f.cpuNanos()), f.peakLiveHeapBytes() / MB, f.peakHeapUsedBytes() / MB,
          f.peakRssBytes() / MB, r.floor().records(), f.heapAfterGcBytes() / MB, r.cpuSecondsPerMillion(f.compilerCpuNanos())));
      for (ConnectorResult c : r.connectors()) {
        TableActivity a = c.activity();
        WorkerSpan w = c.span();
        long sessions = c.streaming() ? a.streamSessions() : a.uploadSessions();
        long writes = c.streaming() ? a.streamPacks() : a.blocks();
        out.println(String.format(Locale.ROOT,
            "| %s | %d | %s | %s | %,.0f | %.1f | %.0f%% | %.2f | %.2f | %.0f | %.0f | %.0f | %.1f | %.1f | %s | %,d (%s) | %.1fx | %.0f | %.2f | %.1fx |",
            d.format(), d.partitions(), c.path(), c.candidate().label(), r.recordsPerSecond(w),
            r.megabytesPerSecond(w.seconds()), 100 * r.ratio(w), r.cpuSecondsPerMillion(w.cpuNanos()),
            r.cpuSecondsPerMillion(w.serviceCpuNanos()),
            w.peakLiveHeapBytes() / MB, w.peakHeapUsedBytes() / MB, w.peakRssBytes() / MB,
            c.perMinute(sessions), c.perMinute(writes),
            c.streaming() ? "-" : String.format(Locale.ROOT, "%.1f", c.perMinute(a.commits())),
            c.rows(), c.distinctOffsets() < 0 ? "?" : String.format(Locale.ROOT, "%,d", c.distinctOffsets()),
            r.cpuVsFloor(w), w.heapAfterGcBytes() / MB, r.cpuSecondsPerMillion(w.compilerCpuNanos()),
            r.cpuVsFloorWithoutCompiler(w)));
      }
    }
    out.println();
    out.println("Ceiling CPU is the benchmark process's (the consumer; the local MaxCompute idle). Worker CPU is the"
        + " Connect worker's; MaxCompute CPU the local MaxCompute's, over the same span"
        + " and the checkpoint of its rows right after it.");
    out.println("Floor: a sink that discards every record, in a worker like the connectors' (heap, worker"
        + " configuration, converters); its span ends when its committed offsets reach the end of the topic, and its"
        + " rows column counts those offsets. CPU vs floor: a connector's worker CPU per record over the floor's.");
    out.println("Heap after GC: heap used right after a full collection forced in the worker over JMX at the end of"
        + " the span (the live set); live heap: the largest heap use after a collection of G1's own timing.");
    out.println("JIT CPU: the part of the worker CPU its just-in-time compiler threads spent in the span (a fresh"
        + " worker compiles for a minute or more, whatever the warm-up); CPU vs floor without JIT: the ratio of the"
        + " rest, the steady cost per record.");
    out.println("Streaming rows: sessions/min are stream sessions, blocks/min are record packs (each one request, "
        + "visible when answered; no separate commit).");
  }

  static void writeJson(Path file, Map<String, Object> environment, List<DataSetResult> results) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json(environment, results));
  }

  /** The report as {@link #writeJson} writes it. */
  static ObjectNode json(Map<String, Object> environment, List<DataSetResult> results) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.set("environment", json.valueToTree(environment));
    ArrayNode runs = root.putArray("dataSets");
    for (DataSetResult r : results) {
      ObjectNode run = runs.addObject();
      DataSet d = r.data();
      run.put("format", d.format().name()).put("partitions", d.partitions()).put("records", d.records())
          .put("valueBytes", d.valueBytes()).put("bytes", d.bytes());
      run.putObject("ceiling")
          .put("seconds", r.ceilingNanos() / 1e9)
          .put("recordsPerSecond", r.ceilingRecordsPerSecond())
          .put("megabytesPerSecond", r.megabytesPerSecond(r.ceilingNanos() / 1e9))
          .put("cpuSecondsPerMillionRecords", r.cpuSecondsPerMillion(r.ceilingCpuNanos()));
      WorkerSpan f = r.floor().span();
      ObjectNode floor = run.putObject("floor")
          .put("connector", FloorResult.LABEL)
          .put("connectorClass", FloorPlugin.CONNECTOR_CLASS)
          .put("seconds", f.seconds())
          .put("recordsPerSecond", r.recordsPerSecond(f))
          .put("megabytesPerSecond", r.megabytesPerSecond(f.seconds()))
          .put("ratioToCeiling", r.ratio(f))
          .put("cpuSecondsPerMillionRecords", r.cpuSecondsPerMillion(f.cpuNanos()))
          .put("jitCpuSecondsPerMillionRecords", r.cpuSecondsPerMillion(f.compilerCpuNanos()));
      putMemory(floor, f).put("committedRecords", r.floor().records());
      ArrayNode connectors = run.putArray("connectors");
      for (ConnectorResult c : r.connectors()) {
        ObjectNode node = connectors.addObject()
            .put("connector", c.candidate().label())
            .put("connectorClass", c.candidate().connectorClass())
            .put("path", c.path())
            .put("table", c.table())
            .put("seconds", c.seconds())
            .put("recordsPerSecond", r.recordsPerSecond(c.span()))
            .put("megabytesPerSecond", r.megabytesPerSecond(c.seconds()))
            .put("ratioToCeiling", r.ratio(c.span()))
            .put("cpuSecondsPerMillionRecords", r.cpuSecondsPerMillion(c.span().cpuNanos()))
            .put("cpuVsFloor", r.cpuVsFloor(c.span()))
            .put("jitCpuSecondsPerMillionRecords", r.cpuSecondsPerMillion(c.span().compilerCpuNanos()))
            .put("cpuVsFloorWithoutJit", r.cpuVsFloorWithoutCompiler(c.span()))
            .put("serviceCpuSecondsPerMillionRecords", r.cpuSecondsPerMillion(c.span().serviceCpuNanos()));
        putMemory(node, c.span())
            .put("rows", c.rows())
            .put("distinctOffsets", c.distinctOffsets());
        node.set("overrides", json.valueToTree(c.candidate().overrides()));
        TableActivity a = c.activity();
        node.putObject("tunnel")
            .put("uploadSessions", a.uploadSessions()).put("blocks", a.blocks()).put("commits", a.commits())
            .put("streamSessions", a.streamSessions()).put("streamPacks", a.streamPacks())
            .put("uploadSessionsPerMinute", c.perMinute(a.uploadSessions()))
            .put("blocksPerMinute", c.perMinute(a.blocks()))
            .put("commitsPerMinute", c.perMinute(a.commits()))
            .put("streamSessionsPerMinute", c.perMinute(a.streamSessions()))
            .put("streamPacksPerMinute", c.perMinute(a.streamPacks()));
        ArrayNode samples = node.putArray("rowsOverTime");
        for (Sample s : c.samples()) {
          samples.addArray().add(Math.round(s.seconds() * 1000) / 1000.0).add(s.rows());
        }
      }
    }
    return root;
  }

  /** The worker's memory and collections over a span, the same fields for the floor and the connectors. */
  private static ObjectNode putMemory(ObjectNode node, WorkerSpan span) {
    return node.put("peakLiveHeapBytes", span.peakLiveHeapBytes())
        .put("peakHeapUsedBytes", span.peakHeapUsedBytes())
        .put("heapAfterGcBytes", span.heapAfterGcBytes())
        .put("peakRssBytes", span.peakRssBytes())
        .put("garbageCollections", span.collections());
  }
}
