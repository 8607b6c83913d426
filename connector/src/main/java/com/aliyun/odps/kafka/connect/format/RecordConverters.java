package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;

/** Creates the {@link RecordConverter} for the configured format and mode. */
public final class RecordConverters {
  private RecordConverters() {
  }

  /**
   * The converter for {@code settings.format()} and {@code settings.mode()} writing rows of a table
   * with {@code schema}. Converters are stateless between records and safe to share across threads.
   *
   * @throws ConnectException when the table does not fit the format ({@link TableRequirements})
   */
  /**
   * write.mode UPSERT: the converter of {@link #create} that also says what a record does to the row
   * of its key ({@code primaryKey}: the table's key columns).
   *
   * @throws ConnectException when the table does not fit the format
   */
  public static UpsertRecordConverter createUpsert(SinkSettings settings, TableSchema schema, List<String> primaryKey) {
    TableColumns columns = new TableColumns(schema);
    KeyColumns key = new KeyColumns(columns, primaryKey,
        new ColumnValueCoercer(new ColumnValueParser(settings.timeZone()), settings.timeZone()));
    return new UpsertRecordConverter(settings, columns, create(settings, schema), key);
  }

  public static RecordConverter create(SinkSettings settings, TableSchema schema) {
    List<String> problems = TableRequirements.problems(settings, schema);
    if (!problems.isEmpty()) {
      throw new ConnectException("Table " + settings.table() + " does not fit format " + settings.format()
          + " with mode " + settings.mode() + ": " + String.join("; ", problems));
    }
    TableColumns columns = new TableColumns(schema);
    switch (settings.format()) {
      case TEXT:
        return new TextRecordConverter(settings, columns);
      case BINARY:
        return new BinaryRecordConverter(settings, columns);
      case JSON:
        return new JsonRecordConverter(settings, columns);
      case CSV:
        return new CsvRecordConverter(settings, columns);
      case FLATTEN:
        return new FlattenRecordConverter(settings, columns);
      default:
        throw new IllegalArgumentException("unknown format " + settings.format());
    }
  }
}
