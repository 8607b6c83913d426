package com.aliyun.odps.kafka.connect.wire;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.util.DateUtils;
import com.aliyun.odps.data.AbstractChar;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.IntervalDayTime;
import com.aliyun.odps.data.IntervalYearMonth;
import com.aliyun.odps.data.OdpsTypeTransformer;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Encodes rows into the Tunnel's record format, byte for byte as the SDK's
 * {@code ProtobufRecordStreamWriter} does: per non-null column a protobuf field numbered by its
 * position, then an end-of-record field holding a CRC-32C of the row. It reads the value arrays the
 * converters fill (values already checked by the SDK's {@code ArrayRecord}, in its Java types), so a
 * row needs no SDK record; and it computes the CRC with the JDK's intrinsic CRC-32C, where the SDK
 * uses a pure-Java one. Not thread-safe: one per writer thread.
 */
public final class RowEncoder {
  static final int END_RECORD = 33553408;
  static final int META_COUNT = 33554430;
  static final int META_CHECKSUM = 33554431;
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final TypeInfo[] types;
  /** The session's date transform (odps-tunnel-date-transform): DATETIME values shifted as the SDK does. */
  private final boolean transformDates;
  private final CRC32C crc = new CRC32C();
  private final byte[] scratch = new byte[8];

  public RowEncoder(TableSchema schema, boolean transformDates) {
    List<Column> columns = schema.getColumns();
    this.types = new TypeInfo[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).getTypeInfo();
    }
    this.transformDates = transformDates;
  }

  /** Whether DATETIME values are shifted for a session that transforms dates. */
  public boolean transformsDates() {
    return transformDates;
  }

  /**
   * Appends one row to {@code out}.
   *
   * @return the row's checksum, which the block's trailer sums up ({@link RecordBlock})
   * @throws IllegalArgumentException when the row has more values than the table has columns
   */
  public int encode(Object[] values, WireBytes out) {
    if (values.length > types.length) {
      throw new IllegalArgumentException("a row of " + values.length + " values for a table of " + types.length
          + " columns");
    }
    crc.reset();
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        continue;
      }
      int field = i + 1;
      crcInt(field);
      out.tag(field, wireType(types[i].getOdpsType()));
      field(value, types[i], out);
    }
    int checksum = (int) crc.getValue();
    out.tag(END_RECORD, VARINT);
    out.varint32(checksum);
    return checksum;
  }

  private static int wireType(OdpsType type) {
    switch (type) {
      case DATETIME:
      case BOOLEAN:
      case BIGINT:
      case TINYINT:
      case SMALLINT:
      case INT:
      case DATE:
      case INTERVAL_YEAR_MONTH:
        return VARINT;
      case DOUBLE:
        return FIXED64;
      case FLOAT:
        return FIXED32;
      case JSON:
      case INTERVAL_DAY_TIME:
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
      case STRING:
      case CHAR:
      case VARCHAR:
      case BINARY:
      case DECIMAL:
      case ARRAY:
      case MAP:
      case STRUCT:
        return LENGTH_DELIMITED;
      default:
        throw new IllegalArgumentException("no Tunnel encoding for type " + type);
    }
  }

  private void field(Object v, TypeInfo type, WireBytes out) {
    switch (type.getOdpsType()) {
      case BOOLEAN: {
        boolean value = (Boolean) v;
        crcByte(value ? 1 : 0);
        out.byteValue(value ? 1 : 0);
        break;
      }
      case DATETIME: {
        long millis = v instanceof ZonedDateTime ? ((ZonedDateTime) v).toInstant().toEpochMilli() : ((Date) v).getTime();
        if (transformDates) {
          millis = DateUtils.date2ms(new Date(millis), DateUtils.LOCAL_CAL);
        }
        sint64Field(millis, out);
        break;
      }
      case DATE: {
        LocalDate date = v instanceof LocalDate ? (LocalDate) v
            : OdpsTypeTransformer.dateToLocalDate((java.sql.Date) v, ArrayRecord.DEFAULT_CALENDAR);
        sint64Field(date.toEpochDay(), out);
        break;
      }
      case TIMESTAMP_NTZ:
        secondsAndNanos(((LocalDateTime) v).toInstant(ZoneOffset.UTC), out);
        break;
      case TIMESTAMP:
        secondsAndNanos(v instanceof Instant ? (Instant) v : ((Timestamp) v).toInstant(), out);
        break;
      case INTERVAL_DAY_TIME: {
        IntervalDayTime interval = (IntervalDayTime) v;
        crcLong(interval.getTotalSeconds());
        crcInt(interval.getNanos());
        out.sint64(interval.getTotalSeconds());
        out.sint32(interval.getNanos());
        break;
      }
      case VARCHAR:
      case CHAR:
        bytes(((AbstractChar) v).getValue().getBytes(StandardCharsets.UTF_8), out);
        break;
      case JSON:
        bytes(v.toString().getBytes(StandardCharsets.UTF_8), out);
        break;
      case STRING:
        bytes(v instanceof String ? ((String) v).getBytes(StandardCharsets.UTF_8) : (byte[]) v, out);
        break;
      case BINARY:
        bytes(((Binary) v).data(), out);
        break;
      case DOUBLE: {
        long bits = Double.doubleToRawLongBits((Double) v);
        crcLong(bits);
        out.fixed64(bits);
        break;
      }
      case FLOAT: {
        int bits = Float.floatToRawIntBits((Float) v);
        crcInt(bits);
        out.fixed32(bits);
        break;
      }
      case BIGINT:
        sint64Field((Long) v, out);
        break;
      case INTERVAL_YEAR_MONTH:
        sint64Field(((IntervalYearMonth) v).getTotalMonths(), out);
        break;
      case INT:
      case SMALLINT:
      case TINYINT:
        sint64Field(((Number) v).longValue(), out);
        break;
      case DECIMAL:
        bytes(((BigDecimal) v).toPlainString().getBytes(StandardCharsets.UTF_8), out);
        break;
      case ARRAY:
        array((List<?>) v, ((ArrayTypeInfo) type).getElementTypeInfo(), out);
        break;
      case MAP: {
        MapTypeInfo mapType = (MapTypeInfo) type;
        Map<?, ?> map = (Map<?, ?>) v;
        List<Object> keys = new ArrayList<>(map.size());
        List<Object> values = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          keys.add(entry.getKey());
          values.add(entry.getValue());
        }
        array(keys, mapType.getKeyTypeInfo(), out);
        array(values, mapType.getValueTypeInfo(), out);
        break;
      }
      case STRUCT: {
        Struct struct = (Struct) v;
        List<TypeInfo> fieldTypes = ((StructTypeInfo) type).getFieldTypeInfos();
        for (int i = 0; i < fieldTypes.size(); i++) {
          nullableElement(struct.getFieldValue(i), fieldTypes.get(i), out);
        }
        break;
      }
      default:
        throw new IllegalArgumentException("no Tunnel encoding for type " + type);
    }
  }

  /** The elements of an ARRAY (or a MAP's keys or values): the count, then each behind a null flag. */
  private void array(List<?> elements, TypeInfo elementType, WireBytes out) {
    out.int32(elements.size());
    for (Object element : elements) {
      nullableElement(element, elementType, out);
    }
  }

  private void nullableElement(Object element, TypeInfo type, WireBytes out) {
    out.byteValue(element == null ? 1 : 0);
    if (element != null) {
      field(element, type, out);
    }
  }

  private void sint64Field(long value, WireBytes out) {
    crcLong(value);
    out.sint64(value);
  }

  private void secondsAndNanos(Instant instant, WireBytes out) {
    crcLong(instant.getEpochSecond());
    crcInt(instant.getNano());
    out.sint64(instant.getEpochSecond());
    out.sint32(instant.getNano());
  }

  private void bytes(byte[] bytes, WireBytes out) {
    crc.update(bytes, 0, bytes.length);
    out.lengthDelimited(bytes, 0, bytes.length);
  }

  private void crcByte(int b) {
    crc.update(b);
  }

  /** As the SDK's checksum: the int's four bytes, little-endian. */
  private void crcInt(int v) {
    scratch[0] = (byte) v;
    scratch[1] = (byte) (v >>> 8);
    scratch[2] = (byte) (v >>> 16);
    scratch[3] = (byte) (v >>> 24);
    crc.update(scratch, 0, 4);
  }

  private void crcLong(long v) {
    for (int i = 0; i < 8; i++) {
      scratch[i] = (byte) (v >>> (8 * i));
    }
    crc.update(scratch, 0, 8);
  }
}
