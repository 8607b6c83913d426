package com.aliyun.odps.kafka.connect.config;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Every configuration key of the connector, defined once: the keys, defaults and meanings of
 * Alibaba's MaxCompute sink (so existing connector JSON works unchanged), with types, validators
 * and documentation. Parsing checks each key and the rules between keys ({@link CrossFieldRules})
 * and fails with a {@link ConfigException} naming the key; {@link #settings()} gives the result.
 */
public class MaxComputeSinkConfig extends AbstractConfig {
  public static final String GROUP_CONNECTION = "Connection";
  public static final String GROUP_TLS = "TLS";
  public static final String GROUP_AUTHENTICATION = "Authentication";
  public static final String GROUP_FORMAT = "Format";
  public static final String GROUP_PARTITIONING = "Partitioning";
  public static final String GROUP_WRITE = "Write";
  public static final String GROUP_ERRORS = "Errors";
  public static final String GROUP_DELIVERY = "Delivery";
  public static final String GROUP_TABLES = "Tables";

  /** Why and how a secret key is kept out of sight, appended to its documentation. */
  private static final String SECRET_NOTE = " A secret: never logged, masked in validation results; give it as a"
      + " ConfigProvider reference such as ${file:/path:key} to keep it out of the stored connector and task"
      + " configurations (docs/security.md).";

  public static final String ENDPOINT = "endpoint";
  private static final String ENDPOINT_DOC = "MaxCompute service endpoint of the project's region and network,"
      + " e.g. http://service.cn-shanghai.maxcompute.aliyun.com/api.";
  public static final String TUNNEL_ENDPOINT = "tunnel_endpoint";
  private static final String TUNNEL_ENDPOINT_DOC = "Tunnel service endpoint. Empty: the SDK asks the service"
      + " for the project's tunnel endpoint. When set, it takes precedence.";
  public static final String PROJECT = "project";
  private static final String PROJECT_DOC = "MaxCompute project that holds the table.";
  public static final String SCHEMA = "schema";
  private static final String SCHEMA_DOC = "Schema of the table in a project that uses the three-layer model"
      + " (project.schema.table). Empty and 'default' mean the same: the project's default schema, which"
      + " is also right for a two-layer project (no schemas); the product document's examples say 'default'.";
  public static final String TABLE = "table";
  private static final String TABLE_DOC = "Table every topic is written to. It must be partitioned by"
      + " pt STRING (or not be partitioned at all, or as partition.columns says) and have the columns the format"
      + " needs (checked by config validation). A name with ${topic} is a template: each topic goes to its own"
      + " table, ${topic} replaced by the record's topic (after SMTs), characters other than letters, digits and"
      + " '_' turned into '_', in lower case; topic2table.map takes precedence.";

  public static final String SSL_TRUSTSTORE_LOCATION = "ssl_truststore_location";
  private static final String SSL_TRUSTSTORE_LOCATION_DOC = "Path, on every worker, of a trust store with the"
      + " certificate (or its CA) of an https endpoint, tunnel_endpoint or sts.endpoint that the JVM's default"
      + " CAs do not vouch for: a private CA or a self-signed certificate. Trusted besides the JVM's default CAs,"
      + " by this connector's connections only (nothing JVM-wide changes). Not used by the default credential"
      + " chain (account_type other than ALIYUN and STS). Empty: the JVM's default trust.";
  public static final String SSL_TRUSTSTORE_PASSWORD = "ssl_truststore_password";
  private static final String SSL_TRUSTSTORE_PASSWORD_DOC = "Password of ssl_truststore_location (checks its"
      + " integrity; a PKCS12 store may need it to show its certificates)." + SECRET_NOTE;
  public static final String SSL_TRUSTSTORE_TYPE = "ssl_truststore_type";
  private static final String SSL_TRUSTSTORE_TYPE_DOC = "Key store type of ssl_truststore_location: PKCS12 or"
      + " JKS (any type the worker's JVM knows).";

  public static final String ACCOUNT_TYPE = "account_type";
  private static final String ACCOUNT_TYPE_DOC = "How the connector authenticates, any letter case. ALIYUN:"
      + " the AccessKey pair access_id/access_key. STS: temporary credentials from STS AssumeRole of role"
      + " acs:ram::{account_id}:role/{role_name} at sts.endpoint, called with the AccessKey pair; they are"
      + " refreshed in the background before they expire (see client_timeout_ms). Any other value (e.g."
      + " DEFAULT or ECS_RAM_ROLE): Alibaba Cloud's default credential chain on the worker, through Alibaba's"
      + " credentials library, in this order: JVM system properties alibabacloud.accessKeyId and"
      + " alibabacloud.accessKeySecret; environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and"
      + " ALIBABA_CLOUD_ACCESS_KEY_SECRET (with ALIBABA_CLOUD_SECURITY_TOKEN for temporary keys); an OIDC role"
      + " (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE); the"
      + " Alibaba Cloud CLI profile (~/.aliyun/config.json); the credentials file ~/.alibabacloud/credentials"
      + " (or ALIBABA_CLOUD_CREDENTIALS_FILE); the ECS instance RAM role from the metadata service (disable"
      + " with ALIBABA_CLOUD_ECS_METADATA_DISABLED=true); ALIBABA_CLOUD_CREDENTIALS_URI. access_id and"
      + " access_key are then ignored.";
  public static final String ACCESS_ID = "access_id";
  private static final String ACCESS_ID_DOC = "AccessKey ID; needed for ALIYUN and STS.";
  public static final String ACCESS_KEY = "access_key";
  private static final String ACCESS_KEY_DOC = "AccessKey secret of access_id; needed for ALIYUN and STS."
      + SECRET_NOTE;
  public static final String ACCOUNT_ID = "account_id";
  private static final String ACCOUNT_ID_DOC = "STS: Alibaba Cloud account ID that owns the RAM role"
      + " (role ARN acs:ram::{account_id}:role/{role_name}).";
  public static final String REGION_ID = "region_id";
  private static final String REGION_ID_DOC = "STS: region ID of the project, e.g. cn-shanghai.";
  public static final String ROLE_NAME = "role_name";
  private static final String ROLE_NAME_DOC = "STS: name of the RAM role to assume.";
  public static final String STS_ENDPOINT = "sts.endpoint";
  private static final String STS_ENDPOINT_DOC = "STS: endpoint of the Security Token Service.";
  public static final String CLIENT_TIMEOUT_MS = "client_timeout_ms";
  private static final String CLIENT_TIMEOUT_MS_DOC = "STS: the longest time, in milliseconds, between two"
      + " refreshes of the temporary credentials (default 11 hours). Credentials are refreshed in the"
      + " background when 20% of their real lifetime (at least 3 seconds) is left, as given by STS's"
      + " Expiration, or after this interval, whichever comes first; requests keep using the current"
      + " credentials until new ones are in. Sessions are requested for one hour (every RAM role allows that)."
      + " The product document misprints the default as 11 ms.";

  public static final String FORMAT = "format";
  private static final String FORMAT_DOC = "How a message maps onto columns: TEXT (key/value strings into STRING"
      + " columns), CSV (delimited fields by position onto the non-meta columns), JSON (the whole key/value into"
      + " a STRING or JSON column), FLATTEN (top-level JSON keys or Struct fields onto columns of the same name),"
      + " BINARY (key/value bytes into BINARY columns). Any letter case.";
  public static final String MODE = "mode";
  private static final String MODE_DOC = "Which part of a message is written: KEY, VALUE, or DEFAULT (both;"
      + " only with TEXT and BINARY). Any letter case.";
  public static final String CSV_DELIMITER = "csv.delimiter";
  private static final String CSV_DELIMITER_DOC = "CSV: the field separator, one character. Kafka trims"
      + " configuration values, so write a tab as \\t.";

  public static final String PARTITION_WINDOW_TYPE = "partition_window_type";
  private static final String PARTITION_WINDOW_TYPE_DOC = "Granularity of the pt partition value, taken from"
      + " the flush time: DAY, HOUR or MINUTE. Any letter case.";
  public static final String USE_NEW_PARTITION_FORMAT = "use_new_partition_format";
  private static final String USE_NEW_PARTITION_FORMAT_DOC = "false: pt looks like MM-dd-yyyy, MM-dd-yyyy HH,"
      + " MM-dd-yyyy HH:mm (the product document's outputs); true: yyyy-MM-dd, yyyy-MM-dd HH, yyyy-MM-dd HH:mm.";
  public static final String TIME_ZONE = "time_zone";
  private static final String TIME_ZONE_DOC = "Zone in which pt is computed, e.g. Asia/Shanghai or +08:00."
      + " Empty: the worker JVM's default zone.";

  public static final String PARTITION_TIME_SOURCE = "partition.time.source";
  private static final String PARTITION_TIME_SOURCE_DOC = "The time partition values are computed from."
      + " FLUSH_TIME (default, the product document's behaviour): when the row is buffered. KAFKA_TIMESTAMP: the"
      + " record's Kafka timestamp. FIELD: the value's field partition.time.field. With the last two a replay lands"
      + " in the partition of the first write, and late or early records go to their own partitions (created"
      + " when missing); a record without a usable time goes through the error settings. Any letter case.";
  public static final String PARTITION_TIME_FIELD = "partition.time.field";
  private static final String PARTITION_TIME_FIELD_DOC = "partition.time.source FIELD: the field of the message"
      + " value (a Struct, a map, or JSON text of an object) that holds the time; dots between levels, e.g."
      + " after.updated_at.";
  public static final String PARTITION_TIME_FIELD_FORMAT = "partition.time.field.format";
  private static final String PARTITION_TIME_FIELD_FORMAT_DOC = "partition.time.source FIELD: how the field's"
      + " value reads as a time. epoch_millis (default) or epoch_seconds for numbers (text of digits too), or a"
      + " pattern (java.time DateTimeFormatter) for text, e.g. yyyy-MM-dd HH:mm:ss, read in time_zone unless"
      + " it has an offset. Connect Timestamp and Date values are read as they are.";
  public static final String PARTITION_COLUMNS = "partition.columns";
  private static final String PARTITION_COLUMNS_DOC = "The table's partition columns and how each is filled,"
      + " in the table's order: column=time:PATTERN (the partition time in time_zone, e.g. ds=time:yyyyMMdd,"
      + " hh=time:HH) or column=field:NAME (a field of the value as it is, e.g. region=field:region), comma-"
      + " separated. Empty (default): the product document's single pt column from partition_window_type and"
      + " use_new_partition_format.";

  public static final String USE_STREAMING = "use_streaming";
  private static final String USE_STREAMING_DOC = "true: write through the streaming Tunnel (lower latency);"
      + " false: batch Tunnel upload sessions (higher throughput).";
  public static final String BUFFER_SIZE_KB = "buffer_size_kb";
  private static final String BUFFER_SIZE_KB_DOC = "Rows a task may hold, in KB of their size on the wire"
      + " (before compression), all its buffers together (rows being written included), whatever the number of"
      + " Kafka partitions. Appended rows are held encoded for the Tunnel, so the JVM heap holds about that much;"
      + " upserts (write.mode UPSERT) hold value arrays, about five times as much. Buffers are written when they"
      + " reach half of it, when their partition window closes, when a poll brings no records and when Connect"
      + " commits offsets.";
  public static final String STREAM_PACK_BYTES = "stream_pack_bytes";
  private static final String STREAM_PACK_BYTES_DOC = "With use_streaming: a record pack is also sent once its"
      + " rows take this many bytes on the wire (before compression); 0: packs are cut by record_batch_size rows"
      + " only. With small records, raise record_batch_size too (e.g. 200000 with 4194304 here): packs are then"
      + " sized by bytes, fewer requests per minute; large records still make packs of at most this size.";
  public static final String STREAM_MAX_LATENCY_MS = "stream_max_latency_ms";
  private static final String STREAM_MAX_LATENCY_MS_DOC = "With use_streaming: the longest a row waits in the"
      + " task's buffer before it is written (lower is fresher data, more and smaller writes).";
  public static final String TUNNEL_COMPRESSION = "tunnel_compression";
  private static final String TUNNEL_COMPRESSION_DOC = "How rows are compressed on the wire to the Tunnel:"
      + " SNAPPY (native, fast: about half the worker CPU per record of ZLIB), ZLIB (level 1, what the SDK and"
      + " the incumbent connector use; smallest bodies), LZ4 (the SDK's pure-Java LZ4: slower than SNAPPY),"
      + " ZSTD or NONE.";
  public static final String RETRY_TIMES = "retry_times";
  private static final String RETRY_TIMES_DOC = "How many times a failed request to MaxCompute is retried"
      + " before the failure is handed to Kafka Connect's own retry.";
  public static final String SINK_POOL_SIZE = "sink_pool_size";
  private static final String SINK_POOL_SIZE_DOC = "Maximum number of writer threads per task. Default: the"
      + " number of CPU cores the worker JVM sees.";
  public static final String RECORD_BATCH_SIZE = "record_batch_size";
  private static final String RECORD_BATCH_SIZE_DOC = "Batch Tunnel: the fewest records in a block (each"
      + " write is cut into at most sink_pool_size blocks, written in parallel; few large blocks keep within the"
      + " service's per-table block quota). Streaming Tunnel: the most records in one record pack.";

  public static final String WRITE_MODE = "write.mode";
  private static final String WRITE_MODE_DOC = "APPEND (default, the product document's behaviour): every record"
      + " becomes a new row. UPSERT: the table must be a Delta table (a primary key and"
      + " \"transactional\"=\"true\"); each record replaces the row of its primary key through the Tunnel's"
      + " upsert sessions, a tombstone (null value) deletes its key, and replays are idempotent. UPSERT needs"
      + " use_streaming=false. APPEND into a Delta table is accepted: the service applies Tunnel writes to it by"
      + " key, so rows with one key replace each other. Any letter case.";
  public static final String PK_SOURCE = "pk.source";
  private static final String PK_SOURCE_DOC = "UPSERT: where the primary-key columns are filled from. VALUE: the"
      + " message value, as the format fills every column (tombstones still take their key from the Kafka key)."
      + " KEY: the Kafka key: the fields of a Struct, map or JSON object onto the key columns of the same name, or"
      + " a plain value onto a single key column; they override what the value holds. Any letter case.";
  public static final String CDC_FORMAT = "cdc.format";
  private static final String CDC_FORMAT_DOC = "UPSERT with FLATTEN: how a message says what changed. NONE: every"
      + " message upserts its fields, a tombstone deletes its key. DEBEZIUM: Debezium change events, natively"
      + " (op c, r, u upsert 'after'; d deletes by 'before', or by the Kafka key) and flattened by"
      + " ExtractNewRecordState ('__deleted' = true or '__op' = d deletes; other '__' fields are written only"
      + " when the table has such a column); tombstones delete. Any letter case.";
  public static final String UPSERT_COMMIT_INTERVAL_MS = "upsert.commit.interval.ms";
  private static final String UPSERT_COMMIT_INTERVAL_MS_DOC = "UPSERT: the shortest time, in milliseconds,"
      + " between two upsert commits of a task into one partition of the table: changes are held (and their"
      + " offsets uncommitted) until their buffer is this old. Alibaba asks for about three minutes between"
      + " upsert commits on a table, or small files pile up. A buffer that reaches half of buffer_size_kb is"
      + " committed sooner.";
  public static final String EXACTLY_ONCE = "exactly_once";
  private static final String EXACTLY_ONCE_DOC = "APPEND through the batch Tunnel: true writes no committed"
      + " upload twice, also after a crash, a rebalance or a lost commit answer. Before each upload is committed,"
      + " the task records which Kafka offsets it holds in a small state table next to the target"
      + " (<table>_kafka_offsets, created when missing); a task given a Kafka partition reads it back and skips"
      + " what MaxCompute already has. Limits (a task still writing after its partitions were revoked, offsets"
      + " reset on purpose): docs/delivery.md. Not available with use_streaming (a stream pack has no commit to"
      + " check); write.mode UPSERT is idempotent by its primary key without it.";
  public static final String TOPIC2TABLE_MAP = "topic2table.map";
  private static final String TOPIC2TABLE_MAP_DOC = "Tables by topic: topicA:tableA,topicB:tableB. The topic is"
      + " the record's topic after SMTs (offsets stay with the topic the record was read from); a topic not in"
      + " the map goes to table.";
  public static final String AUTO_CREATE = "auto.create";
  private static final String AUTO_CREATE_DOC = "true: a table that does not exist is created when its first"
      + " record arrives: the meta columns, the format's columns (FLATTEN: from the record's Connect schema, or"
      + " from the first record's fields with conservative types), the partition columns, and with write.mode"
      + " UPSERT a Delta table keyed by auto.create.primary.key. Not for CSV (its columns are not in the record).";
  public static final String AUTO_CREATE_LIFECYCLE = "auto.create.lifecycle";
  private static final String AUTO_CREATE_LIFECYCLE_DOC = "auto.create: the LIFECYCLE, in days, of a created"
      + " table; 0 (default): none.";
  public static final String AUTO_CREATE_PRIMARY_KEY = "auto.create.primary.key";
  private static final String AUTO_CREATE_PRIMARY_KEY_DOC = "auto.create with write.mode UPSERT: the primary-key"
      + " columns of a created Delta table, comma-separated.";
  public static final String AUTO_EVOLVE = "auto.evolve";
  private static final String AUTO_EVOLVE_DOC = "FLATTEN: true adds a nullable column (ALTER TABLE ... ADD"
      + " COLUMNS) for a field the table does not have, then writes on with the new column; nothing buffered is"
      + " lost or written twice across the change. false (default): such fields are ignored, as before. A field"
      + " whose type does not fit its column goes through the error settings either way.";
  /** Connect's own key: the connector's name, in the properties of the connector and of its tasks. */
  public static final String CONNECTOR_NAME = "name";
  /**
   * Internal, not a ConfigDef key (users never set it): each task's index, added by the connector to
   * the task's properties, so the task knows its partition of the exactly-once offsets state table.
   */
  public static final String TASK_INDEX = "maxcompute.internal.task.index";
  public static final String SKIP_ERROR = "skip_error";
  private static final String SKIP_ERROR_DOC = "What happens to a record that does not fit the table when no"
      + " error topic is set: false stops the task with the reason; true drops the record. With an error"
      + " topic the record goes there whatever this says.";
  public static final String ERROR_TOPIC_PREFIX = "runtime.error.topic.";
  public static final String ERROR_TOPIC_NAME = ERROR_TOPIC_PREFIX + "name";
  private static final String ERROR_TOPIC_NAME_DOC = "Kafka topic that receives records that do not fit the"
      + " table (original key and value, headers with the error and the source topic, partition and offset)."
      + " Needs runtime.error.topic.bootstrap.servers. Other producer settings (security.protocol,"
      + " sasl.mechanism, ssl.*, ...) can be given with the prefix runtime.error.topic.";
  public static final String ERROR_TOPIC_BOOTSTRAP_SERVERS = ERROR_TOPIC_PREFIX + "bootstrap.servers";
  private static final String ERROR_TOPIC_BOOTSTRAP_SERVERS_DOC = "Bootstrap servers of the Kafka cluster"
      + " that holds runtime.error.topic.name.";
  public static final String ERROR_TOPIC_SASL_JAAS_CONFIG = ERROR_TOPIC_PREFIX + "sasl.jaas.config";
  private static final String ERROR_TOPIC_SASL_JAAS_CONFIG_DOC = "JAAS login configuration of the error"
      + " topic's producer (it holds credentials)." + SECRET_NOTE;

  static final CaseInsensitiveEnum<MessageFormat> FORMATS = CaseInsensitiveEnum.of(MessageFormat.class);
  static final CaseInsensitiveEnum<MessageMode> MODES = CaseInsensitiveEnum.of(MessageMode.class);
  static final CaseInsensitiveEnum<PartitionWindow> WINDOWS = CaseInsensitiveEnum.of(PartitionWindow.class);
  static final CaseInsensitiveEnum<TunnelCompression> COMPRESSIONS = CaseInsensitiveEnum.of(TunnelCompression.class);
  static final CaseInsensitiveEnum<WriteMode> WRITE_MODES = CaseInsensitiveEnum.of(WriteMode.class);
  static final CaseInsensitiveEnum<PrimaryKeySource> PK_SOURCES = CaseInsensitiveEnum.of(PrimaryKeySource.class);
  static final CaseInsensitiveEnum<CdcFormat> CDC_FORMATS = CaseInsensitiveEnum.of(CdcFormat.class);
  static final CaseInsensitiveEnum<PartitionTimeSource> TIME_SOURCES = CaseInsensitiveEnum.of(PartitionTimeSource.class);

  /** The definition; {@code Connector.config()} returns it and the docs are generated from it. */
  public static final ConfigDef CONFIG_DEF = buildConfigDef();

  private final SinkSettings settings;

  public MaxComputeSinkConfig(Map<?, ?> props) {
    this(props, true);
  }

  /** {@code doLog=false} for config validation, which Connect calls often. */
  MaxComputeSinkConfig(Map<?, ?> props, boolean doLog) {
    super(CONFIG_DEF, props, doLog);
    List<ConfigProblem> problems = CrossFieldRules.check(values());
    if (!problems.isEmpty()) {
      ConfigProblem first = problems.get(0);
      throw new ConfigException(first.key() + ": " + first.message());
    }
    this.settings = builderOf(values(), errorTopicProducerOverrides())
        .connectorName(connectorNameOf(originals()))
        .taskIndex(taskIndexOf(originals()))
        .build();
  }

  /** The parsed, checked configuration as the rest of the connector sees it. */
  public SinkSettings settings() {
    return settings;
  }

  private static ConfigDef buildConfigDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(ENDPOINT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
        ENDPOINT_DOC, GROUP_CONNECTION, ++order, Width.LONG, "MaxCompute endpoint");
    def.define(TUNNEL_ENDPOINT, Type.STRING, "", Importance.LOW,
        TUNNEL_ENDPOINT_DOC, GROUP_CONNECTION, ++order, Width.LONG, "Tunnel endpoint");
    def.define(PROJECT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
        PROJECT_DOC, GROUP_CONNECTION, ++order, Width.MEDIUM, "Project");
    def.define(SCHEMA, Type.STRING, "", Importance.MEDIUM,
        SCHEMA_DOC, GROUP_CONNECTION, ++order, Width.MEDIUM, "Schema");
    def.define(TABLE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
        TABLE_DOC, GROUP_CONNECTION, ++order, Width.MEDIUM, "Table");

    order = 0;
    def.define(SSL_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
        SSL_TRUSTSTORE_LOCATION_DOC, GROUP_TLS, ++order, Width.LONG, "Trust store path");
    def.define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
        SSL_TRUSTSTORE_PASSWORD_DOC, GROUP_TLS, ++order, Width.MEDIUM, "Trust store password");
    def.define(SSL_TRUSTSTORE_TYPE, Type.STRING, TrustStoreFile.DEFAULT_TYPE, ConfigDef.LambdaValidator.with(
            MaxComputeSinkConfig::ensureKeyStoreType, () -> "PKCS12, JKS or another KeyStore type of the JVM"),
        Importance.LOW, SSL_TRUSTSTORE_TYPE_DOC, GROUP_TLS, ++order, Width.SHORT, "Trust store type");

    order = 0;
    def.define(ACCOUNT_TYPE, Type.STRING, AccountType.ALIYUN.name(), Importance.HIGH,
        ACCOUNT_TYPE_DOC, GROUP_AUTHENTICATION, ++order, Width.SHORT, "Account type",
        List.of(ACCOUNT_ID, REGION_ID, ROLE_NAME, STS_ENDPOINT, CLIENT_TIMEOUT_MS));
    def.define(ACCESS_ID, Type.STRING, "", Importance.HIGH,
        ACCESS_ID_DOC, GROUP_AUTHENTICATION, ++order, Width.MEDIUM, "AccessKey ID");
    def.define(ACCESS_KEY, Type.PASSWORD, "", Importance.HIGH,
        ACCESS_KEY_DOC, GROUP_AUTHENTICATION, ++order, Width.MEDIUM, "AccessKey secret");
    VisibleWhen sts = VisibleWhen.keyEquals(ACCOUNT_TYPE, AccountType.STS.name());
    def.define(ACCOUNT_ID, Type.STRING, "", Importance.MEDIUM,
        ACCOUNT_ID_DOC, GROUP_AUTHENTICATION, ++order, Width.MEDIUM, "STS account ID", sts);
    def.define(REGION_ID, Type.STRING, "", Importance.MEDIUM,
        REGION_ID_DOC, GROUP_AUTHENTICATION, ++order, Width.SHORT, "STS region ID", sts);
    def.define(ROLE_NAME, Type.STRING, "", Importance.MEDIUM,
        ROLE_NAME_DOC, GROUP_AUTHENTICATION, ++order, Width.MEDIUM, "STS role name", sts);
    def.define(STS_ENDPOINT, Type.STRING, "sts.aliyuncs.com", Importance.LOW,
        STS_ENDPOINT_DOC, GROUP_AUTHENTICATION, ++order, Width.LONG, "STS endpoint", sts);
    def.define(CLIENT_TIMEOUT_MS, Type.LONG, 11 * 60 * 60 * 1000L, Range.atLeast(1), Importance.LOW,
        CLIENT_TIMEOUT_MS_DOC, GROUP_AUTHENTICATION, ++order, Width.SHORT, "STS refresh interval cap (ms)",
        List.of(), sts);

    order = 0;
    def.define(FORMAT, Type.STRING, MessageFormat.TEXT.name(), FORMATS, Importance.HIGH,
        FORMAT_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Message format", List.of(MODE, CSV_DELIMITER), FORMATS);
    def.define(MODE, Type.STRING, MessageMode.DEFAULT.name(), MODES, Importance.HIGH,
        MODE_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Mode", MODES);
    def.define(CSV_DELIMITER, Type.STRING, ",", new CsvDelimiterValidator(), Importance.LOW,
        CSV_DELIMITER_DOC, GROUP_FORMAT, ++order, Width.SHORT, "CSV delimiter",
        List.of(), VisibleWhen.keyEquals(FORMAT, MessageFormat.CSV.name()));

    order = 0;
    def.define(PARTITION_WINDOW_TYPE, Type.STRING, PartitionWindow.HOUR.name(), WINDOWS, Importance.MEDIUM,
        PARTITION_WINDOW_TYPE_DOC, GROUP_PARTITIONING, ++order, Width.SHORT, "Partition window", WINDOWS);
    def.define(USE_NEW_PARTITION_FORMAT, Type.BOOLEAN, false, Importance.LOW,
        USE_NEW_PARTITION_FORMAT_DOC, GROUP_PARTITIONING, ++order, Width.SHORT, "yyyy-MM-dd partition values");
    def.define(TIME_ZONE, Type.STRING, "", new TimeZoneValidator(), Importance.MEDIUM,
        TIME_ZONE_DOC, GROUP_PARTITIONING, ++order, Width.MEDIUM, "Time zone");
    def.define(PARTITION_TIME_SOURCE, Type.STRING, PartitionTimeSource.FLUSH_TIME.name(), TIME_SOURCES,
        Importance.MEDIUM, PARTITION_TIME_SOURCE_DOC, GROUP_PARTITIONING, ++order, Width.SHORT, "Partition time source",
        List.of(PARTITION_TIME_FIELD, PARTITION_TIME_FIELD_FORMAT), TIME_SOURCES);
    VisibleWhen timeField = VisibleWhen.keyEquals(PARTITION_TIME_SOURCE, PartitionTimeSource.FIELD.name());
    def.define(PARTITION_TIME_FIELD, Type.STRING, "", Importance.MEDIUM,
        PARTITION_TIME_FIELD_DOC, GROUP_PARTITIONING, ++order, Width.MEDIUM, "Partition time field", List.of(), timeField);
    def.define(PARTITION_TIME_FIELD_FORMAT, Type.STRING, TimeFieldFormat.EPOCH_MILLIS, TimeFieldFormat.validator(),
        Importance.MEDIUM, PARTITION_TIME_FIELD_FORMAT_DOC, GROUP_PARTITIONING, ++order, Width.MEDIUM,
        "Partition time field format", List.of(), timeField);
    def.define(PARTITION_COLUMNS, Type.STRING, "", PartitionColumnRule.validator(), Importance.MEDIUM,
        PARTITION_COLUMNS_DOC, GROUP_PARTITIONING, ++order, Width.LONG, "Partition columns");

    order = 0;
    def.define(USE_STREAMING, Type.BOOLEAN, false, Importance.MEDIUM,
        USE_STREAMING_DOC, GROUP_WRITE, ++order, Width.SHORT, "Streaming Tunnel");
    def.define(BUFFER_SIZE_KB, Type.INT, 65536, Range.atLeast(1), Importance.MEDIUM,
        BUFFER_SIZE_KB_DOC, GROUP_WRITE, ++order, Width.SHORT, "Buffer size (KB)");
    def.define(STREAM_MAX_LATENCY_MS, Type.LONG, 1000L, Range.atLeast(1), Importance.LOW,
        STREAM_MAX_LATENCY_MS_DOC, GROUP_WRITE, ++order, Width.SHORT, "Streaming latency bound (ms)");
    def.define(STREAM_PACK_BYTES, Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
        STREAM_PACK_BYTES_DOC, GROUP_WRITE, ++order, Width.SHORT, "Streaming pack size (bytes)");
    def.define(TUNNEL_COMPRESSION, Type.STRING, TunnelCompression.SNAPPY.name(), COMPRESSIONS, Importance.LOW,
        TUNNEL_COMPRESSION_DOC, GROUP_WRITE, ++order, Width.SHORT, "Tunnel compression", COMPRESSIONS);
    def.define(RETRY_TIMES, Type.INT, 3, Range.atLeast(0), Importance.LOW,
        RETRY_TIMES_DOC, GROUP_WRITE, ++order, Width.SHORT, "Retries");
    def.define(SINK_POOL_SIZE, Type.INT, null, ConfigDef.LambdaValidator.with(
            MaxComputeSinkConfig::ensurePoolSize, () -> "[1,...], default: CPU cores"), Importance.LOW,
        SINK_POOL_SIZE_DOC, GROUP_WRITE, ++order, Width.SHORT, "Writer threads");
    def.define(RECORD_BATCH_SIZE, Type.INT, 8000, Range.atLeast(1), Importance.LOW,
        RECORD_BATCH_SIZE_DOC, GROUP_WRITE, ++order, Width.SHORT, "Records per batch");

    order = 0;
    def.define(WRITE_MODE, Type.STRING, WriteMode.APPEND.name(), WRITE_MODES, Importance.HIGH,
        WRITE_MODE_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Write mode",
        List.of(PK_SOURCE, CDC_FORMAT, UPSERT_COMMIT_INTERVAL_MS), WRITE_MODES);
    VisibleWhen upsert = VisibleWhen.keyEquals(WRITE_MODE, WriteMode.UPSERT.name());
    def.define(PK_SOURCE, Type.STRING, PrimaryKeySource.VALUE.name(), PK_SOURCES, Importance.MEDIUM,
        PK_SOURCE_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Primary key source", List.of(), upsert);
    def.define(CDC_FORMAT, Type.STRING, CdcFormat.NONE.name(), CDC_FORMATS, Importance.MEDIUM,
        CDC_FORMAT_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Change event format", List.of(), upsert);
    def.define(UPSERT_COMMIT_INTERVAL_MS, Type.LONG, 180_000L, Range.atLeast(1), Importance.MEDIUM,
        UPSERT_COMMIT_INTERVAL_MS_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Upsert commit interval (ms)",
        List.of(), upsert);
    def.define(EXACTLY_ONCE, Type.BOOLEAN, false, Importance.MEDIUM,
        EXACTLY_ONCE_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Exactly once");

    order = 0;
    def.define(TOPIC2TABLE_MAP, Type.STRING, "", TableRouting.mapValidator(), Importance.MEDIUM,
        TOPIC2TABLE_MAP_DOC, GROUP_TABLES, ++order, Width.LONG, "Tables by topic");
    def.define(AUTO_CREATE, Type.BOOLEAN, false, Importance.MEDIUM,
        AUTO_CREATE_DOC, GROUP_TABLES, ++order, Width.SHORT, "Create missing tables",
        List.of(AUTO_CREATE_LIFECYCLE, AUTO_CREATE_PRIMARY_KEY));
    VisibleWhen creates = VisibleWhen.keyEquals(AUTO_CREATE, "true");
    def.define(AUTO_CREATE_LIFECYCLE, Type.INT, 0, Range.atLeast(0), Importance.LOW,
        AUTO_CREATE_LIFECYCLE_DOC, GROUP_TABLES, ++order, Width.SHORT, "Lifecycle of created tables (days)",
        List.of(), creates);
    def.define(AUTO_CREATE_PRIMARY_KEY, Type.LIST, "", Importance.MEDIUM,
        AUTO_CREATE_PRIMARY_KEY_DOC, GROUP_TABLES, ++order, Width.MEDIUM, "Primary key of created tables",
        List.of(), creates);
    def.define(AUTO_EVOLVE, Type.BOOLEAN, false, Importance.MEDIUM,
        AUTO_EVOLVE_DOC, GROUP_TABLES, ++order, Width.SHORT, "Add columns for new fields");

    order = 0;
    def.define(SKIP_ERROR, Type.BOOLEAN, false, Importance.MEDIUM,
        SKIP_ERROR_DOC, GROUP_ERRORS, ++order, Width.SHORT, "Skip records that do not fit");
    def.define(ERROR_TOPIC_NAME, Type.STRING, "", Importance.MEDIUM,
        ERROR_TOPIC_NAME_DOC, GROUP_ERRORS, ++order, Width.MEDIUM, "Error topic");
    def.define(ERROR_TOPIC_BOOTSTRAP_SERVERS, Type.STRING, "", Importance.MEDIUM,
        ERROR_TOPIC_BOOTSTRAP_SERVERS_DOC, GROUP_ERRORS, ++order, Width.LONG, "Error topic bootstrap servers");
    def.define(ERROR_TOPIC_SASL_JAAS_CONFIG, Type.PASSWORD, null, Importance.LOW,
        ERROR_TOPIC_SASL_JAAS_CONFIG_DOC, GROUP_ERRORS, ++order, Width.LONG, "Error topic SASL JAAS config");
    return def;
  }

  private static void ensurePoolSize(String name, Object value) {
    if (value != null && (Integer) value < 1) {
      throw new ConfigException(name, value, "must be at least 1 (or unset for the number of CPU cores)");
    }
  }

  private static void ensureKeyStoreType(String name, Object value) {
    String type = value == null ? "" : value.toString().trim();
    try {
      KeyStore.getInstance(type);
    } catch (KeyStoreException | IllegalArgumentException e) {
      throw new ConfigException(name, value, "is not a key store type this JVM knows; use PKCS12 or JKS");
    }
  }

  /** ALIYUN and STS in any letter case; anything else is the default credential chain. */
  static AccountType accountTypeOf(String value) {
    String text = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    if (AccountType.ALIYUN.name().equals(text)) {
      return AccountType.ALIYUN;
    }
    if (AccountType.STS.name().equals(text)) {
      return AccountType.STS;
    }
    return AccountType.DEFAULT_CHAIN;
  }

  /** '' and 'default' (any case) both mean the project's default schema: the SDK gets no schema. */
  static String schemaOf(String value) {
    String text = value == null ? "" : value.trim();
    return "default".equalsIgnoreCase(text) ? "" : text;
  }

  /** The settings builder holding every default of {@link #CONFIG_DEF}: {@link SinkSettings#builder()}. */
  static SinkSettings.Builder defaults() {
    return builderOf(CONFIG_DEF.defaultValues(), Map.of()).connectorName(connectorNameOf(Map.of()))
        .taskIndex(taskIndexOf(Map.of()));
  }

  /** Connect always gives a name; a configuration parsed outside Connect has none. */
  private static String connectorNameOf(Map<String, ?> originals) {
    Object name = originals.get(CONNECTOR_NAME);
    return name == null ? "" : name.toString().trim();
  }

  /** 0 without the key: a task started outside Connect, or by a connector that has only one. */
  private static int taskIndexOf(Map<String, ?> originals) {
    Object index = originals.get(TASK_INDEX);
    if (index == null) {
      return 0;
    }
    try {
      return Integer.parseInt(index.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(TASK_INDEX, index, "is set by the connector for each task: a task index");
    }
  }

  /**
   * A settings builder from parsed values (this configuration's, or the ConfigDef's defaults):
   * the one place a key's value becomes a field of {@link SinkSettings}.
   */
  private static SinkSettings.Builder builderOf(Map<String, ?> values, Map<String, Object> errorTopicProducerOverrides) {
    Integer poolSize = (Integer) values.get(SINK_POOL_SIZE);
    return new SinkSettings.Builder()
        .endpoint((String) values.get(ENDPOINT))
        .tunnelEndpoint((String) values.get(TUNNEL_ENDPOINT))
        .trustStore(trustStoreFile(values))
        .project((String) values.get(PROJECT))
        .schema(schemaOf((String) values.get(SCHEMA)))
        .table((String) values.get(TABLE))
        .accountType(accountTypeOf((String) values.get(ACCOUNT_TYPE)))
        .accessId((String) values.get(ACCESS_ID))
        .accessKey(((Password) values.get(ACCESS_KEY)).value())
        .accountId((String) values.get(ACCOUNT_ID))
        .regionId((String) values.get(REGION_ID))
        .roleName((String) values.get(ROLE_NAME))
        .stsEndpoint((String) values.get(STS_ENDPOINT))
        .clientTimeoutMs((Long) values.get(CLIENT_TIMEOUT_MS))
        .format(FORMATS.parse((String) values.get(FORMAT)))
        .mode(MODES.parse((String) values.get(MODE)))
        .csvDelimiter(CsvDelimiterValidator.delimiterOf((String) values.get(CSV_DELIMITER)))
        .partitionWindow(WINDOWS.parse((String) values.get(PARTITION_WINDOW_TYPE)))
        .newPartitionFormat((Boolean) values.get(USE_NEW_PARTITION_FORMAT))
        .timeZone(TimeZoneValidator.zoneOf((String) values.get(TIME_ZONE)))
        .useStreaming((Boolean) values.get(USE_STREAMING))
        .bufferSizeKb((Integer) values.get(BUFFER_SIZE_KB))
        .streamMaxLatencyMs((Long) values.get(STREAM_MAX_LATENCY_MS))
        .streamPackBytes((Long) values.get(STREAM_PACK_BYTES))
        .tunnelCompression(COMPRESSIONS.parse((String) values.get(TUNNEL_COMPRESSION)))
        .retryTimes((Integer) values.get(RETRY_TIMES))
        .sinkPoolSize(poolSize == null ? Runtime.getRuntime().availableProcessors() : poolSize)
        .recordBatchSize((Integer) values.get(RECORD_BATCH_SIZE))
        .writeMode(WRITE_MODES.parse((String) values.get(WRITE_MODE)))
        .primaryKeySource(PK_SOURCES.parse((String) values.get(PK_SOURCE)))
        .cdcFormat(CDC_FORMATS.parse((String) values.get(CDC_FORMAT)))
        .upsertCommitIntervalMs((Long) values.get(UPSERT_COMMIT_INTERVAL_MS))
        .exactlyOnce((Boolean) values.get(EXACTLY_ONCE))
        .partitionRules(partitionRulesOf(values))
        .tableRouting(tableRoutingOf(values))
        .skipError((Boolean) values.get(SKIP_ERROR))
        .errorTopic((String) values.get(ERROR_TOPIC_NAME))
        .errorTopicBootstrapServers((String) values.get(ERROR_TOPIC_BOOTSTRAP_SERVERS))
        .errorTopicProducerOverrides(errorTopicProducerOverrides);
  }

  private static PartitionRules partitionRulesOf(Map<String, ?> values) {
    return new PartitionRules(TIME_SOURCES.parse((String) values.get(PARTITION_TIME_SOURCE)),
        ((String) values.get(PARTITION_TIME_FIELD)).trim(),
        TimeFieldFormat.parse((String) values.get(PARTITION_TIME_FIELD_FORMAT)),
        PartitionColumnRule.parseList((String) values.get(PARTITION_COLUMNS)));
  }

  @SuppressWarnings("unchecked")
  private static TableRouting tableRoutingOf(Map<String, ?> values) {
    // The table itself is set by SinkSettings from the table key: one source for both.
    return new TableRouting("", TableRouting.parseMap((String) values.get(TOPIC2TABLE_MAP)),
        (Boolean) values.get(AUTO_CREATE), (Integer) values.get(AUTO_CREATE_LIFECYCLE),
        (List<String>) values.get(AUTO_CREATE_PRIMARY_KEY), (Boolean) values.get(AUTO_EVOLVE));
  }

  private static TrustStoreFile trustStoreFile(Map<String, ?> values) {
    Password password = (Password) values.get(SSL_TRUSTSTORE_PASSWORD);
    return new TrustStoreFile((String) values.get(SSL_TRUSTSTORE_LOCATION), password == null ? "" : password.value(),
        (String) values.get(SSL_TRUSTSTORE_TYPE));
  }

  /**
   * Every {@code runtime.error.topic.<producer key>} except the two the connector defines itself,
   * with the prefix stripped. Values of keys the producer treats as secrets (SASL JAAS config, SSL
   * passwords) are wrapped in {@link Password}, which the producer accepts and which never prints.
   */
  private Map<String, Object> errorTopicProducerOverrides() {
    Map<String, Object> overrides = new HashMap<>(originalsWithPrefix(ERROR_TOPIC_PREFIX));
    overrides.remove("name");
    overrides.remove("bootstrap.servers");
    Map<String, ConfigDef.ConfigKey> producerKeys = ProducerConfig.configDef().configKeys();
    for (Map.Entry<String, Object> entry : overrides.entrySet()) {
      ConfigDef.ConfigKey key = producerKeys.get(entry.getKey());
      boolean secret = key != null && key.type == Type.PASSWORD;
      if (secret && entry.getValue() instanceof String) {
        entry.setValue(new Password((String) entry.getValue()));
      }
    }
    return overrides;
  }

  /** The parsed values, secrets shown as [hidden]; extra error-topic producer keys by name only. */
  @Override
  public String toString() {
    Map<String, Object> shown = new TreeMap<>(values());
    for (String key : originalsWithPrefix(ERROR_TOPIC_PREFIX, false).keySet()) {
      shown.putIfAbsent(key, "[not shown]");
    }
    return getClass().getSimpleName() + shown;
  }

  /** The configuration reference as docs/configuration.md holds it, generated from the ConfigDef. */
  public static String referenceMarkdown() {
    return "# Configuration reference\n\n"
        + "Generated from the connector's `ConfigDef` (`MaxComputeSinkConfig`); do not edit by hand:\n"
        + "`mvn -pl connector test -Dtest=ConfigurationReferenceTest -Dconfiguration.reference.write=true`\n"
        + "rewrites it, and the build fails while it is stale.\n\n"
        + "Keys of Alibaba's connector keep their names and defaults; `csv.delimiter`, `stream_max_latency_ms`,\n"
        + "`tunnel_compression`, the `ssl_truststore_*` keys and the `runtime.error.topic.*` producer settings are\n"
        + "this connector's own. Connect's own sink keys\n"
        + "(`topics`, `tasks.max`, `errors.tolerance`, `errors.deadletterqueue.*`, converters) apply as usual.\n\n"
        + ConfigDocs.markdown(CONFIG_DEF);
  }

  /** Prints the configuration reference as Markdown. */
  public static void main(String[] args) {
    System.out.print(referenceMarkdown());
  }
}
