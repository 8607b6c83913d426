package dev.mcsink.localmc.storage;

/** A project, table, partition or upload that does not exist. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
