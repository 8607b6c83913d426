package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.rest.ServiceException;

/** The {@code rowrange=(start,count)} of a download read, checked against the session's records. */
record RowRange(long start, long count) {

  /** The whole session when no range is given. */
  static RowRange parse(String text, long total) {
    if (text == null) {
      return new RowRange(0, total);
    }
    String inner = text.trim();
    if (!inner.startsWith("(") || !inner.endsWith(")") || inner.indexOf(',') < 0) {
      throw invalid(text, "");
    }
    String[] parts = inner.substring(1, inner.length() - 1).split(",");
    try {
      long start = Long.parseLong(parts[0].trim());
      long count = Long.parseLong(parts[1].trim());
      if (start < 0 || count < 0 || start > total || count > total - start) {
        throw invalid(text, " (the session has " + total + " records)");
      }
      return new RowRange(start, count);
    } catch (NumberFormatException e) {
      throw invalid(text, "");
    }
  }

  private static ServiceException invalid(String text, String detail) {
    return ServiceException.badRequest("InvalidRowRange", "The specified row range is not valid: " + text + detail);
  }
}
