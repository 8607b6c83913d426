package com.aliyun.odps.kafka.connect.wire;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.io.CompressOption;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * For a session that wants DATETIME values shifted on the client (the response header
 * {@code odps-tunnel-date-transform: true}), which buffered rows were not encoded for: they are
 * read back through the SDK's own reader and encoded again. A fallback for a setting the service
 * does not use with clients that announce date transform v1, as the SDK does.
 */
public final class DateTransform {
  private static final CompressOption RAW = new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);

  private DateTransform() {
  }

  /** {@code rows} encoded again with {@code transformDates}. */
  public static EncodedRows reencode(EncodedRows rows, TableSchema schema, boolean transformDates) {
    RecordBlock plain = rows.block(0, rows.size(), RAW);
    EncodedRows again = new EncodedRows(new RowEncoder(schema, transformDates));
    try {
      ProtobufRecordStreamReader reader = new ProtobufRecordStreamReader(schema, plain.body().inputStream(), RAW);
      reader.setTransform(rows.transformsDates());
      for (Record record = reader.read(); record != null; record = reader.read()) {
        again.add(record.toArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading back rows encoded in this task", e);
    }
    return again;
  }
}
