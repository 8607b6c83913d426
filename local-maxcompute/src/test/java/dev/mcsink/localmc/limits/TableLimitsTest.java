package dev.mcsink.localmc.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.types.TableId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class TableLimitsTest {
  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
  private final TableId table = TableId.of("p", "t");

  @Test
  void theSeventySixthCommitWithinFifteenSecondsIsRefusedWithFlowExceeded() throws Exception {
    TableLimits limits = new TableLimits(true, clock);
    for (int i = 0; i < 75; i++) {
      limits.beginCommit(table).close();
    }
    assertThatThrownBy(() -> limits.beginCommit(table))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.code()).isEqualTo("FlowExceeded");
        });
    clock.add(Duration.ofSeconds(16));
    limits.beginCommit(table).close();
  }

  @Test
  void limitsCountPerTable() throws Exception {
    TableLimits limits = new TableLimits(true, clock);
    limits.setQuota(new TableLimits.Quota(1, 500, 75, 32, 20_000));
    limits.onSessionCreated(table);
    limits.onSessionCreated(TableId.of("p", "other"));
    assertThatThrownBy(() -> limits.onSessionCreated(table)).isInstanceOf(ServiceException.class);
  }

  @Test
  void concurrentCommitsAreCapped() throws Exception {
    TableLimits limits = new TableLimits(true, clock);
    limits.setQuota(new TableLimits.Quota(500, 500, 75, 2, 20_000));
    AutoCloseable a = limits.beginCommit(table);
    AutoCloseable b = limits.beginCommit(table);
    assertThatThrownBy(() -> limits.beginCommit(table)).isInstanceOf(ServiceException.class);
    a.close();
    limits.beginCommit(table).close();
    b.close();
  }

  @Test
  void turnedOffNothingIsCountedButBlockIdsAreStillChecked() {
    TableLimits limits = new TableLimits(false, clock);
    for (int i = 0; i < 1000; i++) {
      limits.onBlockWritten(table, i);
    }
    assertThatThrownBy(() -> limits.onBlockWritten(table, 20_000))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("InvalidBlockID"));
  }
}
