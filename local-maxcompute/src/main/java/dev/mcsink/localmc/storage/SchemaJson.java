package dev.mcsink.localmc.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** How a table's MaxCompute schema is kept in the catalog: JSON with the type names as MaxCompute spells them. */
final class SchemaJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaJson() {}

  static String write(TableSchema schema) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("columns", columns(schema.columns()));
    root.set("partitionColumns", columns(schema.partitionColumns()));
    return root.toString();
  }

  static TableSchema read(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      return new TableSchema(columns(root.get("columns")), columns(root.get("partitionColumns")));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Corrupt schema in the catalog: " + json, e);
    }
  }

  private static ArrayNode columns(List<Column> columns) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Column c : columns) {
      array.addObject().put("name", c.name()).put("type", c.type().typeName())
          .put("comment", c.comment()).put("nullable", c.nullable());
    }
    return array;
  }

  private static List<Column> columns(JsonNode array) {
    List<Column> columns = new ArrayList<>();
    for (JsonNode c : array) {
      columns.add(new Column(c.get("name").asText(), MaxComputeType.parse(c.get("type").asText()),
          c.get("comment").asText(), c.get("nullable").asBoolean(true)));
    }
    return columns;
  }
}
