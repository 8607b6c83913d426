package dev.mcsink.localmc.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.storage.PartitionInfo;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import java.util.List;
import java.util.Map;

/** Table metadata: the table, one partition, and partition listings. */
final class TableResource {
  static final String OWNER = "ALIYUN$local@aliyun.com";
  static final String MANAGED_TABLE = "MANAGED_TABLE";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Warehouse warehouse;

  TableResource(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  OdpsResponse get(TableId id, OdpsRequest request) {
    TableInfo table = TableLookup.require(warehouse, id);
    if (request.has("partitions")) {
      return request.has("name") ? listPartitionNames(table, request) : listPartitions(table, request);
    }
    if (request.has("partition")) {
      return partition(table, PartitionSpecs.parse(request.param("partition"), table));
    }
    String xml = new Xml().open("Table")
        .element("Name", id.table())
        .element("TableId", id.project() + "." + id.schema() + "." + id.table())
        .element("Project", id.project())
        .element("SchemaName", id.schema())
        .element("Owner", OWNER)
        .element("Type", MANAGED_TABLE)
        .element("Comment", table.comment())
        .cdata("Schema", schemaJson(table))
        .close("Table").toString();
    return OdpsResponse.xml(200, xml)
        .header("Last-Modified", HttpDates.format(table.lastModifiedTimeMillis()))
        .header("x-odps-creation-time", HttpDates.format(table.createTimeMillis()));
  }

  private OdpsResponse partition(TableInfo table, PartitionSpec spec) {
    PartitionInfo info = warehouse.partition(table.id(), spec).orElseThrow(() -> ServiceException.notFound(
        "NoSuchPartition", "The specified partition does not exist: " + spec + " of " + table.id()));
    ObjectNode json = JSON.createObjectNode()
        .put("createTime", info.createTimeMillis() / 1000)
        .put("lastDDLTime", info.lastDdlTimeMillis() / 1000)
        .put("lastModifiedTime", info.lastModifiedTimeMillis() / 1000)
        .put("lastAccessTime", info.lastModifiedTimeMillis() / 1000)
        .put("partitionSize", info.sizeBytes())
        .put("partitionRecordNum", info.recordCount())
        .put("IsArchived", false)
        .put("PhysicalSize", info.sizeBytes())
        .put("FileNum", 1);
    String xml = new Xml().open("Partition").cdata("Schema", json.toString()).close("Partition").toString();
    return OdpsResponse.xml(200, xml);
  }

  private OdpsResponse listPartitions(TableInfo table, OdpsRequest request) {
    List<PartitionInfo> all = selected(table, request);
    MarkerPage page = MarkerPage.of(request, all.size());
    Xml xml = new Xml().open("Partitions");
    for (PartitionInfo p : all.subList(page.from(), page.to())) {
      xml.open("Partition");
      for (Map.Entry<String, String> e : p.spec().values().entrySet()) {
        xml.emptyWith("Column", "Name", e.getKey(), "Value", e.getValue());
      }
      xml.element("CreationTime", p.createTimeMillis() / 1000)
          .element("LastDDLTime", p.lastDdlTimeMillis() / 1000)
          .element("LastModifiedTime", p.lastModifiedTimeMillis() / 1000)
          .close("Partition");
    }
    xml.element("Marker", page.nextMarker()).element("MaxItems", page.size()).close("Partitions");
    return OdpsResponse.xml(200, xml.toString());
  }

  private OdpsResponse listPartitionNames(TableInfo table, OdpsRequest request) {
    List<PartitionInfo> all = selected(table, request);
    MarkerPage page = MarkerPage.of(request, all.size());
    Xml xml = new Xml().open("Partitions");
    for (PartitionInfo p : all.subList(page.from(), page.to())) {
      xml.open("Partition").element("Name", p.spec().toPathName()).close("Partition");
    }
    xml.element("Marker", page.nextMarker()).element("MaxItems", page.size()).close("Partitions");
    return OdpsResponse.xml(200, xml.toString());
  }

  /** All partitions, or those matching a prefix spec ({@code ?partition=pt='x'} with a listing). */
  private List<PartitionInfo> selected(TableInfo table, OdpsRequest request) {
    List<PartitionInfo> all = warehouse.partitions(table.id());
    String filter = request.param("partition");
    if (filter == null || filter.isBlank()) {
      return all;
    }
    Map<String, String> wanted = PartitionSpec.parse(filter).values();
    return all.stream().filter(p -> p.spec().values().entrySet().containsAll(wanted.entrySet())).toList();
  }

  static String schemaJson(TableInfo table) {
    ObjectNode json = JSON.createObjectNode()
        .put("tableName", table.id().table())
        .put("comment", table.comment())
        .put("owner", OWNER)
        .put("createTime", table.createTimeMillis() / 1000)
        .put("lastDDLTime", table.lastDdlTimeMillis() / 1000)
        .put("lastModifiedTime", table.lastModifiedTimeMillis() / 1000)
        .put("lastAccessTime", table.lastModifiedTimeMillis() / 1000)
        .put("lifecycle", table.lifecycleDays())
        .put("isVirtualView", false)
        .put("isExternal", false)
        .put("size", table.sizeBytes())
        .put("recordNum", table.recordCount())
        .put("Reserved", reserved(table).toString());
    json.set("columns", columns(table.schema().columns()));
    json.set("partitionKeys", columns(table.schema().partitionColumns()));
    return json.toString();
  }

  /**
   * The extended-info JSON the SDK parses for {@code isTransactional()}, {@code getPrimaryKey()}
   * and {@code getClusterInfo()}: a Delta table is hash-clustered on its key into its buckets; and
   * {@code getSchemaVersion()}, which a stream session checking for the latest schema opens with.
   */
  private static ObjectNode reserved(TableInfo table) {
    TableProperties properties = table.properties();
    ObjectNode reserved = JSON.createObjectNode()
        .put("Transactional", Boolean.toString(properties.transactional()))
        .put("schema_version", table.schema().version());
    if (properties.isDelta()) {
      ArrayNode key = reserved.putArray("PrimaryKey");
      properties.primaryKey().forEach(key::add);
      reserved.put("ClusterType", "hash").put("BucketNum", properties.bucketNum());
      ArrayNode clusterCols = reserved.putArray("ClusterCols");
      properties.primaryKey().forEach(clusterCols::add);
    }
    return reserved;
  }

  private static ArrayNode columns(List<Column> columns) {
    ArrayNode array = JSON.createArrayNode();
    for (Column c : columns) {
      array.addObject()
          .put("name", c.name())
          .put("type", c.type().typeName())
          .put("comment", c.comment())
          .put("isNullable", c.nullable())
          .put("label", "");
    }
    return array;
  }
}
