package dev.mcsink.localmc.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.sql.SqlOutcome;
import dev.mcsink.localmc.sql.TypedResult;
import dev.mcsink.localmc.types.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceDownloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final InstanceDownloads downloads = new InstanceDownloads();

  @Test
  void withTheLimitEnabledASessionOffersAtMostTenThousandRecords() throws Exception {
    SqlOutcome outcome = SqlOutcome.ok("n\n", numbers(InstanceDownloads.LIMITED_RECORDS + 5));

    JsonNode limited = session(outcome, Map.of("downloads", "", "instance_tunnel_limit_enabled", ""));
    JsonNode unlimited = session(outcome, Map.of("downloads", ""));

    assertThat(limited.get("RecordCount").asLong()).isEqualTo(InstanceDownloads.LIMITED_RECORDS);
    assertThat(unlimited.get("RecordCount").asLong()).isEqualTo(InstanceDownloads.LIMITED_RECORDS + 5);
    assertThat(unlimited.at("/Schema/columns/0/type").asText()).isEqualTo("bigint");
  }

  @Test
  void aReadBeyondTheSessionIsRefused() throws Exception {
    JsonNode session = session(SqlOutcome.ok("n\n", numbers(3)), Map.of("downloads", ""));
    Map<String, String> params = new HashMap<>();
    params.put("downloadid", session.get("DownloadID").asText());
    params.put("data", null);
    params.put("rowrange", "(2,5)");

    assertThatThrownBy(() -> downloads.read("p", "i1", request(params)))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("row range");
  }

  @Test
  void anotherInstancesDownloadIdIsUnknown() throws Exception {
    JsonNode session = session(SqlOutcome.ok("n\n", numbers(1)), Map.of("downloads", ""));

    assertThatThrownBy(() -> downloads.reload("p", "other", request(Map.of("downloadid", session.get("DownloadID").asText()))))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("download id does not exist");
  }

  @Test
  void aFailedOrResultlessInstanceHasNoSession() {
    assertThatThrownBy(() -> downloads.create("p", "i1", SqlOutcome.text(""), request(Map.of("downloads", ""))))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("Non select query not supported");
    assertThatThrownBy(() -> downloads.create("p", "i1", SqlOutcome.failed("ODPS-0130131: boom"), request(Map.of("downloads", ""))))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("boom");
  }

  private JsonNode session(SqlOutcome outcome, Map<String, String> params) throws Exception {
    OdpsResponse response = downloads.create("p", "i1", outcome, request(params));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    response.writeBody(body);
    return JSON.readTree(body.toByteArray());
  }

  private static TypedResult numbers(int count) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      rows.add(new Object[] {i});
    }
    return new TypedResult(List.of(Column.of("n", "BIGINT")), rows);
  }

  private static OdpsRequest request(Map<String, String> params) {
    return new OdpsRequest("POST", "/projects/p/instances/i1", params, Map.of(), new ByteArrayInputStream(new byte[0]), "r1");
  }
}
