package dev.mcsink.localmc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.activity.TableActivity;
import dev.mcsink.localmc.activity.TunnelActivity;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.AdminRoutes;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.types.TableId;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

/**
 * The HTTP face of faults, limits and tunnel activity, for tests and benchmarks in other processes:
 * <ul>
 *   <li>{@code POST /__admin/faults} {"route":"upload-block","kind":"fail","status":503,"times":3}
 *       ({@code kind}: fail | latency (with "millis") | drop; {@code times} -1 = until cleared)</li>
 *   <li>{@code GET /__admin/faults} lists the rules, {@code DELETE /__admin/faults} clears them</li>
 *   <li>{@code POST /__admin/limits} {"enforced":false}, {@code GET /__admin/limits}</li>
 *   <li>{@code GET /__admin/activity} per-table tunnel counts:
 *       {"tables":[{"project":..,"schema":..,"table":..,"uploadSessions":..,"blocks":..,"commits":..,
 *       "committedRows":..,"streamSessions":..,"streamPacks":..,"streamRows":..}]};
 *       {@code DELETE /__admin/activity} resets them</li>
 * </ul>
 */
public final class AdminApi implements AdminRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Faults faults;
  private final TableLimits limits;
  private final TunnelActivity activity;

  public AdminApi(Faults faults, TableLimits limits, TunnelActivity activity) {
    this.faults = faults;
    this.limits = limits;
    this.activity = activity;
  }

  @Override
  public OdpsResponse handle(String method, String path, String body) {
    try {
      return switch (method + " " + path) {
        case "GET /__admin/faults" -> OdpsResponse.json(200, listFaults().toString());
        case "DELETE /__admin/faults" -> {
          faults.clear();
          yield OdpsResponse.json(200, listFaults().toString());
        }
        case "POST /__admin/faults" -> {
          addFault(JSON.readTree(body));
          yield OdpsResponse.json(200, listFaults().toString());
        }
        case "GET /__admin/limits" -> OdpsResponse.json(200, limitsJson().toString());
        case "POST /__admin/limits" -> {
          limits.setEnforced(JSON.readTree(body).path("enforced").asBoolean(true));
          yield OdpsResponse.json(200, limitsJson().toString());
        }
        case "GET /__admin/activity" -> OdpsResponse.json(200, activityJson().toString());
        case "DELETE /__admin/activity" -> {
          activity.reset();
          yield OdpsResponse.json(200, activityJson().toString());
        }
        default -> OdpsResponse.json(404, "{\"error\":\"no admin route " + method + " " + path + "\"}");
      };
    } catch (Exception e) {
      return OdpsResponse.json(400, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
    }
  }

  private void addFault(JsonNode spec) {
    String route = spec.path("route").asText("*");
    int times = spec.path("times").asInt(1);
    switch (spec.path("kind").asText("")) {
      case "fail" -> faults.fail(route, spec.path("status").asInt(500), times);
      case "latency" -> faults.delay(route, Duration.ofMillis(spec.path("millis").asLong()), times);
      case "drop" -> faults.drop(route, times);
      default -> throw new IllegalArgumentException("kind must be fail, latency or drop");
    }
  }

  private ArrayNode listFaults() {
    ArrayNode array = JSON.createArrayNode();
    for (Faults.Rule rule : faults.rules()) {
      array.addObject().put("route", rule.route()).put("kind", rule.kind().name().toLowerCase())
          .put("status", rule.status()).put("millis", rule.latency().toMillis())
          .put("remaining", rule.remaining()).put("applied", rule.applied());
    }
    return array;
  }

  private ObjectNode limitsJson() {
    TableLimits.Quota q = limits.quota();
    return JSON.createObjectNode().put("enforced", limits.enforced())
        .put("sessionsPer5Min", q.sessionsPer5Min()).put("blocksPer5Min", q.blocksPer5Min())
        .put("commitsPer15s", q.commitsPer15s()).put("concurrentCommits", q.concurrentCommits())
        .put("blocksPerSession", q.blocksPerSession());
  }

  private ObjectNode activityJson() {
    ObjectNode json = JSON.createObjectNode();
    ArrayNode tables = json.putArray("tables");
    // Sorted, so two snapshots of the same tables list them in the same order.
    activity.snapshot().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(TableId::toString)))
        .forEach(e -> {
          TableId id = e.getKey();
          TableActivity a = e.getValue();
          tables.addObject().put("project", id.project()).put("schema", id.schema()).put("table", id.table())
              .put("uploadSessions", a.uploadSessions()).put("blocks", a.blocks()).put("commits", a.commits())
              .put("committedRows", a.committedRows()).put("streamSessions", a.streamSessions())
              .put("streamPacks", a.streamPacks()).put("streamRows", a.streamRows());
        });
    return json;
  }
}
