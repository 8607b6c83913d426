package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;

/**
 * The bucket of a primary key, computed as the SDK's "default" hasher does before it sends a record
 * to a bucket, so a write can be checked for records sent to the wrong bucket. Per value a 32-bit
 * hash (integers, dates and times through one 64-bit mixing function, strings through a byte-wise
 * one-at-a-time hash of their UTF-8), summed over the key, folded as {@code h ^ (h >> 8)} (which
 * is never negative), modulo the bucket count.
 */
final class KeyBuckets {
  /** What the session answers as its {@code hasher}. */
  static final String HASHER = "default";
  private static final int TRUE_HASH = 0x172ba9c7;
  private static final int FALSE_HASH = -0x3a59cb12;

  private KeyBuckets() {}

  /** The bucket of the key, or empty when a key type's hash is not known here (BINARY). */
  static OptionalInt bucket(List<Column> keyColumns, Object[] keyValues, int buckets) {
    int sum = 0;
    for (int i = 0; i < keyColumns.size(); i++) {
      OptionalInt hash = hash(keyColumns.get(i).type(), keyValues[i]);
      if (hash.isEmpty()) {
        return OptionalInt.empty();
      }
      sum += hash.getAsInt();
    }
    return OptionalInt.of((sum ^ (sum >> 8)) % buckets);
  }

  private static OptionalInt hash(MaxComputeType type, Object value) {
    return switch (type.kind()) {
      case BIGINT -> OptionalInt.of(mix((Long) value));
      case INT -> OptionalInt.of(mix((Integer) value));
      case SMALLINT -> OptionalInt.of(mix((Short) value));
      case TINYINT -> OptionalInt.of(mix((Byte) value));
      case FLOAT -> OptionalInt.of(mix(Float.floatToIntBits((Float) value)));
      case DOUBLE -> OptionalInt.of(mix(Double.doubleToLongBits((Double) value)));
      case BOOLEAN -> OptionalInt.of((Boolean) value ? TRUE_HASH : FALSE_HASH);
      case STRING, VARCHAR, CHAR -> OptionalInt.of(text((String) value));
      case DATE -> OptionalInt.of(mix(((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
      case DATETIME -> OptionalInt.of(mix(((Instant) value).toEpochMilli()));
      case TIMESTAMP -> OptionalInt.of(secondsAndNanos((Instant) value));
      case TIMESTAMP_NTZ -> OptionalInt.of(secondsAndNanos(((LocalDateTime) value).toInstant(ZoneOffset.UTC)));
      case DECIMAL -> OptionalInt.of(decimal((MaxComputeType.Decimal) type, (BigDecimal) value));
      default -> OptionalInt.empty();
    };
  }

  private static int mix(long value) {
    long l = (~value) + (value << 18);
    l ^= (l >> 31);
    l *= 21;
    l ^= (l >> 11);
    l += (l << 6);
    l ^= (l >> 22);
    return (int) l;
  }

  private static int text(String value) {
    int h = 0;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      h += b;
      h += (h << 10);
      h ^= (h >> 6);
    }
    h += (h << 3);
    h ^= (h >> 11);
    h += (h << 15);
    return h;
  }

  private static int secondsAndNanos(Instant instant) {
    return mix((instant.getEpochSecond() << 30) | instant.getNano());
  }

  /** The unscaled value at the column's scale; above 18 digits both 64-bit halves count. */
  private static int decimal(MaxComputeType.Decimal type, BigDecimal value) {
    BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
    int low = mix(unscaled.longValue());
    return type.precision() > 18 ? low + mix(unscaled.shiftRight(64).longValue()) : low;
  }
}
