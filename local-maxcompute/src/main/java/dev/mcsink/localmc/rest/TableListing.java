package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.TableId;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /projects/{p}/tables?expectmarker=true[&extended][&name=][&owner=][&type=][&marker=&maxitems=]}:
 * the tables of a project's schema, a page at a time. {@code name} is a prefix; {@code extended}
 * adds each table's type and comment, so the SDK needs no reload to show them.
 */
final class TableListing {
  private final Warehouse warehouse;

  TableListing(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  OdpsResponse list(String project, String schema, OdpsRequest request) {
    String inSchema = schema == null || schema.isEmpty() ? TableId.DEFAULT_SCHEMA : schema;
    List<TableInfo> all = warehouse.tables(project, inSchema).stream().filter(t -> matches(t, request)).toList();
    MarkerPage page = MarkerPage.of(request, all.size());
    boolean extended = request.has("extended");
    Xml xml = new Xml().open("Tables");
    for (TableInfo t : all.subList(page.from(), page.to())) {
      xml.open("Table")
          .element("Name", t.id().table())
          .element("TableId", t.id().project() + "." + t.id().schema() + "." + t.id().table())
          .element("Owner", TableResource.OWNER)
          .element("Project", t.id().project())
          .element("SchemaName", t.id().schema())
          .element("CreationTime", HttpDates.format(t.createTimeMillis()))
          .element("LastModifiedTime", HttpDates.format(t.lastModifiedTimeMillis()));
      if (extended) {
        xml.element("Type", TableResource.MANAGED_TABLE).element("Comment", t.comment());
      }
      xml.close("Table");
    }
    xml.element("Marker", page.nextMarker()).element("MaxItems", page.size()).close("Tables");
    return OdpsResponse.xml(200, xml.toString());
  }

  private static boolean matches(TableInfo t, OdpsRequest request) {
    String prefix = request.param("name");
    String owner = request.param("owner");
    String type = request.param("type");
    return (prefix == null || t.id().table().startsWith(prefix.toLowerCase(Locale.ROOT)))
        && (owner == null || owner.equals(TableResource.OWNER))
        && (type == null || type.equalsIgnoreCase(TableResource.MANAGED_TABLE));
  }
}
