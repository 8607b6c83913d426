package com.aliyun.odps.kafka.connect.errors;

import com.aliyun.odps.OdpsException;
import java.util.function.Predicate;

/**
 * Looks through a failure and its causes, as the SDK nests them (the service's answer, an
 * {@link OdpsException} with a status, inside an IOException inside a ReloadException...): what a
 * failure means is often decided several causes down.
 */
public final class CauseChain {
  private CauseChain() {
  }

  /** The first of {@code failure} and its causes that passes {@code test}; null if none does. */
  public static Throwable first(Throwable failure, Predicate<Throwable> test) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (test.test(t)) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The first of {@code failure} and its causes that is a {@code type}; null if none is. */
  public static <T extends Throwable> T first(Throwable failure, Class<T> type) {
    return type.cast(first(failure, type::isInstance));
  }

  /** The HTTP status of the first {@link OdpsException} in the chain that has one; null if none has. */
  public static Integer httpStatus(Throwable failure) {
    Throwable answered = first(failure, t -> t instanceof OdpsException && ((OdpsException) t).getStatus() != null);
    return answered == null ? null : ((OdpsException) answered).getStatus();
  }
}
