package dev.mcsink.localmc.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.HttpEntry;
import dev.mcsink.localmc.rest.OdpsResponse;
import java.time.Duration;

/**
 * The HTTP face of faults and limits, for tests in other processes:
 * <ul>
 *   <li>{@code POST /__admin/faults} {"route":"upload-block","kind":"fail","status":503,"times":3}
 *       ({@code kind}: fail | latency (with "millis") | drop; {@code times} -1 = until cleared)</li>
 *   <li>{@code GET /__admin/faults} lists the rules, {@code DELETE /__admin/faults} clears them</li>
 *   <li>{@code POST /__admin/limits} {"enforced":false}, {@code GET /__admin/limits}</li>
 * </ul>
 */
public final class AdminApi implements HttpEntry.AdminRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Faults faults;
  private final TableLimits limits;

  public AdminApi(Faults faults, TableLimits limits) {
    this.faults = faults;
    this.limits = limits;
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
}
