package com.aliyun.odps.kafka.connect.auth;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.Account;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.kafka.connect.Version;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the official SDK's clients from the settings: credentials by account type, endpoint,
 * default project and schema, and retry settings the connector can live with. The only place that
 * turns configuration into an {@link Odps}.
 */
public final class OdpsClientFactory {
  private static final Logger LOG = LoggerFactory.getLogger(OdpsClientFactory.class);

  /**
   * The SDK waits its connect timeout (10 s by default) between retries of a GET; a second is
   * enough between quick retries, and Connect's own retry takes over after {@code retry_times}.
   */
  private static final int RETRY_WAIT_SECONDS = 1;
  /** Config validation runs inside a REST call (90 s limit): fail fast, don't retry. */
  private static final int VALIDATION_CONNECT_TIMEOUT_SECONDS = 5;
  private static final int VALIDATION_READ_TIMEOUT_SECONDS = 20;

  private final SinkSettings settings;

  public OdpsClientFactory(SinkSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A client for the tasks: retries as configured by {@code retry_times}. */
  public Odps createOdps() {
    Odps odps = baseOdps();
    odps.getRestClient().setRetryTimes(settings.retryTimes());
    odps.getRestClient().setRetryWaitTime(RETRY_WAIT_SECONDS);
    return odps;
  }

  /** A client for {@code Connector.validate()}: no retries, short timeouts. */
  public Odps createOdpsForValidation() {
    Odps odps = baseOdps();
    odps.getRestClient().setRetryTimes(0);
    odps.getRestClient().setConnectTimeout(VALIDATION_CONNECT_TIMEOUT_SECONDS);
    odps.getRestClient().setReadTimeout(VALIDATION_READ_TIMEOUT_SECONDS);
    return odps;
  }

  /** A Tunnel client on {@code odps}: the configured tunnel endpoint, or the SDK's discovery when empty. */
  public TableTunnel createTableTunnel(Odps odps) {
    TableTunnel tunnel = new TableTunnel(odps);
    tunnel.getConfig().setSocketRetryTimes(settings.retryTimes());
    if (!settings.tunnelEndpoint().isEmpty()) {
      tunnel.setEndpoint(settings.tunnelEndpoint());
    }
    return tunnel;
  }

  private Odps baseOdps() {
    Odps odps = new Odps(account());
    odps.setEndpoint(settings.endpoint());
    odps.setDefaultProject(settings.project());
    if (!settings.schema().isEmpty()) {
      odps.setCurrentSchema(settings.schema());
    }
    odps.setUserAgent("kafka-connect-maxcompute/" + Version.get());
    LOG.debug("MaxCompute client for project {} at {} as {} ({})", settings.project(), settings.endpoint(),
        settings.accessId(), settings.accountType());
    return odps;
  }

  private Account account() {
    switch (settings.accountType()) {
      case ALIYUN:
        return new AliyunAccount(settings.accessId(), settings.accessKey());
      case STS:
        // AssumeRole with the AccessKey pair, refreshed before the token's real expiry.
        throw new UnsupportedOperationException("account_type STS comes with issue 4");
      case DEFAULT_CHAIN:
        // Alibaba Cloud's default credential chain (environment, instance RAM role).
        throw new UnsupportedOperationException("the default credential chain comes with issue 4");
      default:
        throw new IllegalStateException("unknown account type " + settings.accountType());
    }
  }
}
