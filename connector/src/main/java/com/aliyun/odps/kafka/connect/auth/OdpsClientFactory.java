package com.aliyun.odps.kafka.connect.auth;

import com.aliyun.credentials.api.ICredentialsProvider;
import com.aliyun.credentials.provider.DefaultCredentialsProvider;
import com.aliyun.odps.Odps;
import com.aliyun.odps.account.Account;
import com.aliyun.odps.account.AklessAccount;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.kafka.connect.Version;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.tls.TrustStoreOdps;
import com.aliyun.odps.kafka.connect.tls.TrustStores;
import com.aliyun.odps.kafka.connect.tls.UnusableTrustStoreException;
import com.aliyun.odps.tunnel.TableTunnel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the official SDK's clients from the settings: credentials by account type, endpoint,
 * default project and schema, and retry settings the connector can live with. The only place that
 * turns configuration into an {@link Odps}.
 *
 * <p>Credentials by {@code account_type}: ALIYUN signs with the AccessKey pair; STS assumes the role
 * and keeps its temporary credentials fresh in the background ({@link RefreshingCredentialsProvider});
 * anything else asks Alibaba Cloud's default credential chain (system properties
 * {@code alibabacloud.accessKeyId}/{@code alibabacloud.accessKeySecret}, environment variables
 * {@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}
 * [/{@code ALIBABA_CLOUD_SECURITY_TOKEN}], OIDC role, the CLI profile {@code ~/.aliyun/config.json},
 * {@code ~/.alibabacloud/credentials}, the ECS instance RAM role, {@code ALIBABA_CLOUD_CREDENTIALS_URI}).
 * With {@code ssl_truststore_location}, MaxCompute, Tunnel and STS connections trust its certificates
 * besides the JVM's (the default chain's own calls keep the JVM's trust).
 * {@link #close()} stops the refreshes of the clients it made.
 */
public final class OdpsClientFactory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OdpsClientFactory.class);

  /**
   * The SDK waits its connect timeout (10 s by default) between retries of a GET; a second is
   * enough between quick retries, and Connect's own retry takes over after {@code retry_times}.
   */
  private static final int RETRY_WAIT_SECONDS = 1;
  /** Config validation runs inside a REST call (90 s limit): fail fast, don't retry. */
  private static final int VALIDATION_CONNECT_TIMEOUT_SECONDS = 5;
  private static final int VALIDATION_READ_TIMEOUT_SECONDS = 20;
  /** One AssumeRole call: connect and read timeout each. */
  private static final Duration STS_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration VALIDATION_STS_TIMEOUT = Duration.ofSeconds(VALIDATION_CONNECT_TIMEOUT_SECONDS);

  private final SinkSettings settings;
  /** Null without a trust store: the SDK's own connections, on the JVM's trust. */
  private final SSLSocketFactory trustStoreSockets;
  private final List<ICredentialsProvider> providers = new ArrayList<>();

  /** @throws UnusableTrustStoreException when the configured trust store cannot be used */
  public OdpsClientFactory(SinkSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.trustStoreSockets = settings.trustStore().isConfigured()
        ? TrustStores.socketFactory(settings.trustStore())
        : null;
  }

  /**
   * A client for the tasks: retries as configured by {@code retry_times}.
   *
   * @throws CredentialsUnavailableException with STS, when the role cannot be assumed (transient
   *     failures are tried {@code retry_times} more times first)
   */
  public Odps createOdps() {
    Odps odps = baseOdps(STS_TIMEOUT, 1 + settings.retryTimes());
    odps.getRestClient().setRetryTimes(settings.retryTimes());
    odps.getRestClient().setRetryWaitTime(RETRY_WAIT_SECONDS);
    return odps;
  }

  /**
   * A client for {@code Connector.validate()}: no retries, short timeouts.
   *
   * @throws CredentialsUnavailableException with STS, when the role cannot be assumed
   */
  public Odps createOdpsForValidation() {
    Odps odps = baseOdps(VALIDATION_STS_TIMEOUT, 1);
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

  private Odps baseOdps(Duration stsTimeout, int stsAttempts) {
    Account account = account(stsTimeout, stsAttempts);
    Odps odps = trustStoreSockets == null ? new Odps(account) : new TrustStoreOdps(account, trustStoreSockets);
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

  private Account account(Duration stsTimeout, int stsAttempts) {
    switch (settings.accountType()) {
      case ALIYUN:
        return new AliyunAccount(settings.accessId(), settings.accessKey());
      case STS:
        return new AklessAccount(remember(RefreshingCredentialsProvider.start(
            new AssumeRoleSource(settings, stsTimeout, trustStoreSockets),
            new RefreshPolicy(Duration.ofMillis(settings.clientTimeoutMs())), stsAttempts)));
      case DEFAULT_CHAIN:
        // The library's chain caches and refreshes what it finds (e.g. the ECS role's token) itself.
        return new AklessAccount(remember(new DefaultCredentialsProvider()));
      default:
        throw new IllegalStateException("unknown account type " + settings.accountType());
    }
  }

  private synchronized ICredentialsProvider remember(ICredentialsProvider provider) {
    providers.add(provider);
    return provider;
  }

  /** Temporary credentials fetched after the first ones, over the clients made here (STS only). */
  public synchronized long credentialRefreshes() {
    return refreshingProviders().mapToLong(p -> Math.max(0, p.issuedCount() - 1)).sum();
  }

  /** Fetches of temporary credentials that failed, over the clients made here (STS only). */
  public synchronized long credentialRefreshFailures() {
    return refreshingProviders().mapToLong(RefreshingCredentialsProvider::failureCount).sum();
  }

  private Stream<RefreshingCredentialsProvider> refreshingProviders() {
    return providers.stream().filter(RefreshingCredentialsProvider.class::isInstance)
        .map(RefreshingCredentialsProvider.class::cast);
  }

  /** Stops refreshing the credentials of every client made here; those clients stop working. */
  @Override
  public synchronized void close() {
    for (ICredentialsProvider provider : providers) {
      try {
        provider.close();
      } catch (Exception e) {
        LOG.warn("Could not close the credentials provider {}: {}", provider.getProviderName(), e.toString());
      }
    }
    providers.clear();
  }
}
