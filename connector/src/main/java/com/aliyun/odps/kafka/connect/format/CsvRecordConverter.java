package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.type.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * CSV: one line per message (the value, or the key in mode KEY), fields by position onto the
 * table's non-meta columns in table order; the field count must match. {@code \N} is NULL; an
 * empty field is an empty string in STRING, VARCHAR, CHAR and BINARY columns and NULL in every
 * other type. Scalar fields are parsed by {@link ColumnValueParser}; ARRAY, MAP and STRUCT fields
 * are JSON text.
 */
final class CsvRecordConverter implements RecordConverter {
  private final TableColumns columns;
  private final MetaColumns meta;
  private final MessagePart part;
  private final CsvLineParser lineParser;
  private final ColumnValueParser parser;
  private final ColumnValueCoercer coercer;
  private final int[] dataIndexes;
  private final String dataColumnNames;

  CsvRecordConverter(SinkSettings settings, TableColumns columns) {
    this.columns = columns;
    this.meta = new MetaColumns(columns, settings.timeZone());
    this.part = new MessagePart(settings.mode());
    this.lineParser = new CsvLineParser(settings.csvDelimiter());
    this.parser = new ColumnValueParser(settings.timeZone());
    this.coercer = new ColumnValueCoercer(parser, settings.timeZone());
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < columns.all().size(); i++) {
      if (!MetaColumns.isMeta(columns.get(i))) {
        indexes.add(i);
      }
    }
    this.dataIndexes = indexes.stream().mapToInt(Integer::intValue).toArray();
    this.dataColumnNames = indexes.stream().map(i -> columns.get(i).getName()).collect(Collectors.joining(", "));
  }

  @Override
  public void convert(SinkRecord record, Record row) {
    columns.clear(row);
    meta.write(record, row);
    Object data = part.data(record);
    if (data == null) {
      throw new RecordConversionException(part.name() + " is null; CSV needs a line of text");
    }
    List<String> fields = lineParser.parse(MessageText.of(data, part.name()));
    if (fields.size() != dataIndexes.length) {
      throw new RecordConversionException("CSV: expected " + dataIndexes.length + " fields (" + dataColumnNames
          + "), got " + fields.size());
    }
    for (int f = 0; f < dataIndexes.length; f++) {
      int index = dataIndexes[f];
      Column column = columns.get(index);
      columns.set(row, index, fieldValue(fields.get(f), column));
    }
  }

  private Object fieldValue(String field, Column column) {
    if (field == null) {
      return null;
    }
    TypeInfo type = column.getTypeInfo();
    if (field.trim().isEmpty() && !keepsEmptyText(type.getOdpsType())) {
      return null;
    }
    if (ColumnValueParser.isScalar(type.getOdpsType())) {
      return parser.parse(field, type, column.getName());
    }
    // ARRAY, MAP, STRUCT: the field is JSON text, converted element-wise as FLATTEN does.
    Object parsed;
    try {
      parsed = JsonCodec.parse(field, "the field");
    } catch (RecordConversionException e) {
      throw ColumnErrors.of(column.getName(), type, e.getMessage());
    }
    return coercer.coerce(parsed, type, column.getName());
  }

  private static boolean keepsEmptyText(OdpsType type) {
    return type == OdpsType.STRING || type == OdpsType.VARCHAR || type == OdpsType.CHAR || type == OdpsType.BINARY;
  }
}
