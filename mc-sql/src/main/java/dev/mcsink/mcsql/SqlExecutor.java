package dev.mcsink.mcsql;

/** Runs one statement as a SQL task and waits for it; an interface so the CLI can be tested offline. */
public interface SqlExecutor extends AutoCloseable {
  /** @throws SqlFailure with the service's message when the task or the request fails */
  TaskOutput run(SqlJob job) throws SqlFailure;

  @Override
  default void close() {}

  /** A statement the service refused or could not run; the message is the service's. */
  final class SqlFailure extends Exception {
    public SqlFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
