package dev.mcsink.jmh;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;

/** The product document's example tables: topic, partition, offset, the format's columns, pt. */
final class ProductTables {
  private ProductTables() {
  }

  static TableSchema withColumns(Object... namesAndTypes) {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("topic", TypeInfoFactory.STRING));
    schema.addColumn(new Column("partition", TypeInfoFactory.BIGINT));
    schema.addColumn(new Column("offset", TypeInfoFactory.BIGINT));
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      schema.addColumn(new Column((String) namesAndTypes[i], (TypeInfo) namesAndTypes[i + 1]));
    }
    schema.addPartitionColumn(new Column("pt", TypeInfoFactory.STRING));
    return schema;
  }
}
