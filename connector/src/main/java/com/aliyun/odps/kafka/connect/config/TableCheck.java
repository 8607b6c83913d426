package com.aliyun.odps.kafka.connect.config;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of validation, through the SDK: the project exists, the table exists, and the
 * table has the columns the format needs. Problems land on the key to change: {@code project},
 * {@code table}, {@code access_id} (credentials refused), or {@code endpoint} (service unreachable).
 * Messages never contain the access key.
 */
public final class TableCheck implements LiveCheck {
  private static final Logger LOG = LoggerFactory.getLogger(TableCheck.class);

  @Override
  public List<ConfigProblem> check(SinkSettings settings) {
    Odps odps;
    try {
      odps = new OdpsClientFactory(settings).createOdpsForValidation();
    } catch (UnsupportedOperationException e) {
      // Credentials this build cannot use yet: nothing to check against.
      LOG.info("Skipping the MaxCompute check: {}", e.getMessage());
      return List.of();
    }
    try {
      return checkTable(settings, odps);
    } catch (OdpsException e) {
      return List.of(failure(settings, e, e.getStatus()));
    } catch (RuntimeException e) {
      // The SDK wraps some failures (e.g. ReloadException) in runtime exceptions.
      Integer status = e.getCause() instanceof OdpsException ? ((OdpsException) e.getCause()).getStatus() : null;
      return List.of(failure(settings, e, status));
    }
  }

  private static List<ConfigProblem> checkTable(SinkSettings settings, Odps odps) throws OdpsException {
    String project = settings.project();
    if (!odps.projects().exists(project)) {
      return List.of(new ConfigProblem(MaxComputeSinkConfig.PROJECT,
          "project '" + project + "' does not exist at " + settings.endpoint()));
    }
    String schema = settings.schema().isEmpty() ? null : settings.schema();
    String where = "project '" + project + "'" + (schema == null ? "" : " schema '" + schema + "'");
    Table table;
    try {
      table = odps.tables().get(project, schema, settings.table());
      table.reload();
    } catch (NoSuchObjectException e) {
      return List.of(new ConfigProblem(MaxComputeSinkConfig.TABLE,
          "table '" + settings.table() + "' does not exist in " + where));
    }
    List<String> missing = TableRequirements.problems(settings, table.getSchema());
    if (missing.isEmpty()) {
      return List.of();
    }
    return List.of(new ConfigProblem(MaxComputeSinkConfig.TABLE, "table '" + settings.table() + "' in " + where
        + " does not fit format " + settings.format() + " with mode " + settings.mode() + ": "
        + String.join("; ", missing)));
  }

  private static ConfigProblem failure(SinkSettings settings, Exception e, Integer status) {
    String reason = withoutSecret(reasonOf(e), settings.accessKey());
    if (status != null && (status == 401 || status == 403)) {
      return new ConfigProblem(MaxComputeSinkConfig.ACCESS_ID,
          "MaxCompute refused access for access_id '" + settings.accessId() + "' (HTTP " + status + "): " + reason);
    }
    return new ConfigProblem(MaxComputeSinkConfig.ENDPOINT,
        "cannot talk to MaxCompute at " + settings.endpoint() + ": " + reason);
  }

  /** The exception's message and, when different, its root cause's (e.g. "Connection refused"). */
  private static String reasonOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root == e) {
      return top;
    }
    String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    return top.contains(rootText) ? top : top + " (" + rootText + ")";
  }

  /** Defense in depth: whatever the service or the SDK put in a message, the secret stays out. */
  private static String withoutSecret(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, "[hidden]");
  }
}
