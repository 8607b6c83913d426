package com.aliyun.odps.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaxComputeSinkConfigTest {
  private static final String SECRET = "s3cr3t-access-key-value";

  /** Only the required keys plus credentials. */
  static Map<String, String> minimal() {
    Map<String, String> props = new HashMap<>();
    props.put("endpoint", "http://service.cn-shanghai.maxcompute.aliyun.com/api");
    props.put("project", "project_name");
    props.put("table", "table_text");
    props.put("access_id", "my-access-id");
    props.put("access_key", SECRET);
    return props;
  }

  private static Map<String, String> with(String... keyValues) {
    Map<String, String> props = minimal();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  private static SinkSettings settings(Map<String, String> props) {
    return new MaxComputeSinkConfig(props).settings();
  }

  @Test
  void everyOptionalKeyHasTheIncumbentsDefault() {
    SinkSettings s = settings(minimal());

    assertThat(s.endpoint()).isEqualTo("http://service.cn-shanghai.maxcompute.aliyun.com/api");
    assertThat(s.project()).isEqualTo("project_name");
    assertThat(s.table()).isEqualTo("table_text");
    assertThat(s.tunnelEndpoint()).isEmpty();
    assertThat(s.schema()).isEmpty();
    assertThat(s.accountType()).isEqualTo(AccountType.ALIYUN);
    assertThat(s.accessId()).isEqualTo("my-access-id");
    assertThat(s.accessKey()).isEqualTo(SECRET);
    assertThat(s.accountId()).isEmpty();
    assertThat(s.regionId()).isEmpty();
    assertThat(s.roleName()).isEmpty();
    assertThat(s.stsEndpoint()).isEqualTo("sts.aliyuncs.com");
    assertThat(s.clientTimeoutMs()).isEqualTo(39_600_000L);
    assertThat(s.format()).isEqualTo(MessageFormat.TEXT);
    assertThat(s.mode()).isEqualTo(MessageMode.DEFAULT);
    assertThat(s.csvDelimiter()).isEqualTo(',');
    assertThat(s.partitionWindow()).isEqualTo(PartitionWindow.HOUR);
    assertThat(s.newPartitionFormat()).isFalse();
    assertThat(s.timeZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(s.useStreaming()).isFalse();
    assertThat(s.bufferSizeKb()).isEqualTo(65536);
    assertThat(s.retryTimes()).isEqualTo(3);
    assertThat(s.sinkPoolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.recordBatchSize()).isEqualTo(8000);
    assertThat(s.skipError()).isFalse();
    assertThat(s.errorTopic()).isEmpty();
    assertThat(s.errorTopicBootstrapServers()).isEmpty();
    assertThat(s.hasErrorTopic()).isFalse();
    assertThat(s.errorTopicProducerOverrides()).isEmpty();
    assertThat(s.trustStore().isConfigured()).isFalse();
    assertThat(s.trustStore().type()).isEqualTo("PKCS12");
  }

  @ParameterizedTest
  @ValueSource(strings = {"endpoint", "project", "table"})
  void aMissingRequiredKeyIsNamed(String key) {
    Map<String, String> props = minimal();
    props.remove(key);

    assertThatThrownBy(() -> settings(props)).isInstanceOf(ConfigException.class).hasMessageContaining(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"endpoint", "project", "table"})
  void anEmptyRequiredKeyIsNamed(String key) {
    assertThatThrownBy(() -> settings(with(key, " "))).isInstanceOf(ConfigException.class).hasMessageContaining(key);
  }

  // ---- The product document's connector JSON, as Connect hands it over (every value a string).

  static Stream<Arguments> productDocumentExamples() {
    Map<String, String> common = Map.of(
        "connector.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector",
        "tasks.max", "3",
        "endpoint", "http://service.cn-shanghai.maxcompute.aliyun.com/api",
        "project", "project_name",
        "schema", "default",
        "account_type", "ALIYUN",
        "access_id", "<yourAccessKeyId>",
        "access_key", "<yourAccessKeySecret>",
        "partition_window_type", "MINUTE",
        "mode", "VALUE");
    Map<String, String> quoted = Map.of("sink_pool_size", "150", "record_batch_size", "9000", "buffer_size_kb", "600000");

    Map<String, String> createTask = new HashMap<>(common);
    createTask.putAll(Map.of("name", "<task-name>", "topics", "<kafka-topic>", "tunnel_endpoint", "<tunnel-endpoint>",
        "table", "<maxcompute-table>", "format", "TEXT", "use_streaming", "false", "buffer_size_kb", "65536",
        "sink_pool_size", "150", "record_batch_size", "8000"));
    createTask.put("skip_error", "false");
    Map<String, String> text = example(common, quoted, "topic_text", "table_text", "TEXT");
    Map<String, String> csv = example(common, quoted, "topic_csv", "table_csv", "CSV");
    Map<String, String> json = example(common, quoted, "topic_json", "table_json", "JSON");
    Map<String, String> flatten = example(common, quoted, "topic_flatten", "table_flatten", "FLATTEN");
    Map<String, String> abnormal = example(common, quoted, "topic_abnormal", "test_flatten", "FLATTEN");
    abnormal.put("runtime.error.topic.name", "runtime_error");
    abnormal.put("runtime.error.topic.bootstrap.servers", "http://XXXX");
    abnormal.put("skip_error", "false");

    return Stream.of(
        Arguments.of("create a sink task", createTask, MessageFormat.TEXT, 8000, 65536),
        Arguments.of("write TEXT data", text, MessageFormat.TEXT, 9000, 600000),
        Arguments.of("write CSV data", csv, MessageFormat.CSV, 9000, 600000),
        Arguments.of("write JSON data", json, MessageFormat.JSON, 9000, 600000),
        Arguments.of("write FLATTEN data", flatten, MessageFormat.FLATTEN, 9000, 600000),
        Arguments.of("handle abnormal data", abnormal, MessageFormat.FLATTEN, 9000, 600000));
  }

  private static Map<String, String> example(Map<String, String> common, Map<String, String> quoted,
      String topic, String table, String format) {
    Map<String, String> props = new HashMap<>(common);
    props.putAll(quoted);
    props.put("name", "odps-test");
    props.put("topics", topic);
    props.put("table", table);
    props.put("format", format);
    return props;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("productDocumentExamples")
  void theProductDocumentsConnectorJsonParses(String example, Map<String, String> props, MessageFormat format,
      int recordBatchSize, int bufferSizeKb) {
    SinkSettings s = settings(props);

    assertThat(s.format()).isEqualTo(format);
    assertThat(s.mode()).isEqualTo(MessageMode.VALUE);
    assertThat(s.partitionWindow()).isEqualTo(PartitionWindow.MINUTE);
    assertThat(s.sinkPoolSize()).isEqualTo(150);
    assertThat(s.recordBatchSize()).isEqualTo(recordBatchSize);
    assertThat(s.bufferSizeKb()).isEqualTo(bufferSizeKb);
    assertThat(s.schema()).as("'default' is the default schema").isEmpty();
    assertThat(s.accountType()).isEqualTo(AccountType.ALIYUN);
  }

  @Test
  void theAbnormalDataExampleEnablesTheErrorTopic() {
    SinkSettings s = settings(with("format", "FLATTEN", "mode", "VALUE",
        "runtime.error.topic.name", "runtime_error", "runtime.error.topic.bootstrap.servers", "http://XXXX"));

    assertThat(s.hasErrorTopic()).isTrue();
    assertThat(s.errorTopic()).isEqualTo("runtime_error");
    assertThat(s.errorTopicBootstrapServers()).isEqualTo("http://XXXX");
    assertThat(s.errorTopicProducerOverrides()).isEmpty();
  }

  @Test
  void typedValuesAsInTheJsonFileAreAcceptedToo() {
    Map<String, Object> props = new HashMap<>(minimal());
    props.put("use_streaming", false);
    props.put("buffer_size_kb", 65536);
    props.put("skip_error", true);

    SinkSettings s = new MaxComputeSinkConfig(props).settings();

    assertThat(s.useStreaming()).isFalse();
    assertThat(s.bufferSizeKb()).isEqualTo(65536);
    assertThat(s.skipError()).isTrue();
  }

  // ---- Enums in any letter case.

  @ParameterizedTest
  @CsvSource({"text,TEXT", "Text,TEXT", " csv ,CSV", "Json,JSON", "flatten,FLATTEN", "binary,BINARY"})
  void formatIsCaseInsensitive(String given, MessageFormat expected) {
    assertThat(settings(with("format", given, "mode", "value")).format()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"key,KEY", "Value,VALUE", "default,DEFAULT"})
  void modeIsCaseInsensitive(String given, MessageMode expected) {
    assertThat(settings(with("mode", given)).mode()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"day,DAY", "Hour,HOUR", "minute,MINUTE"})
  void partitionWindowIsCaseInsensitive(String given, PartitionWindow expected) {
    assertThat(settings(with("partition_window_type", given)).partitionWindow()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"aliyun,ALIYUN", "Aliyun,ALIYUN", "sts,STS", "ecs_ram_role,DEFAULT_CHAIN", "anything,DEFAULT_CHAIN"})
  void accountTypeIsCaseInsensitiveAndAnythingElseIsTheDefaultChain(String given, AccountType expected) {
    SinkSettings s = settings(with("account_type", given, "account_id", "123", "role_name", "writer"));

    assertThat(s.accountType()).isEqualTo(expected);
  }

  @Test
  void theDefaultCredentialChainNeedsNoAccessKey() {
    Map<String, String> props = with("account_type", "environment");
    props.remove("access_id");
    props.remove("access_key");

    assertThat(settings(props).accountType()).isEqualTo(AccountType.DEFAULT_CHAIN);
  }

  // ---- Bad values name their key.

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "format|XML", "mode|BOTH", "partition_window_type|WEEK", "use_streaming|yes", "use_new_partition_format|1",
      "skip_error|maybe", "buffer_size_kb|0", "buffer_size_kb|lots", "retry_times|-1", "sink_pool_size|0",
      "record_batch_size|0", "client_timeout_ms|0", "time_zone|Mars/Olympus", "time_zone|CST",
      "csv.delimiter|;;", "csv.delimiter|\"", "ssl_truststore_type|NOPE"})
  void aBadValueIsRefusedNamingItsKey(String key, String value) {
    assertThatThrownBy(() -> settings(with(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }

  @Test
  void anEnumErrorListsTheValidValues() {
    assertThatThrownBy(() -> settings(with("format", "XML")))
        .hasMessageContaining("TEXT, CSV, JSON, FLATTEN, BINARY");
  }

  @ParameterizedTest
  @CsvSource({"Asia/Shanghai,Asia/Shanghai", "UTC,UTC", "+08:00,+08:00", "GMT+8,GMT+08:00"})
  void timeZoneTakesRegionsAndOffsets(String given, String expected) {
    assertThat(settings(with("time_zone", given)).timeZone()).isEqualTo(ZoneId.of(expected));
  }

  @Test
  void csvDelimiterIsOneCharacterOrTheTabEscape() {
    assertThat(delimiter(";")).isEqualTo(';');
    assertThat(delimiter("|")).isEqualTo('|');
    assertThat(delimiter("\\t")).as("the two characters \\t").isEqualTo('\t');
  }

  @Test
  void aLiteralTabDelimiterIsTrimmedAwayByKafkaAndRefusedWithAHint() {
    assertThatThrownBy(() -> delimiter("\t")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("csv.delimiter").hasMessageContaining("\\t");
  }

  private static char delimiter(String given) {
    return settings(with("format", "CSV", "mode", "VALUE", "csv.delimiter", given)).csvDelimiter();
  }

  @ParameterizedTest
  @CsvSource({"DEFAULT,''", "default,''", "'',''", "sales,sales"})
  void schemaDefaultAndEmptyMeanTheDefaultSchema(String given, String expected) {
    assertThat(settings(with("schema", given)).schema()).isEqualTo(expected);
  }

  @Test
  void numbersGivenAsStringsAreParsed() {
    SinkSettings s = settings(with("retry_times", "7", "client_timeout_ms", "3600000", "sink_pool_size", " 4 "));

    assertThat(s.retryTimes()).isEqualTo(7);
    assertThat(s.clientTimeoutMs()).isEqualTo(3_600_000L);
    assertThat(s.sinkPoolSize()).isEqualTo(4);
  }

  // ---- Error-topic producer settings.

  @Test
  void errorTopicProducerSettingsAreCollectedWithoutThePrefix() {
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"pw-123\";";
    SinkSettings s = settings(with(
        "runtime.error.topic.name", "errors", "runtime.error.topic.bootstrap.servers", "broker:9093",
        "runtime.error.topic.security.protocol", "SASL_SSL",
        "runtime.error.topic.sasl.mechanism", "PLAIN",
        "runtime.error.topic.sasl.jaas.config", jaas,
        "runtime.error.topic.ssl.truststore.password", "trust-pw"));

    Map<String, Object> overrides = s.errorTopicProducerOverrides();
    assertThat(overrides).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
        "ssl.truststore.password");
    assertThat(overrides.get("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(overrides.get("sasl.mechanism")).isEqualTo("PLAIN");
    assertThat(overrides.get("sasl.jaas.config")).isInstanceOf(Password.class);
    assertThat(((Password) overrides.get("sasl.jaas.config")).value()).isEqualTo(jaas);
    assertThat(overrides.get("ssl.truststore.password")).isInstanceOf(Password.class);
    assertThat(overrides.toString()).doesNotContain("pw-123").doesNotContain("trust-pw");
  }

  // ---- Trust store.

  @Test
  void trustStoreKeysAreParsedAndTheLocationTrimmed() {
    TrustStoreFile trustStore = settings(with("ssl_truststore_location", " /etc/mc/trust.jks ",
        "ssl_truststore_password", "store-pw", "ssl_truststore_type", "JKS")).trustStore();

    assertThat(trustStore.isConfigured()).isTrue();
    assertThat(trustStore.location()).isEqualTo("/etc/mc/trust.jks");
    assertThat(trustStore.password()).isEqualTo("store-pw");
    assertThat(trustStore.type()).isEqualTo("JKS");
  }

  @Test
  void aTrustStorePasswordWithoutALocationIsRefusedOnTheLocation() {
    assertThatThrownBy(() -> settings(with("ssl_truststore_password", "store-pw")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ssl_truststore_location:")
        .hasMessageNotContaining("store-pw");
  }

  // ---- Secrets never print.

  @Test
  void toStringOfConfigAndSettingsHidesSecrets() {
    MaxComputeSinkConfig config = new MaxComputeSinkConfig(with(
        "runtime.error.topic.name", "errors", "runtime.error.topic.bootstrap.servers", "broker:9093",
        "runtime.error.topic.sasl.jaas.config", "LoginModule required password=\"jaas-secret\";",
        "runtime.error.topic.ssl.key.password", "key-secret",
        "ssl_truststore_location", "/etc/mc/trust.p12", "ssl_truststore_password", "store-secret"));

    assertThat(config.toString())
        .contains("access_key=[hidden]")
        .contains("access_id=my-access-id")
        .contains("ssl_truststore_password=[hidden]")
        .doesNotContain(SECRET, "jaas-secret", "key-secret", "store-secret");
    assertThat(config.settings().toString())
        .contains("my-access-id").contains("/etc/mc/trust.p12")
        .doesNotContain(SECRET, "jaas-secret", "key-secret", "store-secret");
  }

  @Test
  void accessKeyIsAPasswordInTheDefinition() {
    assertThat(MaxComputeSinkConfig.CONFIG_DEF.configKeys().get("access_key").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    assertThat(MaxComputeSinkConfig.CONFIG_DEF.configKeys().get("runtime.error.topic.sasl.jaas.config").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    assertThat(MaxComputeSinkConfig.CONFIG_DEF.configKeys().get("ssl_truststore_password").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
  }

  // ---- Cross-field rules fail parsing too (start() fails fast), naming the key.

  @ParameterizedTest
  @ValueSource(strings = {"CSV", "JSON", "FLATTEN"})
  void defaultModeWithAFormatOtherThanTextOrBinaryIsRefusedOnMode(String format) {
    assertThatThrownBy(() -> settings(with("format", format)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("mode:");
  }

  @Test
  void anErrorTopicWithoutServersIsRefused() {
    assertThatThrownBy(() -> settings(with("runtime.error.topic.name", "errors")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("runtime.error.topic.bootstrap.servers:");
  }

  // ---- Delivery.

  @Test
  void deliveryDefaultsAreTheProductDocumentsAppend() {
    SinkSettings s = settings(minimal());

    assertThat(s.writeMode()).isEqualTo(WriteMode.APPEND);
    assertThat(s.primaryKeySource()).isEqualTo(PrimaryKeySource.VALUE);
    assertThat(s.cdcFormat()).isEqualTo(CdcFormat.NONE);
    assertThat(s.upsertCommitInterval()).hasMinutes(3);
    assertThat(s.exactlyOnce()).isFalse();
  }

  @Test
  void upsertKeysAreReadInAnyLetterCase() {
    SinkSettings s = settings(with("write.mode", "upsert", "pk.source", "Key", "cdc.format", "debezium",
        "format", "FLATTEN", "mode", "VALUE", "upsert.commit.interval.ms", "5000"));

    assertThat(s.writeMode()).isEqualTo(WriteMode.UPSERT);
    assertThat(s.primaryKeySource()).isEqualTo(PrimaryKeySource.KEY);
    assertThat(s.cdcFormat()).isEqualTo(CdcFormat.DEBEZIUM);
    assertThat(s.upsertCommitInterval()).hasSeconds(5);
  }

  @Test
  void upsertKeysWithoutUpsertAreRefusedOnTheirOwnKey() {
    assertThatThrownBy(() -> settings(with("pk.source", "KEY")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("pk.source:").hasMessageContaining("UPSERT");
    assertThatThrownBy(() -> settings(with("cdc.format", "DEBEZIUM", "format", "FLATTEN", "mode", "VALUE")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("cdc.format:").hasMessageContaining("UPSERT");
  }

  @Test
  void debeziumNeedsFlatten() {
    assertThatThrownBy(() -> settings(with("write.mode", "UPSERT", "cdc.format", "DEBEZIUM", "format", "TEXT")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("cdc.format:").hasMessageContaining("FLATTEN");
  }

  @Test
  void upsertThroughTheStreamingTunnelIsRefusedOnUseStreaming() {
    assertThatThrownBy(() -> settings(with("write.mode", "UPSERT", "use_streaming", "true")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("use_streaming:").hasMessageContaining("delete");
  }

  @Test
  void exactlyOnceThroughTheStreamingTunnelIsRefusedOnExactlyOnce() {
    assertThatThrownBy(() -> settings(with("exactly_once", "true", "use_streaming", "true")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("exactly_once:").hasMessageContaining("at least once");
    assertThat(settings(with("exactly_once", "true")).exactlyOnce()).isTrue();
    assertThat(settings(with("exactly_once", "true", "write.mode", "UPSERT")).exactlyOnce()).isTrue();
  }

  // ---- Where rows go: partition values from the record, tables by topic, created and evolved tables.

  @Test
  void partitionsComeFromTheFlushTimeIntoPtUnlessConfigured() {
    SinkSettings s = settings(minimal());

    assertThat(s.partitionRules().timeSource()).isEqualTo(PartitionTimeSource.FLUSH_TIME);
    assertThat(s.partitionRules().columns()).isEmpty();
    assertThat(s.partitionRules().fromRecord()).isFalse();
    assertThat(s.tableRouting().isSingleTable()).isTrue();
    assertThat(s.tableRouting().tableFor("any")).isEqualTo("table_text");
    assertThat(s.tableRouting().autoCreate()).isFalse();
    assertThat(s.tableRouting().autoEvolve()).isFalse();
  }

  @Test
  void partitionColumnsAndAFieldTimeAreParsedIntoRules() {
    SinkSettings s = settings(with("partition.time.source", "field", "partition.time.field", "after.ts",
        "partition.time.field.format", "yyyy-MM-dd HH:mm:ss", "partition.columns",
        "ds=time:yyyyMMdd, hh=time:HH, region=field:address.region"));

    assertThat(s.partitionRules().timeSource()).isEqualTo(PartitionTimeSource.FIELD);
    assertThat(s.partitionRules().timeField()).isEqualTo("after.ts");
    assertThat(s.partitionRules().timeFieldFormat().kind()).isEqualTo(TimeFieldFormat.Kind.PATTERN);
    assertThat(s.partitionRules().columns()).extracting(Object::toString)
        .containsExactly("ds=time:yyyyMMdd", "hh=time:HH", "region=field:address.region");
    assertThat(s.partitionRules().fromRecord()).isTrue();
    assertThat(settings(with("partition.time.source", "KAFKA_TIMESTAMP")).partitionRules().timeFieldFormat().kind())
        .isEqualTo(TimeFieldFormat.Kind.EPOCH_MILLIS);
  }

  @Test
  void aPartitionColumnThatIsNotOneIsRefusedOnPartitionColumns() {
    assertThatThrownBy(() -> settings(with("partition.columns", "ds=yyyyMMdd")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("partition.columns")
        .hasMessageContaining("column=time:PATTERN");
    assertThatThrownBy(() -> settings(with("partition.columns", "ds=time:yyyyMMdd,ds=time:HH")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("given twice");
    assertThatThrownBy(() -> settings(with("partition.columns", "ds=clock:HH")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("time or field");
    assertThatThrownBy(() -> settings(with("partition.columns", "ds=time:yyyy-MM-dd{")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a date-time pattern");
    assertThatThrownBy(() -> settings(with("partition.columns", "ds=time:yyyy/MM/dd")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("2024/12/31").hasMessageContaining("'/'");
  }

  @Test
  void aTimeFieldIsNeededByFieldAndRefusedWithoutIt() {
    assertThatThrownBy(() -> settings(with("partition.time.source", "FIELD")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("partition.time.field:");
    assertThatThrownBy(() -> settings(with("partition.time.field", "ts")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("partition.time.field:")
        .hasMessageContaining("FLUSH_TIME");
  }

  @Test
  void aTopicTemplateAndATopicMapRouteTopicsToTables() {
    SinkSettings s = settings(with("table", "kafka_${topic}", "topic2table.map", "orders:orders_v2,a.b:ab"));

    assertThat(s.tableRouting().isSingleTable()).isFalse();
    assertThat(s.tableRouting().tableFor("orders")).isEqualTo("orders_v2");
    assertThat(s.tableRouting().tableFor("a.b")).isEqualTo("ab");
    assertThat(s.tableRouting().tableFor("Click-Stream.v1")).isEqualTo("kafka_click_stream_v1");
    assertThat(settings(with("topic2table.map", "orders:orders_v2")).tableRouting().tableFor("users"))
        .isEqualTo("table_text");
    assertThatThrownBy(() -> settings(with("topic2table.map", "orders")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("topic:table");
    assertThatThrownBy(() -> settings(with("topic2table.map", "orders:bad-name")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a table name");
  }

  @Test
  void exactlyOnceWithSeveralTablesIsRefusedOnExactlyOnce() {
    assertThatThrownBy(() -> settings(with("exactly_once", "true", "table", "t_${topic}")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("exactly_once:").hasMessageContaining("one table");
    assertThatThrownBy(() -> settings(with("exactly_once", "true", "topic2table.map", "a:b")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("exactly_once:");
    assertThatThrownBy(() -> settings(with("exactly_once", "true", "auto.create", "true")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("exactly_once:").hasMessageContaining("create the table");
  }

  @Test
  void creatingAndEvolvingTablesSayWhatTheyNeed() {
    assertThatThrownBy(() -> settings(with("auto.evolve", "true")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("auto.evolve:").hasMessageContaining("FLATTEN");
    assertThatThrownBy(() -> settings(with("auto.create", "true", "format", "CSV", "mode", "VALUE")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("auto.create:").hasMessageContaining("CSV");
    assertThatThrownBy(() -> settings(with("auto.create", "true", "write.mode", "UPSERT", "format", "FLATTEN",
        "mode", "VALUE"))).isInstanceOf(ConfigException.class).hasMessageStartingWith("auto.create.primary.key:");
    assertThatThrownBy(() -> settings(with("auto.create", "true", "auto.create.primary.key", "id")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("auto.create.primary.key:")
        .hasMessageContaining("UPSERT");

    SinkSettings s = settings(with("auto.create", "true", "auto.create.lifecycle", "30", "write.mode", "UPSERT",
        "auto.create.primary.key", "id, region", "format", "FLATTEN", "mode", "VALUE", "auto.evolve", "true"));
    assertThat(s.tableRouting().autoCreate()).isTrue();
    assertThat(s.tableRouting().lifecycleDays()).isEqualTo(30);
    assertThat(s.tableRouting().primaryKey()).containsExactly("id", "region");
    assertThat(s.tableRouting().autoEvolve()).isTrue();
  }

  // ---- Documentation.

  @Test
  void everyKeyIsDocumentedGroupedAndDisplayed() {
    assertThat(MaxComputeSinkConfig.CONFIG_DEF.groups())
        .containsExactly("Connection", "TLS", "Authentication", "Format", "Partitioning", "Write", "Delivery", "Tables",
            "Errors");
    assertThat(MaxComputeSinkConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(key.group).as(key.name).isNotBlank();
      assertThat(key.displayName).as(key.name).isNotBlank();
      assertThat(key.orderInGroup).as(key.name).isPositive();
    });
    assertThat(MaxComputeSinkConfig.CONFIG_DEF.names()).contains("endpoint", "tunnel_endpoint", "project", "schema",
        "table", "account_type", "access_id", "access_key", "account_id", "region_id", "role_name", "sts.endpoint",
        "client_timeout_ms", "format", "mode", "partition_window_type", "use_new_partition_format", "time_zone",
        "use_streaming", "buffer_size_kb", "retry_times", "sink_pool_size", "record_batch_size", "skip_error",
        "runtime.error.topic.name", "runtime.error.topic.bootstrap.servers", "csv.delimiter",
        "ssl_truststore_location", "ssl_truststore_password", "ssl_truststore_type");
  }

  @Test
  void markdownReferenceHasOneTablePerGroupAndEveryKey() {
    String markdown = ConfigDocs.markdown(MaxComputeSinkConfig.CONFIG_DEF);

    assertThat(markdown).contains("## Connection", "## Errors", "| `endpoint` | string | (required)",
        "| `buffer_size_kb` | int | `65536`", "| `csv.delimiter` |");
    for (String key : MaxComputeSinkConfig.CONFIG_DEF.names()) {
      assertThat(markdown).contains("| `" + key + "` |");
    }
  }
}
