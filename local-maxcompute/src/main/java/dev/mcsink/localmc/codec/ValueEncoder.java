package dev.mcsink.localmc.codec;

import dev.mcsink.localmc.types.MaxComputeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes one value of a column type as the SDK's ProtobufRecordStreamWriter does, feeding the record
 * CRC the same way. Takes the Java values of the {@link MaxComputeType} convention; any
 * {@link Number} is accepted for the integer types. A value of the wrong Java class is a bug of the
 * caller, reported as {@link IllegalArgumentException}.
 */
final class ValueEncoder {
  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private final WireOutput out;
  private final RecordChecksum crc;

  ValueEncoder(WireOutput out, RecordChecksum crc) {
    this.out = out;
    this.crc = crc;
  }

  void encode(Object value, MaxComputeType type) throws IOException {
    switch (type.kind()) {
      case BIGINT:
      case INT:
      case SMALLINT:
      case TINYINT:
      case INTERVAL_YEAR_MONTH:
        writeLong(as(value, Number.class, type).longValue());
        break;
      case BOOLEAN: {
        boolean v = as(value, Boolean.class, type);
        crc.updateBoolean(v);
        out.writeBool(v);
        break;
      }
      case DOUBLE: {
        long bits = Double.doubleToRawLongBits(as(value, Number.class, type).doubleValue());
        crc.updateLong(bits);
        out.writeFixed64(bits);
        break;
      }
      case FLOAT: {
        int bits = Float.floatToRawIntBits(as(value, Number.class, type).floatValue());
        crc.updateInt(bits);
        out.writeFixed32(bits);
        break;
      }
      case STRING:
      case VARCHAR:
      case CHAR:
      case JSON:
        writePayload(as(value, String.class, type).getBytes(StandardCharsets.UTF_8));
        break;
      case BINARY:
        writePayload(as(value, byte[].class, type));
        break;
      case DECIMAL:
        writePayload(as(value, BigDecimal.class, type).toPlainString().getBytes(StandardCharsets.UTF_8));
        break;
      case DATE:
        writeLong(as(value, LocalDate.class, type).toEpochDay());
        break;
      case DATETIME:
        writeLong(as(value, Instant.class, type).toEpochMilli());
        break;
      case TIMESTAMP: {
        Instant instant = as(value, Instant.class, type);
        writeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
        break;
      }
      case TIMESTAMP_NTZ: {
        LocalDateTime ntz = as(value, LocalDateTime.class, type);
        writeSecondsAndNanos(ntz.toEpochSecond(ZoneOffset.UTC), ntz.getNano());
        break;
      }
      case INTERVAL_DAY_TIME:
        writeIntervalDayTime(as(value, Duration.class, type));
        break;
      case ARRAY:
        writeArray(as(value, List.class, type), ((MaxComputeType.Array) type).element());
        break;
      case MAP:
        writeMap(as(value, Map.class, type), (MaxComputeType.MapOf) type);
        break;
      case STRUCT:
        writeStruct(as(value, List.class, type), (MaxComputeType.Struct) type);
        break;
      default:
        throw new IllegalStateException("unhandled type " + type.typeName());
    }
  }

  private static <T> T as(Object value, Class<T> javaClass, MaxComputeType type) {
    if (!javaClass.isInstance(value)) {
      throw new IllegalArgumentException("a " + type.typeName() + " value must be a "
          + javaClass.getSimpleName() + ", got " + value.getClass().getName());
    }
    return javaClass.cast(value);
  }

  private void writeLong(long v) throws IOException {
    crc.updateLong(v);
    out.writeSInt64(v);
  }

  private void writePayload(byte[] bytes) throws IOException {
    crc.updateBytes(bytes);
    out.writeLengthDelimited(bytes);
  }

  private void writeSecondsAndNanos(long seconds, int nanos) throws IOException {
    crc.updateLong(seconds);
    crc.updateInt(nanos);
    out.writeSInt64(seconds);
    out.writeSInt32(nanos);
  }

  /**
   * Duration keeps nanos positive (-1.5 s = -2 s + 5e8 ns); a MaxCompute interval keeps them with the
   * seconds' sign (-1 s, -5e8 ns), as the SDK's IntervalDayTime intends.
   */
  private void writeIntervalDayTime(Duration d) throws IOException {
    long seconds = d.getSeconds();
    int nanos = d.getNano();
    if (seconds < 0 && nanos > 0) {
      seconds += 1;
      nanos -= NANOS_PER_SECOND;
    }
    writeSecondsAndNanos(seconds, nanos);
  }

  private void writeArray(List<?> list, MaxComputeType element) throws IOException {
    out.writeVarint32(list.size());
    for (Object item : list) {
      writeNullable(item, element);
    }
  }

  private void writeMap(Map<?, ?> map, MaxComputeType.MapOf type) throws IOException {
    // keys then values, each as an array, in the map's iteration order
    out.writeVarint32(map.size());
    for (Object key : map.keySet()) {
      writeNullable(key, type.key());
    }
    out.writeVarint32(map.size());
    for (Object value : map.values()) {
      writeNullable(value, type.value());
    }
  }

  private void writeNullable(Object value, MaxComputeType type) throws IOException {
    if (value == null) {
      out.writeBool(true);
    } else {
      out.writeBool(false);
      encode(value, type);
    }
  }

  private void writeStruct(List<?> fieldValues, MaxComputeType.Struct type) throws IOException {
    List<MaxComputeType.Struct.Field> fields = type.fields();
    if (fieldValues.size() != fields.size()) {
      throw new IllegalArgumentException("a " + type.typeName() + " value must have " + fields.size()
          + " field values, got " + fieldValues.size());
    }
    for (int i = 0; i < fields.size(); i++) {
      writeNullable(fieldValues.get(i), fields.get(i).type());
    }
  }
}
