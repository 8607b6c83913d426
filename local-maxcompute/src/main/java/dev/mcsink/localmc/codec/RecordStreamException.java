package dev.mcsink.localmc.codec;

/**
 * A tunnel body the server must reject with a 4xx. The message names the problem and, when known,
 * the record (0-based index in the body) and the column (with a path inside nested values, e.g.
 * {@code tags[2].b}).
 */
public final class RecordStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final long recordIndex;
  private final String column;

  /** A problem whose location is not known yet; the reader adds it on the way out. */
  public RecordStreamException(String problem) {
    this(problem, -1, null, null);
  }

  public RecordStreamException(String problem, Throwable cause) {
    this(problem, -1, null, cause);
  }

  public RecordStreamException(String problem, long recordIndex, String column, Throwable cause) {
    super(describe(problem, recordIndex, column), cause);
    this.problem = problem;
    this.recordIndex = recordIndex;
    this.column = column;
  }

  private static String describe(String problem, long recordIndex, String column) {
    StringBuilder b = new StringBuilder("Invalid record stream");
    if (recordIndex >= 0) {
      b.append(" at record ").append(recordIndex);
    }
    if (column != null) {
      b.append(recordIndex >= 0 ? ", column '" : " in column '").append(column).append('\'');
    }
    return b.append(": ").append(problem).toString();
  }

  /** The problem alone, without the location. */
  public String problem() {
    return problem;
  }

  /** 0-based index of the offending record in the body, or -1 when not tied to a record. */
  public long recordIndex() {
    return recordIndex;
  }

  /** Column name (plus path inside a nested value), or null when not tied to a column. */
  public String column() {
    return column;
  }

  /** The same problem one level deeper inside a nested value: {@code step} is "[3]", ".a", "{key 1}". */
  RecordStreamException inside(String step) {
    String path = column == null ? step : step + column;
    return new RecordStreamException(problem, recordIndex, path, getCause());
  }

  /** The same problem located at a record and a top-level column (a nested path is kept). */
  RecordStreamException at(long record, String columnName) {
    if (recordIndex >= 0) {
      return this;
    }
    String path = columnName == null ? column : column == null ? columnName : columnName + column;
    return new RecordStreamException(problem, record, path, getCause());
  }
}
