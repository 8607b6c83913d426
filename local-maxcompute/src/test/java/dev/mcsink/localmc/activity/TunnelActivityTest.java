package dev.mcsink.localmc.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.types.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TunnelActivityTest {
  private final TunnelActivity activity = new TunnelActivity();
  private final TableId orders = TableId.of("p", "orders");
  private final TableId events = TableId.of("p", "events");

  @Test
  void eachTableKeepsItsOwnCounts() {
    activity.onUploadSessionCreated(orders);
    activity.onBlockWritten(orders);
    activity.onBlockWritten(orders);
    activity.onCommitted(orders, 10);
    activity.onStreamSessionCreated(events);
    activity.onStreamPackWritten(events, 4);

    assertThat(activity.snapshot()).containsOnlyKeys(orders, events);
    assertThat(activity.of(orders)).isEqualTo(new TableActivity(1, 2, 1, 10, 0, 0, 0));
    assertThat(activity.of(events)).isEqualTo(new TableActivity(0, 0, 0, 0, 1, 1, 4));
  }

  @Test
  void aTableNeverSeenReadsAllZeroAndIsNotInTheSnapshot() {
    assertThat(activity.of(orders)).isEqualTo(TableActivity.NONE);
    assertThat(activity.snapshot()).isEmpty();
  }

  @Test
  void resetForgetsEveryTable() {
    activity.onBlockWritten(orders);
    activity.reset();

    assertThat(activity.snapshot()).isEmpty();
    assertThat(activity.of(orders)).isEqualTo(TableActivity.NONE);
  }

  @Test
  void concurrentWritersLoseNoCount() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 10_000; i++) {
            activity.onStreamPackWritten(orders, 2);
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(activity.of(orders).streamPacks()).isEqualTo(40_000);
    assertThat(activity.of(orders).streamRows()).isEqualTo(80_000);
  }
}
