package dev.mcsink.localmc.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.codec.RecordStreamException;
import dev.mcsink.localmc.codec.RecordStreamWriter;
import dev.mcsink.localmc.types.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodedBlocksTest {
  private static final List<Column> COLUMNS = List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING"));

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, byte[]> files = new HashMap<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private void file(String name, long firstId, int rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RecordStreamWriter writer = new RecordStreamWriter(bytes, COLUMNS)) {
      for (long id = firstId; id < firstId + rows; id++) {
        writer.write(new Object[] {id, "row " + id});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.put(name, bytes.toByteArray());
  }

  private DecodedBlocks decode(String... names) {
    return new DecodedBlocks(executor, List.of(names), name -> new ByteArrayInputStream(files.get(name)), COLUMNS);
  }

  @Test
  void rowsComeInBlockThenRowOrderWithEachBlockEndMarked() throws Exception {
    file("a", 0, 2500);
    file("empty", 0, 0);
    file("b", 2500, 10);
    List<Long> ids = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    try (DecodedBlocks decoded = decode("a", "empty", "b")) {
      while (ends.size() < 3) {
        DecodedBlocks.Batch batch = decoded.next();
        batch.rows().forEach(row -> ids.add((Long) row[0]));
        if (batch.blockEnd()) {
          ends.add(batch.block() + "@" + ids.size());
        }
      }
    }
    assertThat(ids).hasSize(2510);
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(ends).containsExactly("0@2500", "1@2500", "2@2510");
  }

  @Test
  void aBlockThatFailsToDecodeFailsTheTakerAfterTheRowsBeforeIt() throws Exception {
    file("good", 0, 5);
    file("bad", 5, 5);
    byte[] bad = files.get("bad");
    files.put("bad", Arrays.copyOf(bad, bad.length - 3)); // the trailer cut short
    try (DecodedBlocks decoded = decode("good", "bad")) {
      DecodedBlocks.Batch first = decoded.next();
      assertThat(first.rows()).hasSize(5);
      assertThat(first.blockEnd()).isTrue();
      assertThatThrownBy(decoded::next).isInstanceOf(RecordStreamException.class);
    }
  }

  @Test
  void closingStopsADecoderWaitingForRoom() throws Exception {
    file("big", 0, 100_000); // far more batches than are decoded ahead
    try (DecodedBlocks decoded = decode("big")) {
      assertThat(decoded.next().rows()).isNotEmpty();
    }
    executor.shutdown();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).as("decoder thread ended").isTrue();
  }
}
