package dev.mcsink.reliability.delivery;

/**
 * The check could not be made: a topic or table that does not exist, a table without the origin
 * columns, a service that cannot be reached. The message is one line meant for the user.
 */
public final class DeliveryCheckException extends RuntimeException {
  public DeliveryCheckException(String message) {
    super(message);
  }

  public DeliveryCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
