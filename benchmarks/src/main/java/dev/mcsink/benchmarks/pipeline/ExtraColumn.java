package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.localmc.types.MaxComputeType;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A column given with {@code --extra-column NAME:TYPE}, added to every table the benchmark creates
 * after the harness's own columns: another plugin measured with --plugin-path may need one (e.g. a
 * load-time column it fills itself). The harness leaves it to the connector.
 *
 * @param name as given (a MaxCompute column name)
 * @param type the canonical spelling of a MaxCompute type, e.g. BIGINT or DECIMAL(10,2)
 */
record ExtraColumn(String name, String type) {
  /** MaxCompute's column names: a letter or underscore first, then letters, digits, underscores; 128 at most. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /**
   * Parses {@code NAME:TYPE}; the type is read by the local MaxCompute's own type parser, so anything
   * accepted here is a type its tables take.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static ExtraColumn parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("'" + text + "' is not NAME:TYPE (e.g. insert_time:BIGINT)");
    }
    String name = text.substring(0, colon).trim();
    String type = text.substring(colon + 1).trim();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' in '" + text + "' is not a column name (a letter or _ "
          + "first, then letters, digits or _, at most 128)");
    }
    if (type.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' has no type after the colon (e.g. insert_time:BIGINT)");
    }
    try {
      return new ExtraColumn(name, MaxComputeType.parse(type).typeName());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + type + "' in '" + text + "' is not a MaxCompute type ("
          + e.getMessage() + "); e.g. BIGINT, STRING, DATETIME, DECIMAL(10,2)", e);
    }
  }

  /** The column in a CREATE TABLE statement, the name quoted. */
  String definition() {
    return "`" + name + "` " + type;
  }

  /** Whether the column is named {@code column}; MaxCompute's names are case-insensitive. */
  boolean isNamed(String column) {
    return name.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT));
  }

  /** picocli's reading of {@code --extra-column}: a bad value is a usage error with the reason. */
  static final class Converter implements CommandLine.ITypeConverter<ExtraColumn> {
    @Override
    public ExtraColumn convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
