package com.aliyun.odps.kafka.connect.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.TypeInfoFactory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Buffered encoded rows: any run of them is the block the rows would make on their own. */
class EncodedRowsTest {
  private static final TableSchema TABLE = table();
  private static final CompressOption RAW = new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);

  @Test
  void aRunOfRowsIsTheBlockThoseRowsMakeAloneAcrossChunkBoundaries() {
    // Rows of up to 9 KB: the first chunks (4 KB, 8 KB, ...) are smaller than some rows, so rows span chunks.
    List<Object[]> rows = rows(2_000);
    EncodedRows encoded = new EncodedRows(encoder());
    long heap = 0;
    for (Object[] row : rows) {
      heap += encoded.add(row);
    }

    assertThat(encoded.size()).isEqualTo(2_000);
    assertThat(heap).isEqualTo(encoded.heapBytes()).isEqualTo(encoded.encodedBytes() + 2_000L * EncodedRows.BYTES_PER_ROW);
    for (int[] range : new int[][] {{0, 2_000}, {0, 1}, {1_999, 2_000}, {500, 1_500}, {7, 7}}) {
      assertThat(bytes(encoded.block(range[0], range[1], RAW)))
          .as("rows %d..%d", range[0], range[1])
          .isEqualTo(bytes(RecordBlock.encode(rows.subList(range[0], range[1]), encoder(), RAW)));
    }
  }

  @Test
  void keptRowsAreTheRowsChosenInTheirOrder() {
    List<Object[]> expected = keptOf(rows(300), i -> i % 3 == 0);

    EncodedRows kept = keep(rows(300), i -> i % 3 == 0);

    assertThat(kept.size()).isEqualTo(expected.size());
    assertThat(bytes(kept.block(0, kept.size(), RAW))).isEqualTo(bytes(RecordBlock.encode(expected, encoder(), RAW)));
  }

  @Test
  void keptRunsOfRowsSpanningChunksAreTheRowsChosen() {
    // Runs of 150 kept rows (about 0.7 MB: across chunk boundaries) between runs of 50 dropped ones.
    IntPredicate runs = i -> i % 200 < 150;
    List<Object[]> expected = keptOf(rows(2_000), runs);

    EncodedRows kept = keep(rows(2_000), runs);

    assertThat(kept.size()).isEqualTo(expected.size());
    assertThat(bytes(kept.block(0, kept.size(), RAW))).isEqualTo(bytes(RecordBlock.encode(expected, encoder(), RAW)));
    assertThat(bytes(kept.block(140, 160, RAW))).isEqualTo(bytes(RecordBlock.encode(expected.subList(140, 160), encoder(), RAW)));
  }

  /** {@code rows} encoded, then those whose index {@code chosen} accepts kept. */
  private static EncodedRows keep(List<Object[]> rows, IntPredicate chosen) {
    EncodedRows encoded = new EncodedRows(encoder());
    rows.forEach(encoded::add);
    BitSet keep = new BitSet();
    IntStream.range(0, rows.size()).filter(chosen).forEach(keep::set);
    return encoded.keep(keep);
  }

  private static List<Object[]> keptOf(List<Object[]> rows, IntPredicate chosen) {
    return IntStream.range(0, rows.size()).filter(chosen).mapToObj(rows::get).collect(Collectors.toList());
  }

  @Test
  void aRangeOutsideTheRowsIsRefused() {
    EncodedRows encoded = new EncodedRows(encoder());
    encoded.add(new Object[] {1L, "a"});

    assertThatThrownBy(() -> encoded.block(0, 2, RAW)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static RowEncoder encoder() {
    return new RowEncoder(TABLE, false);
  }

  private static byte[] bytes(RecordBlock block) {
    return block.body().toByteArray();
  }

  private static List<Object[]> rows(int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Lengths cycle from 0 to about 9 KB; every fifth value is null.
      rows.add(new Object[] {(long) i, i % 5 == 4 ? null : "v".repeat((i * 37) % 9_000)});
    }
    return rows;
  }

  private static TableSchema table() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", TypeInfoFactory.BIGINT));
    schema.addColumn(new Column("value", TypeInfoFactory.STRING));
    return schema;
  }
}
