package dev.mcsink.localmc.tunnel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableSchema;
import java.util.List;
import java.util.Locale;

/** The schema object of tunnel session answers ({@code columns} and {@code partitionKeys}). */
final class TunnelSchemaJson {
  private TunnelSchemaJson() {}

  static ObjectNode of(TableSchema schema) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("IsVirtualView", false);
    node.set("columns", columns(schema.columns(), true));
    node.set("partitionKeys", columns(schema.partitionColumns(), false));
    return node;
  }

  private static ArrayNode columns(List<Column> columns, boolean withIds) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      ObjectNode col = array.addObject();
      if (withIds) {
        col.put("column_id", String.valueOf(i));
        col.put("comment", c.comment());
        col.put("default_value", "");
      }
      col.put("name", c.name());
      if (withIds) {
        col.put("nullable", c.nullable());
      }
      col.put("type", c.type().typeName().toLowerCase(Locale.ROOT));
    }
    return array;
  }
}
