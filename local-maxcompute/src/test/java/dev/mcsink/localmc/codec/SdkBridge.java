package dev.mcsink.localmc.codec;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.AbstractChar;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.IntervalDayTime;
import com.aliyun.odps.data.IntervalYearMonth;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.SimpleJsonValue;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoParser;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only bridge to the official SDK: its schema, its writer and reader, its value classes. */
final class SdkBridge {
  private SdkBridge() {}

  static TableSchema schema(List<Column> columns) {
    TableSchema schema = new TableSchema();
    for (Column c : columns) {
      schema.addColumn(sdkColumn(c));
    }
    return schema;
  }

  static com.aliyun.odps.Column sdkColumn(Column c) {
    return new com.aliyun.odps.Column(c.name(), TypeInfoParser.getTypeInfoFromTypeString(c.type().typeName()));
  }

  /** The SDK's CompressOption for a Content-Encoding value, as TableTunnel maps them. */
  static CompressOption compressOption(String contentEncoding) {
    if (contentEncoding == null) {
      return new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);
    }
    switch (contentEncoding) {
      case "deflate":
        return new CompressOption();
      case "x-snappy-framed":
        return new CompressOption(CompressOption.CompressAlgorithm.ODPS_SNAPPY, 0, 0);
      case "x-lz4-frame":
        return new CompressOption(CompressOption.CompressAlgorithm.ODPS_LZ4_FRAME, 0, 0);
      case "zstd":
        return new CompressOption(CompressOption.CompressAlgorithm.ODPS_ZSTD, 3, 0);
      default:
        throw new IllegalArgumentException(contentEncoding);
    }
  }

  /** Encodes rows (our Java values) with the SDK's own ProtobufRecordStreamWriter. */
  static byte[] sdkWrite(List<Column> columns, List<Object[]> rows, String contentEncoding) throws IOException {
    return sdkWrite(columns, rows, contentEncoding, false);
  }

  static byte[] sdkWrite(List<Column> columns, List<Object[]> rows, String contentEncoding, boolean transform)
      throws IOException {
    TableSchema schema = schema(columns);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(schema, body, compressOption(contentEncoding));
    writer.setTransform(transform);
    for (Object[] row : rows) {
      Record record = new ArrayRecord(schema);
      for (int i = 0; i < row.length; i++) {
        record.set(i, toSdk(columns.get(i).type(), row[i]));
      }
      writer.write(record);
    }
    writer.close();
    return body.toByteArray();
  }

  /**
   * Decodes a body with the SDK's ProtobufRecordStreamReader (what TunnelRecordReader extends), as a
   * download of {@code projection} (null: all columns of the table), and converts back to our values.
   */
  static List<Object[]> sdkRead(List<Column> table, List<Column> projection, byte[] body, String contentEncoding)
      throws IOException {
    TableSchema schema = schema(table);
    List<com.aliyun.odps.Column> sdkProjection = null;
    List<Column> readColumns = table;
    if (projection != null) {
      sdkProjection = new ArrayList<>();
      for (Column c : projection) {
        sdkProjection.add(sdkColumn(c));
      }
      readColumns = projection;
    }
    ProtobufRecordStreamReader reader = new ProtobufRecordStreamReader(
        schema, sdkProjection, new ByteArrayInputStream(body), compressOption(contentEncoding));
    List<Object[]> rows = new ArrayList<>();
    Record record;
    while ((record = reader.read()) != null) {
      Object[] row = new Object[readColumns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = fromSdk(readColumns.get(i).type(), record.get(i));
      }
      rows.add(row);
    }
    reader.close();
    return rows;
  }

  static Object toSdk(MaxComputeType type, Object v) {
    if (v == null) {
      return null;
    }
    TypeInfo typeInfo = TypeInfoParser.getTypeInfoFromTypeString(type.typeName());
    switch (type.kind()) {
      case VARCHAR:
        return new Varchar((String) v);
      case CHAR:
        return new Char((String) v);
      case JSON:
        return new SimpleJsonValue((String) v);
      case BINARY:
        return new Binary((byte[]) v);
      case DATETIME:
        return ZonedDateTime.ofInstant((Instant) v, ZoneOffset.UTC);
      case INTERVAL_DAY_TIME: {
        // seconds and nanos with one sign, as IntervalDayTime means to hold them (its constructor
        // tries to normalise but assigns the fields before doing so)
        Duration d = (Duration) v;
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        if (seconds < 0 && nanos > 0) {
          seconds++;
          nanos -= 1_000_000_000;
        }
        return new IntervalDayTime(seconds, nanos);
      }
      case INTERVAL_YEAR_MONTH:
        return new IntervalYearMonth(Math.toIntExact((Long) v));
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(toSdk(((MaxComputeType.Array) type).element(), e));
        }
        return out;
      }
      case MAP: {
        MaxComputeType.MapOf m = (MaxComputeType.MapOf) type;
        Map<Object, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, val) -> out.put(toSdk(m.key(), k), toSdk(m.value(), val)));
        return out;
      }
      case STRUCT: {
        MaxComputeType.Struct s = (MaxComputeType.Struct) type;
        List<Object> out = new ArrayList<>();
        List<?> values = (List<?>) v;
        for (int i = 0; i < values.size(); i++) {
          out.add(toSdk(s.fields().get(i).type(), values.get(i)));
        }
        return new SimpleStruct((StructTypeInfo) typeInfo, out);
      }
      default:
        return v;
    }
  }

  static Object fromSdk(MaxComputeType type, Object v) {
    if (v == null) {
      return null;
    }
    switch (type.kind()) {
      case STRING:
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v;
      case VARCHAR:
      case CHAR:
        return ((AbstractChar<?>) v).getValue();
      case JSON:
        return v.toString();
      case BINARY:
        return ((Binary) v).data();
      case DATETIME:
        return v instanceof ZonedDateTime z ? z.toInstant() : ((Date) v).toInstant();
      case INTERVAL_DAY_TIME:
        return Duration.ofSeconds(((IntervalDayTime) v).getTotalSeconds(), ((IntervalDayTime) v).getNanos());
      case INTERVAL_YEAR_MONTH:
        return (long) ((IntervalYearMonth) v).getTotalMonths();
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(fromSdk(((MaxComputeType.Array) type).element(), e));
        }
        return out;
      }
      case MAP: {
        MaxComputeType.MapOf m = (MaxComputeType.MapOf) type;
        Map<Object, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, val) -> out.put(fromSdk(m.key(), k), fromSdk(m.value(), val)));
        return out;
      }
      case STRUCT: {
        MaxComputeType.Struct s = (MaxComputeType.Struct) type;
        List<Object> values = ((Struct) v).getFieldValues();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          out.add(fromSdk(s.fields().get(i).type(), values.get(i)));
        }
        return out;
      }
      default:
        return v;
    }
  }

  /**
   * Rows in a form where equals means "same values": byte[] as hex, maps compared without order (the
   * SDK's ArrayRecord turns every map into a HashMap).
   */
  static List<Object> comparable(List<Object[]> rows) {
    List<Object> out = new ArrayList<>();
    for (Object[] row : rows) {
      List<Object> r = new ArrayList<>();
      for (Object v : row) {
        r.add(comparableValue(v));
      }
      out.add(r);
    }
    return out;
  }

  private static Object comparableValue(Object v) {
    if (v instanceof byte[] b) {
      return "bytes:" + HexFormat.of().formatHex(b);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(e -> out.add(comparableValue(e)));
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new HashMap<>();
      map.forEach((k, val) -> out.put(comparableValue(k), comparableValue(val)));
      return out;
    }
    return v;
  }
}
