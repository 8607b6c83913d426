package com.aliyun.odps.kafka.connect.config;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.kafka.connect.auth.CredentialsUnavailableException;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of validation, through the SDK: the project exists, the table exists, and the
 * table has the columns the format needs. Problems land on the key to change: {@code project},
 * {@code table}, {@code access_id} (credentials refused), {@code endpoint} (service unreachable);
 * with STS, {@code access_id}, {@code role_name} or {@code sts.endpoint} when AssumeRole fails; with
 * the default chain, {@code account_type} when it finds no credentials.
 * Messages never contain the access key.
 */
public final class TableCheck implements LiveCheck {
  private static final Logger LOG = LoggerFactory.getLogger(TableCheck.class);

  @Override
  public List<ConfigProblem> check(SinkSettings settings) {
    try (OdpsClientFactory clients = new OdpsClientFactory(settings)) {
      Odps odps;
      try {
        odps = clients.createOdpsForValidation();
      } catch (CredentialsUnavailableException e) {
        // STS refused or unreachable: the message names the role, endpoint and caller, never the key.
        return List.of(new ConfigProblem(e.configKey(), withoutSecret(e.getMessage(), settings.accessKey())));
      }
      if (settings.accountType() == AccountType.DEFAULT_CHAIN) {
        Optional<ConfigProblem> missing = defaultChainProblem(settings, odps);
        if (missing.isPresent()) {
          return List.of(missing.get());
        }
      }
      return checkTable(settings, odps);
    } catch (OdpsException e) {
      return List.of(failure(settings, e, e.getStatus()));
    } catch (RuntimeException e) {
      // The SDK wraps some failures (e.g. ReloadException) in runtime exceptions.
      Integer status = e.getCause() instanceof OdpsException ? ((OdpsException) e.getCause()).getStatus() : null;
      return List.of(failure(settings, e, status));
    }
  }

  /** The default chain finds its credentials only when asked: ask once, before any request. */
  private static Optional<ConfigProblem> defaultChainProblem(SinkSettings settings, Odps odps) {
    try {
      odps.getAccount().getCredentials();
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.debug("The default credential chain found nothing", e);
      return Optional.of(new ConfigProblem(MaxComputeSinkConfig.ACCOUNT_TYPE, "account_type is neither ALIYUN"
          + " nor STS, so Alibaba Cloud's default credential chain is used, and it found no credentials on this"
          + " worker: " + withoutSecret(reasonOf(e), settings.accessKey())));
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
