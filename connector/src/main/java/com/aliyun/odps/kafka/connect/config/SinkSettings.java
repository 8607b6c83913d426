package com.aliyun.odps.kafka.connect.config;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The connector's configuration, parsed and checked once ({@link MaxComputeSinkConfig#settings()}),
 * as the rest of the code sees it. Immutable. {@link #toString()} shows every field but no secret.
 */
public final class SinkSettings {
  /** What {@code toString} shows for a secret that is set, as Kafka's {@code Password} does. */
  static final String HIDDEN = "[hidden]";

  private final String endpoint;
  private final String tunnelEndpoint;
  private final TrustStoreFile trustStore;
  private final String project;
  private final String schema;
  private final String table;
  private final AccountType accountType;
  private final String accessId;
  private final String accessKey;
  private final String accountId;
  private final String regionId;
  private final String roleName;
  private final String stsEndpoint;
  private final long clientTimeoutMs;
  private final MessageFormat format;
  private final MessageMode mode;
  private final PartitionWindow partitionWindow;
  private final boolean newPartitionFormat;
  private final ZoneId timeZone;
  private final boolean useStreaming;
  private final int bufferSizeKb;
  private final long streamMaxLatencyMs;
  private final long streamPackBytes;
  private final TunnelCompression tunnelCompression;
  private final int retryTimes;
  private final int sinkPoolSize;
  private final int recordBatchSize;
  private final WriteMode writeMode;
  private final PrimaryKeySource primaryKeySource;
  private final CdcFormat cdcFormat;
  private final long upsertCommitIntervalMs;
  private final boolean exactlyOnce;
  private final PartitionRules partitionRules;
  private final TableRouting tableRouting;
  private final String connectorName;
  private final int taskIndex;
  private final boolean skipError;
  private final String errorTopic;
  private final String errorTopicBootstrapServers;
  private final Map<String, Object> errorTopicProducerOverrides;
  private final char csvDelimiter;

  private SinkSettings(Builder b) {
    this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
    this.tunnelEndpoint = Objects.requireNonNull(b.tunnelEndpoint, "tunnelEndpoint");
    this.trustStore = Objects.requireNonNull(b.trustStore, "trustStore");
    this.project = Objects.requireNonNull(b.project, "project");
    this.schema = Objects.requireNonNull(b.schema, "schema");
    this.table = Objects.requireNonNull(b.table, "table");
    this.accountType = Objects.requireNonNull(b.accountType, "accountType");
    this.accessId = Objects.requireNonNull(b.accessId, "accessId");
    this.accessKey = Objects.requireNonNull(b.accessKey, "accessKey");
    this.accountId = Objects.requireNonNull(b.accountId, "accountId");
    this.regionId = Objects.requireNonNull(b.regionId, "regionId");
    this.roleName = Objects.requireNonNull(b.roleName, "roleName");
    this.stsEndpoint = Objects.requireNonNull(b.stsEndpoint, "stsEndpoint");
    this.clientTimeoutMs = b.clientTimeoutMs;
    this.format = Objects.requireNonNull(b.format, "format");
    this.mode = Objects.requireNonNull(b.mode, "mode");
    this.partitionWindow = Objects.requireNonNull(b.partitionWindow, "partitionWindow");
    this.newPartitionFormat = b.newPartitionFormat;
    this.timeZone = Objects.requireNonNull(b.timeZone, "timeZone");
    this.useStreaming = b.useStreaming;
    this.bufferSizeKb = b.bufferSizeKb;
    this.streamMaxLatencyMs = b.streamMaxLatencyMs;
    this.streamPackBytes = b.streamPackBytes;
    this.tunnelCompression = Objects.requireNonNull(b.tunnelCompression, "tunnelCompression");
    this.retryTimes = b.retryTimes;
    this.sinkPoolSize = b.sinkPoolSize;
    this.recordBatchSize = b.recordBatchSize;
    this.writeMode = Objects.requireNonNull(b.writeMode, "writeMode");
    this.primaryKeySource = Objects.requireNonNull(b.primaryKeySource, "primaryKeySource");
    this.cdcFormat = Objects.requireNonNull(b.cdcFormat, "cdcFormat");
    this.upsertCommitIntervalMs = b.upsertCommitIntervalMs;
    this.exactlyOnce = b.exactlyOnce;
    this.partitionRules = Objects.requireNonNull(b.partitionRules, "partitionRules");
    this.tableRouting = Objects.requireNonNull(b.tableRouting, "tableRouting").withTable(table);
    this.connectorName = Objects.requireNonNull(b.connectorName, "connectorName");
    this.taskIndex = b.taskIndex;
    this.skipError = b.skipError;
    this.errorTopic = Objects.requireNonNull(b.errorTopic, "errorTopic");
    this.errorTopicBootstrapServers = Objects.requireNonNull(b.errorTopicBootstrapServers, "errorTopicBootstrapServers");
    this.errorTopicProducerOverrides = Map.copyOf(b.errorTopicProducerOverrides);
    this.csvDelimiter = b.csvDelimiter;
  }


  /**
   * A builder holding the {@code ConfigDef}'s default of every key (the only place defaults are
   * written), for tests and tools that build settings without a connector configuration; endpoint,
   * project and table have none and must be set.
   */
  public static Builder builder() {
    return MaxComputeSinkConfig.defaults();
  }

  public String endpoint() { return endpoint; }
  /** Empty: the SDK discovers the tunnel endpoint. */
  public String tunnelEndpoint() { return tunnelEndpoint; }
  /** Certificates trusted for https endpoints besides the JVM's; {@link TrustStoreFile#NONE} when not given. */
  public TrustStoreFile trustStore() { return trustStore; }
  public String project() { return project; }
  /** Empty: the two-layer model (no schema). */
  public String schema() { return schema; }
  public String table() { return table; }
  public AccountType accountType() { return accountType; }
  public String accessId() { return accessId; }
  /** The secret; never log it. */
  public String accessKey() { return accessKey; }
  public String accountId() { return accountId; }
  public String regionId() { return regionId; }
  public String roleName() { return roleName; }
  public String stsEndpoint() { return stsEndpoint; }
  public long clientTimeoutMs() { return clientTimeoutMs; }
  public MessageFormat format() { return format; }
  public MessageMode mode() { return mode; }
  public PartitionWindow partitionWindow() { return partitionWindow; }
  /** {@code yyyy-MM-dd...} patterns instead of the default {@code MM-dd-yyyy...}. */
  public boolean newPartitionFormat() { return newPartitionFormat; }
  public ZoneId timeZone() { return timeZone; }
  public boolean useStreaming() { return useStreaming; }
  public int bufferSizeKb() { return bufferSizeKb; }
  public TunnelCompression tunnelCompression() { return tunnelCompression; }
  /** With streaming: the longest a row may wait in a buffer before it is written. */
  public java.time.Duration streamMaxLatency() { return java.time.Duration.ofMillis(streamMaxLatencyMs); }
  /** Encoded bytes at which a streaming pack is sent; 0: by rows only. */
  public long streamPackBytes() { return streamPackBytes; }
  public int retryTimes() { return retryTimes; }
  public int sinkPoolSize() { return sinkPoolSize; }
  public int recordBatchSize() { return recordBatchSize; }
  public WriteMode writeMode() { return writeMode; }
  public PrimaryKeySource primaryKeySource() { return primaryKeySource; }
  public CdcFormat cdcFormat() { return cdcFormat; }
  /** UPSERT: the shortest time between two upsert commits into one partition of the table. */
  public java.time.Duration upsertCommitInterval() { return java.time.Duration.ofMillis(upsertCommitIntervalMs); }
  /** APPEND through the batch Tunnel: skip what MaxCompute already committed, per the offsets state table. */
  public boolean exactlyOnce() { return exactlyOnce; }
  /** Where partition values come from. */
  public PartitionRules partitionRules() { return partitionRules; }
  /** Which table a topic goes to; creation and evolution of tables. */
  public TableRouting tableRouting() { return tableRouting; }
  /** The connector's {@code name}, as Connect gives it; empty outside Connect. */
  public String connectorName() { return connectorName; }
  /** This task's index among the connector's tasks (0 outside Connect): its partition of the offsets state table. */
  public int taskIndex() { return taskIndex; }
  public boolean skipError() { return skipError; }
  /** Empty when no error topic is configured. */
  public String errorTopic() { return errorTopic; }
  public String errorTopicBootstrapServers() { return errorTopicBootstrapServers; }
  /** Extra producer settings given as {@code runtime.error.topic.<producer key>} (security, SASL...). */
  public Map<String, Object> errorTopicProducerOverrides() { return errorTopicProducerOverrides; }
  public boolean hasErrorTopic() { return !errorTopic.isEmpty(); }
  public char csvDelimiter() { return csvDelimiter; }

  /**
   * Every field, for the log lines of connector and task start. Secrets show whether they are set,
   * never their value: the access key and the trust store password as {@value #HIDDEN}; the
   * error-topic producer overrides hold theirs as {@code Password}, which prints the same.
   */
  @Override
  public String toString() {
    return "SinkSettings{endpoint=" + endpoint + ", tunnelEndpoint=" + tunnelEndpoint + ", trustStore=" + trustStore
        + ", project=" + project + ", schema=" + schema + ", table=" + table + ", accountType=" + accountType
        + ", accessId=" + accessId + ", accessKey=" + masked(accessKey) + ", accountId=" + accountId
        + ", regionId=" + regionId + ", roleName=" + roleName + ", stsEndpoint=" + stsEndpoint
        + ", clientTimeoutMs=" + clientTimeoutMs + ", format=" + format + ", mode=" + mode
        + ", partitionWindow=" + partitionWindow + ", newPartitionFormat=" + newPartitionFormat
        + ", timeZone=" + timeZone + ", useStreaming=" + useStreaming + ", bufferSizeKb=" + bufferSizeKb
        + ", streamMaxLatencyMs=" + streamMaxLatencyMs + ", streamPackBytes=" + streamPackBytes + ", tunnelCompression=" + tunnelCompression
        + ", retryTimes=" + retryTimes + ", sinkPoolSize=" + sinkPoolSize + ", recordBatchSize=" + recordBatchSize
        + ", writeMode=" + writeMode + ", primaryKeySource=" + primaryKeySource + ", cdcFormat=" + cdcFormat
        + ", upsertCommitIntervalMs=" + upsertCommitIntervalMs + ", exactlyOnce=" + exactlyOnce
        + ", partitionRules=" + partitionRules + ", tableRouting=" + tableRouting
        + ", connectorName=" + connectorName + ", taskIndex=" + taskIndex
        + ", skipError=" + skipError + ", errorTopic=" + errorTopic
        + ", errorTopicBootstrapServers=" + errorTopicBootstrapServers
        + ", errorTopicProducerOverrides=" + new TreeMap<>(errorTopicProducerOverrides)
        + ", csvDelimiter=" + csvDelimiter + "}";
  }

  /**
   * These settings for another table: how a connector whose records go to several tables
   * ({@link TableRouting}) describes each one to the code that opens and writes it.
   */
  public SinkSettings withTable(String tableName) {
    return new Builder(this).table(tableName).build();
  }

  /** A secret as {@code toString} shows it: {@value #HIDDEN} when set, empty when not. */
  static String masked(String secret) {
    return secret.isEmpty() ? "" : HIDDEN;
  }

  /** Filled by {@link MaxComputeSinkConfig} from parsed values, or from the ConfigDef's defaults ({@link #builder()}). */
  public static final class Builder {
    private String endpoint;
    private String tunnelEndpoint;
    private TrustStoreFile trustStore;
    private String project;
    private String schema;
    private String table;
    private AccountType accountType;
    private String accessId;
    private String accessKey;
    private String accountId;
    private String regionId;
    private String roleName;
    private String stsEndpoint;
    private long clientTimeoutMs;
    private MessageFormat format;
    private MessageMode mode;
    private PartitionWindow partitionWindow;
    private boolean newPartitionFormat;
    private ZoneId timeZone;
    private boolean useStreaming;
    private int bufferSizeKb;
    private long streamMaxLatencyMs;
    private long streamPackBytes;
    private TunnelCompression tunnelCompression;
    private int retryTimes;
    private int sinkPoolSize;
    private int recordBatchSize;
    private WriteMode writeMode;
    private PrimaryKeySource primaryKeySource;
    private CdcFormat cdcFormat;
    private long upsertCommitIntervalMs;
    private boolean exactlyOnce;
    private PartitionRules partitionRules;
    private TableRouting tableRouting;
    private String connectorName;
    private int taskIndex;
    private boolean skipError;
    private String errorTopic;
    private String errorTopicBootstrapServers;
    private Map<String, Object> errorTopicProducerOverrides;
    private char csvDelimiter;

    public Builder endpoint(String v) { endpoint = v; return this; }
    public Builder tunnelEndpoint(String v) { tunnelEndpoint = v; return this; }
    public Builder trustStore(TrustStoreFile v) { trustStore = v; return this; }
    public Builder project(String v) { project = v; return this; }
    public Builder schema(String v) { schema = v; return this; }
    public Builder table(String v) { table = v; return this; }
    public Builder accountType(AccountType v) { accountType = v; return this; }
    public Builder accessId(String v) { accessId = v; return this; }
    public Builder accessKey(String v) { accessKey = v; return this; }
    public Builder accountId(String v) { accountId = v; return this; }
    public Builder regionId(String v) { regionId = v; return this; }
    public Builder roleName(String v) { roleName = v; return this; }
    public Builder stsEndpoint(String v) { stsEndpoint = v; return this; }
    public Builder clientTimeoutMs(long v) { clientTimeoutMs = v; return this; }
    public Builder format(MessageFormat v) { format = v; return this; }
    public Builder mode(MessageMode v) { mode = v; return this; }
    public Builder partitionWindow(PartitionWindow v) { partitionWindow = v; return this; }
    public Builder newPartitionFormat(boolean v) { newPartitionFormat = v; return this; }
    public Builder timeZone(ZoneId v) { timeZone = v; return this; }
    public Builder useStreaming(boolean v) { useStreaming = v; return this; }
    public Builder bufferSizeKb(int v) { bufferSizeKb = v; return this; }
    public Builder streamMaxLatencyMs(long v) { streamMaxLatencyMs = v; return this; }
    public Builder streamPackBytes(long v) { streamPackBytes = v; return this; }
    public Builder tunnelCompression(TunnelCompression v) { tunnelCompression = v; return this; }
    public Builder retryTimes(int v) { retryTimes = v; return this; }
    public Builder sinkPoolSize(int v) { sinkPoolSize = v; return this; }
    public Builder recordBatchSize(int v) { recordBatchSize = v; return this; }
    public Builder writeMode(WriteMode v) { writeMode = v; return this; }
    public Builder primaryKeySource(PrimaryKeySource v) { primaryKeySource = v; return this; }
    public Builder cdcFormat(CdcFormat v) { cdcFormat = v; return this; }
    public Builder upsertCommitIntervalMs(long v) { upsertCommitIntervalMs = v; return this; }
    public Builder exactlyOnce(boolean v) { exactlyOnce = v; return this; }
    public Builder partitionRules(PartitionRules v) { partitionRules = v; return this; }
    public Builder tableRouting(TableRouting v) { tableRouting = v; return this; }
    public Builder connectorName(String v) { connectorName = v; return this; }
    public Builder taskIndex(int v) { taskIndex = v; return this; }
    public Builder skipError(boolean v) { skipError = v; return this; }
    public Builder errorTopic(String v) { errorTopic = v; return this; }
    public Builder errorTopicBootstrapServers(String v) { errorTopicBootstrapServers = v; return this; }
    public Builder errorTopicProducerOverrides(Map<String, Object> v) { errorTopicProducerOverrides = v; return this; }
    public Builder csvDelimiter(char v) { csvDelimiter = v; return this; }

    Builder() {
    }

    private Builder(SinkSettings s) {
      endpoint = s.endpoint;
      tunnelEndpoint = s.tunnelEndpoint;
      trustStore = s.trustStore;
      project = s.project;
      schema = s.schema;
      table = s.table;
      accountType = s.accountType;
      accessId = s.accessId;
      accessKey = s.accessKey;
      accountId = s.accountId;
      regionId = s.regionId;
      roleName = s.roleName;
      stsEndpoint = s.stsEndpoint;
      clientTimeoutMs = s.clientTimeoutMs;
      format = s.format;
      mode = s.mode;
      partitionWindow = s.partitionWindow;
      newPartitionFormat = s.newPartitionFormat;
      timeZone = s.timeZone;
      useStreaming = s.useStreaming;
      bufferSizeKb = s.bufferSizeKb;
      streamMaxLatencyMs = s.streamMaxLatencyMs;
      streamPackBytes = s.streamPackBytes;
      tunnelCompression = s.tunnelCompression;
      retryTimes = s.retryTimes;
      sinkPoolSize = s.sinkPoolSize;
      recordBatchSize = s.recordBatchSize;
      writeMode = s.writeMode;
      primaryKeySource = s.primaryKeySource;
      cdcFormat = s.cdcFormat;
      upsertCommitIntervalMs = s.upsertCommitIntervalMs;
      exactlyOnce = s.exactlyOnce;
      partitionRules = s.partitionRules;
      tableRouting = s.tableRouting;
      connectorName = s.connectorName;
      taskIndex = s.taskIndex;
      skipError = s.skipError;
      errorTopic = s.errorTopic;
      errorTopicBootstrapServers = s.errorTopicBootstrapServers;
      errorTopicProducerOverrides = s.errorTopicProducerOverrides;
      csvDelimiter = s.csvDelimiter;
    }

    public SinkSettings build() {
      return new SinkSettings(this);
    }
  }
}
