package dev.mcsink.localmc.storage;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.duckdb.DuckDBConnection;

/**
 * Connections to one DuckDB database file. A DuckDB connection must not be shared between threads,
 * so each call borrows one (duplicated from the first) and gives it back; idle ones are reused.
 * Transactions are explicit BEGIN/COMMIT statements: the appender joins a transaction only when one
 * is already active on its connection, which JDBC's lazy auto-commit handling does not guarantee.
 */
final class DuckDbConnections implements AutoCloseable {
  private static final int MAX_IDLE = 16;
  private static final int CONFLICT_RETRIES = 20;

  private final DuckDBConnection root;
  private final ConcurrentLinkedDeque<DuckDBConnection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  interface Work<T> {
    T run(DuckDBConnection connection) throws SQLException;
  }

  DuckDbConnections(Path databaseFile) {
    try {
      root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath());
      try (java.sql.Statement statement = root.createStatement()) {
        // DuckDB checkpoints inside the committing transaction once the WAL passes this (16 MB by
        // default): nearly every upload commit carries more, so each paid for a checkpoint (half its
        // time). Fewer, larger checkpoints; the cost is a longer WAL replay after a crash.
        statement.execute("SET checkpoint_threshold = '1GB'");
        // DuckDB picks each string column's compression by trying its methods on the data. FSST and
        // dictionary were most of the CPU of a checkpoint and of a large upload's commit (high-
        // cardinality text such as Kafka payloads rarely gains from them): measured on 5 million
        // 200-byte rows, a checkpoint took 2.7 s of CPU with them and 0.4 s without. The files of a
        // local service are about a third larger for it.
        statement.execute("SET disabled_compression_methods = 'fsst,dictionary'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open DuckDB database " + databaseFile + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a borrowed connection in auto-commit mode. */
  <T> T withConnection(Work<T> work) {
    DuckDBConnection connection = borrow();
    boolean healthy = false;
    try {
      T result = work.run(connection);
      healthy = true;
      return result;
    } catch (SQLException e) {
      healthy = true;
      throw new StorageException(e);
    } finally {
      giveBack(connection, healthy);
    }
  }

  /**
   * Runs {@code work} in one transaction. When {@code replayable}, a transaction conflict (another
   * writer touched the same rows or catalog entries) makes it run again on a fresh transaction.
   */
  <T> T inTransaction(boolean replayable, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      DuckDBConnection connection = borrow();
      boolean healthy = true;
      try {
        execute(connection, "BEGIN TRANSACTION");
        T result;
        try {
          result = work.run(connection);
          execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(connection);
          throw e;
        }
        return result;
      } catch (SQLException e) {
        if (replayable && isConflict(e) && attempt < CONFLICT_RETRIES) {
          pause(attempt);
          continue;
        }
        throw new StorageException(e);
      } catch (RuntimeException e) {
        throw e;
      } finally {
        giveBack(connection, healthy);
      }
    }
  }

  /**
   * Writes everything committed into the database file, so the write-ahead log starts empty. DuckDB
   * refuses to checkpoint while a write transaction is open, so this tries again until writes pause.
   *
   * @throws StorageException when writes never paused within {@code patience}, or DuckDB failed
   */
  void checkpoint(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        withConnection(connection -> {
          execute(connection, "CHECKPOINT");
          return null;
        });
        return;
      } catch (StorageException e) {
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static boolean isBusy(StorageException e) {
    return String.valueOf(e.getMessage()).contains("other write transactions active");
  }

  static void execute(DuckDBConnection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static boolean isConflict(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Conflict") || message.contains("conflict");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(50, 2L * attempt)); // back off before replaying a conflicting transaction
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying a conflicting transaction", e);
    }
  }

  private static void rollbackQuietly(DuckDBConnection connection) {
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException ignored) {
      // the transaction may already be aborted by DuckDB itself
    }
  }

  private DuckDBConnection borrow() {
    if (closed) {
      throw new IllegalStateException("The warehouse is closed");
    }
    DuckDBConnection connection = idle.pollFirst();
    if (connection != null) {
      return connection;
    }
    try {
      return root.duplicate();
    } catch (SQLException e) {
      throw new StorageException(e);
    }
  }

  private void giveBack(DuckDBConnection connection, boolean healthy) {
    if (healthy && !closed && idle.size() < MAX_IDLE) {
      idle.addFirst(connection);
    } else {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(DuckDBConnection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing to do about a connection that fails to close
    }
  }

  @Override
  public void close() {
    closed = true;
    DuckDBConnection connection;
    while ((connection = idle.pollFirst()) != null) {
      closeQuietly(connection);
    }
    closeQuietly(root);
  }

  /** An unexpected DuckDB failure (not a user error). */
  static final class StorageException extends RuntimeException {
    StorageException(SQLException cause) {
      super("DuckDB: " + cause.getMessage(), cause);
    }
  }
}
