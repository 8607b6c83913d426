package dev.mcsink.localmc.sql;

/** A failed statement; the message is already in MaxCompute's "ODPS-nnnnnnn:[l,c] ..." form. */
final class SqlError extends RuntimeException {
  SqlError(String message) {
    super(message);
  }
}
