package dev.mcsink.benchmarks;

import com.aliyun.odps.data.Record;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * The rows a benchmark writes: the DDL of their table and how row {@code i} is filled in. Values are
 * drawn from small pools built once, so that the client's time goes to the SDK's encoding and the
 * wire rather than to producing random text.
 */
enum RowShape {
  /** The connector's TEXT table: one Kafka record per row with a ~100-byte value. */
  NARROW("narrow", 1_000_000) {
    @Override
    String columnsDdl() {
      // partition and offset are MaxCompute keywords, hence the back-quotes.
      return "topic STRING, `partition` BIGINT, `offset` BIGINT, key STRING, value STRING";
    }

    @Override
    void fill(Record record, long i) {
      record.setString(0, TOPIC);
      record.setBigint(1, i % KAFKA_PARTITIONS);
      record.setBigint(2, i);
      record.setString(3, "key-" + i);
      record.setString(4, VALUES[(int) (i % POOL_SIZE)]);
    }
  },

  /** A wide analytic row: 50 columns cycling through BIGINT, DOUBLE, STRING, DECIMAL(18,4), DATETIME, BOOLEAN. */
  WIDE("wide", 200_000) {
    @Override
    String columnsDdl() {
      StringBuilder ddl = new StringBuilder();
      for (int c = 0; c < WIDE_COLUMNS; c++) {
        if (c > 0) {
          ddl.append(", ");
        }
        ddl.append(String.format("c%02d ", c)).append(WIDE_TYPES[c % WIDE_TYPES.length]);
      }
      return ddl.toString();
    }

    @Override
    void fill(Record record, long i) {
      int pooled = (int) ((i + 7) % POOL_SIZE);
      for (int c = 0; c < WIDE_COLUMNS; c++) {
        switch (c % WIDE_TYPES.length) {
          case 0 -> record.setBigint(c, i * WIDE_COLUMNS + c);
          case 1 -> record.setDouble(c, i * 0.5 + c);
          case 2 -> record.setString(c, WORDS[(pooled + c) % POOL_SIZE]);
          case 3 -> record.setDecimal(c, BigDecimal.valueOf(i * 100_003 + c, 4));
          case 4 -> record.set(c, DATETIMES[(pooled + c) % POOL_SIZE]);
          default -> record.setBoolean(c, ((i + c) & 1) == 0);
        }
      }
    }
  };

  static final String TOPIC = "bench-topic";
  static final int KAFKA_PARTITIONS = 12;
  static final int WIDE_COLUMNS = 50;
  private static final String[] WIDE_TYPES = {"BIGINT", "DOUBLE", "STRING", "DECIMAL(18,4)", "DATETIME", "BOOLEAN"};
  private static final int POOL_SIZE = 256;
  private static final int VALUE_BYTES = 100;
  private static final String[] VALUES = asciiPool(VALUE_BYTES, 1);
  private static final String[] WORDS = asciiPool(16, 2);
  private static final ZonedDateTime[] DATETIMES = datetimePool();

  private final String label;
  private final long defaultRows;

  RowShape(String label, long defaultRows) {
    this.label = label;
    this.defaultRows = defaultRows;
  }

  /** The data columns of the table, in the order {@link #fill} sets them. */
  abstract String columnsDdl();

  /** Sets every column of the (reused) record to the values of row {@code i}. */
  abstract void fill(Record record, long i);

  String label() {
    return label;
  }

  long defaultRows() {
    return defaultRows;
  }

  /** Printable ASCII strings of exactly {@code length} bytes in UTF-8, from a fixed seed. */
  private static String[] asciiPool(int length, long seed) {
    Random random = new Random(seed);
    String[] pool = new String[POOL_SIZE];
    byte[] bytes = new byte[length];
    for (int p = 0; p < POOL_SIZE; p++) {
      for (int b = 0; b < length; b++) {
        bytes[b] = (byte) ('!' + random.nextInt('~' - '!' + 1));
      }
      pool[p] = new String(bytes, StandardCharsets.US_ASCII);
    }
    return pool;
  }

  /** Whole seconds only: DATETIME keeps milliseconds, and no value should be rounded on the way. */
  private static ZonedDateTime[] datetimePool() {
    ZonedDateTime[] pool = new ZonedDateTime[POOL_SIZE];
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    for (int p = 0; p < POOL_SIZE; p++) {
      pool[p] = base.plusSeconds(p * 3_607L).atZone(ZoneOffset.UTC);
    }
    return pool;
  }
}
