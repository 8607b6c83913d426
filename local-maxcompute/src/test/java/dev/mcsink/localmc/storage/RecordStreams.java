package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.codec.RecordStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Blocks for tests: rows encoded as the record stream a client uploads, in the stage's columns. */
final class RecordStreams {
  private RecordStreams() {}

  static InputStream of(UploadStage stage, List<Object[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RecordStreamWriter writer = new RecordStreamWriter(bytes, stage.schema().columns())) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
