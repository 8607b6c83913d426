package dev.mcsink.localmc.types;

import java.util.Locale;
import java.util.Objects;

/** A column of a table; names are stored lower-case, as MaxCompute does. */
public record Column(String name, MaxComputeType type, String comment, boolean nullable) {
  public Column {
    name = name.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(type, "type");
    comment = comment == null ? "" : comment;
  }

  public static Column of(String name, String type) {
    return new Column(name, MaxComputeType.parse(type), "", true);
  }
}
