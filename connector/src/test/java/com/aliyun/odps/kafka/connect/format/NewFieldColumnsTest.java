package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class NewFieldColumnsTest {
  private static final SinkSettings FLATTEN = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();
  private static final TableSchema ID_AND_NAME = table(col("id", OdpsType.BIGINT), string("name"));

  private final NewFieldColumns newColumns = new NewFieldColumns(FLATTEN, ID_AND_NAME);

  @Test
  void fieldsTheTableHasNeedNoColumnWhateverTheirCase() {
    assertThat(newColumns.of(record(null, "{\"ID\": 1, \"name\": \"a\"}"))).isEmpty();
    assertThat(newColumns.of(withValue(null, Map.of("id", 1L, "Name", "a")))).isEmpty();
  }

  @Test
  void aNewFieldNeedsANullableColumnOfItsType() {
    assertThat(newColumns.of(record(null, "{\"id\": 1, \"score\": 2.5, \"level\": 3}")))
        .extracting(Column::getName, c -> c.getTypeInfo().getOdpsType(), Column::isNullable)
        .containsExactly(tuple("score", OdpsType.DOUBLE, true),
            tuple("level", OdpsType.BIGINT, true));
    assertThat(newColumns.of(withValue(null, Map.of("id", 1L, "flag", true))))
        .extracting(Column::getName).containsExactly("flag");
  }

  @Test
  void aStructSchemaWhoseFieldsAreAllColumnsIsNotLaidOutAgain() {
    Schema fits = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA).build();
    Schema wider = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("score", Schema.FLOAT32_SCHEMA).build();

    assertThat(newColumns.of(withValue(fits, new Struct(fits).put("id", 1L).put("name", "a")))).isEmpty();
    assertThat(newColumns.of(withValue(fits, new Struct(fits).put("id", 2L).put("name", "b")))).isEmpty();
    assertThat(newColumns.of(withValue(wider, new Struct(wider).put("id", 1L).put("score", 1.5f))))
        .extracting(Column::getName, c -> c.getTypeInfo().getOdpsType())
        .containsExactly(tuple("score", OdpsType.FLOAT));
  }

  @Test
  void aRecordThatCannotBeReadNeedsNoColumnItsConversionRoutesIt() {
    assertThat(newColumns.of(record(null, "not json"))).isEmpty();
    assertThat(newColumns.of(record(null, null))).isEmpty();
  }

  @Test
  void metaFieldsNeverBecomeColumns() {
    assertThat(newColumns.of(record(null, "{\"id\": 1, \"offset\": 5, \"topic\": \"x\"}"))).isEmpty();
  }
}
