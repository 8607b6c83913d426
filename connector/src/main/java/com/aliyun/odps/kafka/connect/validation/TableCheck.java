package com.aliyun.odps.kafka.connect.validation;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.kafka.connect.auth.CredentialsUnavailableException;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.config.AccountType;
import com.aliyun.odps.kafka.connect.config.ConfigProblem;
import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import com.aliyun.odps.kafka.connect.tls.UnusableTrustStoreException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of validation, through the SDK: the project exists, the table exists (one table;
 * tables by topic are checked by the task as it opens each), and the
 * table has the columns the format needs. Problems land on the key to change: {@code project},
 * {@code table}, {@code access_id} (credentials refused), {@code endpoint} (service unreachable, or
 * its certificate not trusted), {@code ssl_truststore_*} (trust store unusable);
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
        return List.of(new ConfigProblem(e.configKey(),
            ServiceFailures.withoutSecret(e.getMessage(), settings.accessKey())));
      }
      if (settings.accountType() == AccountType.DEFAULT_CHAIN) {
        Optional<ConfigProblem> missing = defaultChainProblem(settings, odps);
        if (missing.isPresent()) {
          return List.of(missing.get());
        }
      }
      return checkProjectAndTable(settings, odps);
    } catch (UnusableTrustStoreException e) {
      return List.of(new ConfigProblem(e.configKey(), e.getMessage()));
    } catch (OdpsException | RuntimeException e) {
      // The SDK wraps some failures (e.g. ReloadException) in runtime exceptions.
      return List.of(ServiceFailures.describe(settings, e));
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
          + " worker: " + ServiceFailures.withoutSecret(ServiceFailures.reasonOf(e), settings.accessKey())));
    }
  }

  /** UPSERT needs the table's primary key; APPEND takes any table (a Delta table applies appends by key). */
  private static List<ConfigProblem> upsertProblems(SinkSettings settings, Table table, String where) {
    List<String> key = table.getPrimaryKey();
    if (settings.writeMode() != WriteMode.UPSERT || (key != null && !key.isEmpty())) {
      return List.of();
    }
    return List.of(new ConfigProblem(MaxComputeSinkConfig.WRITE_MODE, "write.mode UPSERT needs a Delta table,"
        + " and table '" + settings.table() + "' in " + where + " has no primary key: create it with PRIMARY KEY (...)"
        + " and TBLPROPERTIES (\"transactional\"=\"true\"), or use write.mode APPEND"));
  }

  private static List<ConfigProblem> checkProjectAndTable(SinkSettings settings, Odps odps) throws OdpsException {
    String project = settings.project();
    if (!odps.projects().exists(project)) {
      return List.of(new ConfigProblem(MaxComputeSinkConfig.PROJECT,
          "project '" + project + "' does not exist at " + settings.endpoint()));
    }
    if (!settings.tableRouting().isSingleTable()) {
      // Tables by topic (${topic}, topic2table.map) follow the records' topics after SMTs, known only
      // when records arrive: the task checks each table when it opens it.
      return List.of();
    }
    return checkTable(settings, odps, project);
  }

  private static List<ConfigProblem> checkTable(SinkSettings settings, Odps odps, String project)
      throws OdpsException {
    String schema = settings.schema().isEmpty() ? null : settings.schema();
    String where = "project '" + project + "'" + (schema == null ? "" : " schema '" + schema + "'");
    Table table;
    try {
      table = odps.tables().get(project, schema, settings.table());
      table.reload();
    } catch (NoSuchObjectException e) {
      if (settings.tableRouting().autoCreate()) {
        return List.of();
      }
      return List.of(new ConfigProblem(MaxComputeSinkConfig.TABLE,
          "table '" + settings.table() + "' does not exist in " + where + " (auto.create=true creates missing tables)"));
    }
    List<String> missing = TableRequirements.problems(settings, table.getSchema());
    if (missing.isEmpty()) {
      return upsertProblems(settings, table, where);
    }
    return List.of(new ConfigProblem(MaxComputeSinkConfig.TABLE, "table '" + settings.table() + "' in " + where
        + " does not fit format " + settings.format() + " with mode " + settings.mode() + ": "
        + String.join("; ", missing)));
  }
}
