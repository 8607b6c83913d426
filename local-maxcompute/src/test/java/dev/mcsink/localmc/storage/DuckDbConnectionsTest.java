package dev.mcsink.localmc.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbConnectionsTest {
  @TempDir
  Path dir;
  private Path file;
  private DuckDbConnections db;

  @BeforeEach
  void open() {
    file = dir.resolve("test.duckdb");
    db = new DuckDbConnections(file);
    db.withConnection(c -> {
      DuckDbConnections.execute(c, "CREATE TABLE t (id BIGINT, s VARCHAR)");
      return null;
    });
    db.checkpoint(Duration.ofSeconds(10));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void insert(int from, int to) {
    db.inTransaction(false, c -> {
      DuckDbConnections.execute(c, "INSERT INTO t SELECT i, 'row ' || i FROM range(" + from + ", " + to + ") r(i)");
      return null;
    });
  }

  private long count() {
    return db.withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private long logBytes() throws Exception {
    Path wal = Path.of(file + ".wal");
    return Files.exists(wal) ? Files.size(wal) : 0;
  }

  @Test
  void checkpointMovesCommittedRowsFromTheLogIntoTheFile() throws Exception {
    insert(0, 10_000);
    assertThat(logBytes()).as("write-ahead log after a small commit").isPositive();

    db.checkpoint(Duration.ofSeconds(10));

    assertThat(logBytes()).as("write-ahead log after the checkpoint").isZero();
    assertThat(count()).isEqualTo(10_000);
  }

  @Test
  void checkpointAskedDuringAWriteWaitsForItInsteadOfFailing() throws Exception {
    CountDownLatch open = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.inTransaction(false, c -> {
      DuckDbConnections.execute(c, "INSERT INTO t VALUES (1, 'held')");
      open.countDown();
      try {
        // the checkpoint below is asked while this transaction is open; it ends on its own if not released
        release.await(300, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        throw new SQLException(e);
      }
      return null;
    }));
    assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(() -> db.checkpoint(Duration.ofSeconds(30)));
    checkpoint.get(30, TimeUnit.SECONDS);
    release.countDown();
    writer.get(10, TimeUnit.SECONDS);

    assertThat(logBytes()).as("the checkpoint ran after the open transaction committed").isZero();
    assertThat(count()).isEqualTo(1);
  }
}
