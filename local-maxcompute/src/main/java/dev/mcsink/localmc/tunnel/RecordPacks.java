package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.codec.BodyEncoding;
import dev.mcsink.localmc.codec.RecordStreamException;
import dev.mcsink.localmc.codec.RecordStreamReader;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.types.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The record pack a stream or upsert write carries: decoded whole, checked against its record_count. */
final class RecordPacks {
  private RecordPacks() {}

  static List<Object[]> read(OdpsRequest request, List<Column> columns) {
    List<Object[]> rows = new ArrayList<>();
    try {
      RecordStreamReader reader = new RecordStreamReader(
          BodyEncoding.decoding(request.body(), request.header("Content-Encoding")), columns);
      for (Object[] row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    } catch (RecordStreamException e) {
      throw TunnelErrors.badData(e);
    } catch (IOException e) {
      throw ServiceException.badRequest("MalformedDataStream", "The body could not be read: " + e.getMessage());
    }
    String declared = request.param("record_count");
    if (declared != null && !declared.equals(String.valueOf(rows.size()))) {
      throw ServiceException.badRequest("MalformedDataStream",
          "record_count=" + declared + " but the body holds " + rows.size() + " records");
    }
    return rows;
  }
}
