package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Odps;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import com.aliyun.odps.tunnel.TableTunnel;

/**
 * The SDK clients of a task, made once and shared by every table it writes: one credentials
 * refresher (a thread with STS), one {@link Odps}, one Tunnel client, however many tables follow
 * the topics. Closing it stops them; close the tables first.
 */
public final class TaskClients implements AutoCloseable {
  /** How one adapter opens its table: {@code BatchTunnelTable::open}, {@code StreamTunnelTable::open}, ... */
  @FunctionalInterface
  public interface Adapter {
    MaxComputeTable open(Odps odps, TableTunnel tunnel, SinkSettings settings, TunnelMetrics metrics);
  }

  private final OdpsClientFactory factory;
  private final Odps odps;
  private final TableTunnel tunnel;
  private final TunnelMetrics metrics;

  private TaskClients(OdpsClientFactory factory, Odps odps, TableTunnel tunnel, TunnelMetrics metrics) {
    this.factory = factory;
    this.odps = odps;
    this.tunnel = tunnel;
    this.metrics = metrics;
  }

  /**
   * @throws org.apache.kafka.connect.errors.ConnectException when the credentials are refused;
   *     {@link TransientWriteException} when the service that issues them is unavailable
   */
  public static TaskClients connect(SinkSettings settings, TunnelMetrics metrics) {
    OdpsClientFactory factory = new OdpsClientFactory(settings);
    try {
      Odps odps = factory.createOdps();
      return new TaskClients(factory, odps, factory.createTableTunnel(odps), metrics);
    } catch (RuntimeException e) {
      factory.close();
      throw e;
    }
  }

  /**
   * Opens the table of {@code tableSettings} on these clients.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the table can't be read (missing, access refused);
   *     {@link TransientWriteException} when the service is unavailable
   */
  public MaxComputeTable open(SinkSettings tableSettings, Adapter adapter) {
    return adapter.open(odps, tunnel, tableSettings, metrics);
  }

  /** The client for what is not a Tunnel write: DDL, reading table metadata. */
  public Odps odps() {
    return odps;
  }

  /** Temporary credentials fetched after the first ones (account_type STS; 0 otherwise). */
  public long credentialRefreshes() {
    return factory.credentialRefreshes();
  }

  /** Fetches of temporary credentials that failed (account_type STS; 0 otherwise). */
  public long credentialRefreshFailures() {
    return factory.credentialRefreshFailures();
  }

  @Override
  public void close() {
    factory.close();
  }
}
