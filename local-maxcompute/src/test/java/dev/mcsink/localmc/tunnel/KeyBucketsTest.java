package dev.mcsink.localmc.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.OdpsType;
import com.aliyun.odps.tunnel.hasher.DecimalHashObject;
import com.aliyun.odps.tunnel.hasher.TypeHasher;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The server picks the same bucket for a key as the SDK's default hasher does. */
class KeyBucketsTest {
  private static final int BUCKETS = 7;
  private final Random random = new Random(42);

  @Test
  void integerStringAndBooleanKeysLandInTheSdksBucket() {
    for (int i = 0; i < 500; i++) {
      long big = random.nextLong();
      int small = random.nextInt();
      String text = "k" + random.nextInt() + "é";
      boolean flag = random.nextBoolean();
      assertSameBucket(List.of("BIGINT", "INT", "STRING", "BOOLEAN"),
          new Object[] {big, small, text, flag},
          new Object[] {big, small, text, flag},
          new OdpsType[] {OdpsType.BIGINT, OdpsType.INT, OdpsType.STRING, OdpsType.BOOLEAN});
    }
  }

  @Test
  void smallIntegersAndFloatingPointKeysLandInTheSdksBucket() {
    for (int i = 0; i < 300; i++) {
      short s = (short) random.nextInt();
      byte b = (byte) random.nextInt();
      double d = random.nextGaussian() * 1e6;
      float f = (float) d;
      assertSameBucket(List.of("SMALLINT", "TINYINT", "DOUBLE", "FLOAT"),
          new Object[] {s, b, d, f}, new Object[] {s, b, d, f},
          new OdpsType[] {OdpsType.SMALLINT, OdpsType.TINYINT, OdpsType.DOUBLE, OdpsType.FLOAT});
    }
  }

  @Test
  void dateAndTimeKeysLandInTheSdksBucket() {
    for (int i = 0; i < 300; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
      Instant millis = Instant.ofEpochMilli(instant.toEpochMilli());
      LocalDate date = LocalDate.ofEpochDay(random.nextInt(100_000));
      LocalDateTime local = LocalDateTime.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000),
          java.time.ZoneOffset.UTC);
      assertSameBucket(List.of("TIMESTAMP", "DATETIME", "DATE", "TIMESTAMP_NTZ"),
          new Object[] {instant, millis, date, local},
          new Object[] {Timestamp.from(instant), java.util.Date.from(millis), date, local},
          new OdpsType[] {OdpsType.TIMESTAMP, OdpsType.DATETIME, OdpsType.DATE, OdpsType.TIMESTAMP_NTZ});
    }
  }

  @Test
  void decimalKeysLandInTheSdksBucket() {
    for (int i = 0; i < 300; i++) {
      BigDecimal narrow = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 4);
      BigDecimal wide = new BigDecimal(random.nextLong() + "" + Math.abs(random.nextLong())).movePointLeft(6);
      int narrowHash = TypeHasher.hash(OdpsType.DECIMAL, new DecimalHashObject(narrow, 18, 4), "default");
      int wideHash = TypeHasher.hash(OdpsType.DECIMAL, new DecimalHashObject(wide, 38, 6), "default");
      int sdk = TypeHasher.CombineHashVal(List.of(narrowHash, wideHash)) % BUCKETS;
      List<Column> columns = List.of(column("DECIMAL(18,4)"), column("DECIMAL(38,6)"));

      assertThat(KeyBuckets.bucket(columns, new Object[] {narrow, wide}, BUCKETS)).hasValue(sdk);
    }
  }

  @Test
  void binaryKeysAreNotChecked() {
    assertThat(KeyBuckets.bucket(List.of(column("BINARY")), new Object[] {new byte[] {1}}, BUCKETS)).isEmpty();
  }

  private static void assertSameBucket(List<String> types, Object[] serverValues, Object[] sdkValues,
      OdpsType[] sdkTypes) {
    List<Integer> hashes = new ArrayList<>();
    for (int i = 0; i < sdkTypes.length; i++) {
      hashes.add(TypeHasher.hash(sdkTypes[i], sdkValues[i], "default"));
    }
    int sdk = TypeHasher.CombineHashVal(hashes) % BUCKETS;
    List<Column> columns = types.stream().map(KeyBucketsTest::column).toList();

    assertThat(KeyBuckets.bucket(columns, serverValues, BUCKETS)).as("%s", List.of(serverValues)).hasValue(sdk);
  }

  private static Column column(String type) {
    return new Column("c", MaxComputeType.parse(type), "", false);
  }
}
