package dev.mcsink.localmc.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.sql.MaxComputeSqlRunner;
import dev.mcsink.localmc.sql.SqlOutcome;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SQL instances. A statement runs to its end while the POST is answered, so every instance the
 * SDK sees is already Terminated; the outcome is kept for the status and result calls.
 */
final class InstanceResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final int KEPT_INSTANCES = 10_000;

  private final MaxComputeSqlRunner sql;
  private final Clock clock;
  private final Map<String, Finished> instances = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Finished> eldest) {
          return size() > KEPT_INSTANCES;
        }
      });

  InstanceResource(MaxComputeSqlRunner sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  OdpsResponse create(String project, OdpsRequest request, String locationBase) {
    SqlJob job = SqlJob.parse(request.body());
    long start = clock.millis();
    SqlOutcome outcome = sql.run(project, defaultSchema(job), job.query());
    String id = ID_TIME.format(clock.instant()) + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    instances.put(key(project, id), new Finished(job.taskName(), outcome, start, clock.millis()));
    return OdpsResponse.empty(201).header("Location", locationBase + "/projects/" + project + "/instances/" + id);
  }

  /** The outcome of a finished instance, for the instance tunnel. */
  SqlOutcome outcome(String project, String id) {
    return finished(project, id).outcome();
  }

  OdpsResponse get(String project, String id, OdpsRequest request) {
    Finished f = finished(project, id);
    if (request.has("instancesummary")) {
      return summary(f, request.param("taskname"));
    }
    if (request.has("taskstatus")) {
      Xml xml = new Xml().open("Instance").element("Status", "Terminated").open("Tasks");
      xml.openWith("Task", "Type", "SQL").element("Name", f.taskName())
          .element("StartTime", HttpDates.format(f.start())).element("EndTime", HttpDates.format(f.end()))
          .element("Status", f.outcome().success() ? "Success" : "Failed").close("Task");
      return OdpsResponse.xml(200, xml.close("Tasks").close("Instance").toString());
    }
    if (request.has("result")) {
      String text = f.outcome().success() ? f.outcome().csv() : f.outcome().errorMessage();
      Xml xml = new Xml().open("Instance").open("Tasks").openWith("Task", "Type", "SQL")
          .element("Name", f.taskName());
      String format = f.outcome().success() && f.outcome().tabular() ? "csv" : "text";
      xml.cdataWith("Result", text == null ? "" : text, "Format", format);
      xml.element("Status", f.outcome().success() ? "Success" : "Failed").close("Task").close("Tasks").close("Instance");
      return OdpsResponse.xml(200, xml.toString());
    }
    String xml = new Xml().open("Instance").element("Status", "Terminated").close("Instance").toString();
    return OdpsResponse.xml(200, xml)
        .header("x-odps-start-time", HttpDates.format(f.start()))
        .header("x-odps-end-time", HttpDates.format(f.end()))
        .header("x-odps-owner", "ALIYUN$local@aliyun.com");
  }

  /**
   * {@code ?instancesummary&taskname=}: the JSON the SDK's getTaskSummary reads; its Outputs (rows
   * and bytes per table written) are where JDBC's executeUpdate takes its update count from.
   */
  private static OdpsResponse summary(Finished f, String taskName) {
    if (taskName == null || !taskName.equals(f.taskName())) {
      throw ServiceException.notFound("NoSuchObject", "Task not found - '" + taskName + "'.");
    }
    ObjectNode json = JSON.createObjectNode();
    json.putObject("Inputs");
    ObjectNode outputs = json.putObject("Outputs");
    StringBuilder text = new StringBuilder("Outputs:\n");
    f.outcome().outputs().forEach((table, rows) -> {
      outputs.putArray(table).add(rows).add(0);
      text.append("    ").append(table).append(": ").append(rows).append(" (0 bytes)\n");
    });
    ObjectNode body = JSON.createObjectNode();
    body.putObject("Instance").put("JsonSummary", json.toString()).put("Summary", text.toString());
    return OdpsResponse.json(200, body.toString());
  }

  private Finished finished(String project, String id) {
    Finished f = instances.get(key(project, id));
    if (f == null) {
      throw ServiceException.notFound("NoSuchObject", "Instance not found - '" + id + "'.");
    }
    return f;
  }

  /** The SDK passes the current schema in the task's "settings" JSON. */
  private static String defaultSchema(SqlJob job) {
    String settings = job.properties().get("settings");
    if (settings == null || settings.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(settings);
      JsonNode schema = node.get("odps.default.schema");
      return schema == null ? null : schema.asText();
    } catch (Exception e) {
      return null;
    }
  }

  private static String key(String project, String id) {
    return project.toLowerCase(java.util.Locale.ROOT) + "/" + id;
  }

  private record Finished(String taskName, SqlOutcome outcome, long start, long end) {}
}
