package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.codec.BodyEncoding;
import dev.mcsink.localmc.codec.RecordStreamWriter;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.types.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The answer of a download read: rows as a record stream with its trailer, compressed as the
 * client accepts, produced while the response is sent.
 */
final class RecordStreamBody {
  private RecordStreamBody() {}

  /** Where the rows come from: hands each row to the sink, in order. */
  @FunctionalInterface
  interface Rows {
    void forEach(Consumer<Object[]> sink);
  }

  static OdpsResponse of(OdpsRequest request, List<Column> columns, Rows rows) {
    String encoding = BodyEncoding.negotiate(request.header("Accept-Encoding"));
    OdpsResponse response = OdpsResponse.streaming(200, "application/octet-stream", out -> {
      OutputStream body = encoding == null ? out : BodyEncoding.encoding(out, encoding);
      RecordStreamWriter writer = new RecordStreamWriter(body, columns);
      try {
        rows.forEach(row -> {
          try {
            writer.write(row);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      writer.finish();
      if (body != out) {
        body.close();
      }
    });
    if (encoding != null) {
      response.header("Content-Encoding", encoding);
    }
    return response;
  }
}
