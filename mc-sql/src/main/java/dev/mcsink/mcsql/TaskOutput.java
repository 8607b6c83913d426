package dev.mcsink.mcsql;

/**
 * What a finished SQL task answered: the text of its {@code <Result>} and that element's
 * {@code Format} attribute ({@code csv} for result sets, {@code text} otherwise, null if absent).
 */
public record TaskOutput(String format, String text) {
  public boolean isCsv() {
    return "csv".equalsIgnoreCase(format);
  }
}
