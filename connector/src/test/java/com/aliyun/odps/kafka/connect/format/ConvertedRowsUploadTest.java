package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The values converters put into rows are the ones the official SDK's Tunnel writer serializes:
 * rows converted into {@code session.newRecord()} upload to the local MaxCompute and read back equal.
 */
class ConvertedRowsUploadTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static final String COLUMNS = "(topic STRING, `partition` BIGINT, `offset` BIGINT, insert_time DATETIME,"
      + " c_bigint BIGINT, c_int INT, c_smallint SMALLINT, c_tinyint TINYINT, c_double DOUBLE, c_float FLOAT,"
      + " c_boolean BOOLEAN, c_string STRING, c_varchar VARCHAR(10), c_char CHAR(5), c_binary BINARY,"
      + " c_date DATE, c_datetime DATETIME, c_timestamp TIMESTAMP, c_timestamp_ntz TIMESTAMP_NTZ, c_json JSON,"
      + " c_decimal DECIMAL(38,18), c_array ARRAY<STRING>, c_map MAP<STRING,BIGINT>, c_struct STRUCT<a:INT,b:STRING>)"
      + " PARTITIONED BY (pt STRING)";

  private final Odps odps = odps();
  private final TableTunnel tunnel = new TableTunnel(odps);

  private static Odps odps() {
    return LocalMaxComputeAccess.client(MC.service());
  }

  @Test
  void csvAndFlattenRowsUploadAndReadBackEqual() throws Exception {
    String table = "converted_rows_" + System.nanoTime();
    SQLTask.run(odps, "CREATE TABLE " + table + " " + COLUMNS + ";").waitForSuccess(50);
    SQLTask.run(odps, "ALTER TABLE " + table + " ADD PARTITION (pt='07-13-2023 21:13');").waitForSuccess(50);
    PartitionSpec pt = new PartitionSpec("pt='07-13-2023 21:13'");
    TableSchema schema = odps.tables().get(table).getSchema();
    TableTunnel.UploadSession session = tunnel.createUploadSession("project_name", table, pt);

    RecordConverter csv = RecordConverters.create(settings(MessageFormat.CSV, MessageMode.VALUE).build(), schema);
    RecordConverter flatten = RecordConverters.create(settings(MessageFormat.FLATTEN, MessageMode.VALUE).build(), schema);
    Record fromCsv = session.newRecord();
    csv.convert(record("topic_csv", 0, 0, null,
        "-5,2147483647,-32768,127,2.5,1.25,true,\"a,b\",hello,ab,raw,2023-07-13,2023-07-13 21:13:00.250,"
            + "2023-07-13 21:13:00.123456789,2023-07-13 21:13:00,\"{\"\"a\"\":1}\",12.5,"
            + "\"[\"\"x\"\",\"\"y\"\"]\",\"{\"\"k\"\":7}\",\"{\"\"a\"\":1,\"\"b\"\":\"\"s\"\"}\""), fromCsv);
    Record fromFlatten = session.newRecord();
    flatten.convert(record("topic_flatten", 0, 1, null,
        "{\"c_bigint\":1,\"c_string\":\"json-1\",\"c_json\":{\"region\":\"beijing\"},\"c_decimal\":\"0.000000000000000001\","
            + "\"c_array\":[\"p\"],\"c_map\":{\"m\":1},\"c_struct\":{\"b\":\"only b\"},\"c_datetime\":1689254000000}"),
        fromFlatten);
    TunnelRows.upload(session, fromCsv, fromFlatten);

    List<Record> rows = TunnelRows.download(tunnel, "project_name", table, pt);
    assertThat(rows).hasSize(2);
    ArrayRecord first = (ArrayRecord) rows.get(0);
    assertThat(first.getString("topic")).isEqualTo("topic_csv");
    assertThat(first.getDatetimeAsZonedDateTime("insert_time").toInstant()).isEqualTo(Instant.ofEpochMilli(1_689_254_000_000L));
    assertThat(first.getBigint("c_bigint")).isEqualTo(-5L);
    assertThat(first.getInt("c_int")).isEqualTo(Integer.MAX_VALUE);
    assertThat(first.getSmallint("c_smallint")).isEqualTo(Short.MIN_VALUE);
    assertThat(first.getTinyint("c_tinyint")).isEqualTo((byte) 127);
    assertThat(first.getDouble("c_double")).isEqualTo(2.5d);
    assertThat(first.getFloat("c_float")).isEqualTo(1.25f);
    assertThat(first.getBoolean("c_boolean")).isTrue();
    assertThat(first.getString("c_string")).isEqualTo("a,b");
    assertThat(first.getVarchar("c_varchar").getValue()).isEqualTo("hello");
    assertThat(first.getChar("c_char").getValue()).startsWith("ab");
    assertThat(first.getBinary("c_binary").data()).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
    assertThat(first.getDateAsLocalDate("c_date")).isEqualTo(LocalDate.of(2023, 7, 13));
    assertThat(first.getDatetimeAsZonedDateTime("c_datetime").toInstant()).isEqualTo(Instant.parse("2023-07-13T13:13:00.250Z"));
    assertThat(first.getTimestampAsInstant("c_timestamp")).isEqualTo(Instant.parse("2023-07-13T13:13:00.123456789Z"));
    assertThat(first.getTimestampNtz("c_timestamp_ntz")).isEqualTo(LocalDateTime.of(2023, 7, 13, 21, 13));
    assertThat(first.getJsonValue("c_json").get("a").getAsNumber().intValue()).isEqualTo(1);
    assertThat(first.getDecimal("c_decimal")).isEqualByComparingTo(new BigDecimal("12.5"));
    assertThat(first.getArray("c_array")).containsExactly("x", "y");
    assertThat(first.getMap("c_map")).isEqualTo(Map.of("k", 7L));
    assertThat(((SimpleStruct) first.getStruct("c_struct")).getFieldValues()).containsExactly(1, "s");

    ArrayRecord second = (ArrayRecord) rows.get(1);
    assertThat(second.getBigint("offset")).isEqualTo(1L);
    assertThat(second.getString("c_string")).isEqualTo("json-1");
    assertThat(second.getJsonValue("c_json").get("region").getAsString()).isEqualTo("beijing");
    assertThat(second.getDecimal("c_decimal")).isEqualByComparingTo(new BigDecimal("0.000000000000000001"));
    assertThat(second.getInt("c_int")).isNull();
    assertThat(second.getArray("c_array")).containsExactly("p");
    assertThat(((SimpleStruct) second.getStruct("c_struct")).getFieldValues()).containsExactly(null, "only b");
    assertThat(second.getDatetimeAsZonedDateTime("c_datetime").toInstant()).isEqualTo(Instant.ofEpochMilli(1_689_254_000_000L));
  }
}
