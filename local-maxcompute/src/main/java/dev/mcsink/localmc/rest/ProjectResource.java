package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.storage.ProjectInfo;
import dev.mcsink.localmc.storage.Warehouse;

/** {@code GET /projects/{p}}, tunnel endpoint discovery, the (empty) function listing. */
final class ProjectResource {
  private final Warehouse warehouse;
  private final String sqlTimeZone;

  ProjectResource(Warehouse warehouse, String sqlTimeZone) {
    this.warehouse = warehouse;
    this.sqlTimeZone = sqlTimeZone;
  }

  ProjectInfo require(String project) {
    return warehouse.project(project).orElseThrow(() -> ServiceException.notFound(
        "NoSuchObject", "Project not found - '" + project + "'."));
  }

  OdpsResponse get(String project) {
    ProjectInfo info = require(project);
    String xml = new Xml().open("Project")
        .element("Name", info.name())
        .element("Type", "managed")
        .element("Comment", info.comment())
        .element("State", "AVAILABLE")
        .element("Owner", "ALIYUN$local@aliyun.com")
        .element("CreationTime", HttpDates.format(info.creationTimeMillis()))
        .element("LastModifiedTime", HttpDates.format(info.creationTimeMillis()))
        .open("Properties")
        .open("Property").element("Name", "odps.sql.timezone").element("Value", sqlTimeZone).close("Property")
        .open("Property").element("Name", "odps.schema.model.enabled").element("Value", "true").close("Property")
        .close("Properties")
        .close("Project").toString();
    // The SDK fails a project reload without these two headers.
    return OdpsResponse.xml(200, xml)
        .header("x-odps-creation-time", HttpDates.format(info.creationTimeMillis()))
        .header("Last-Modified", HttpDates.format(info.creationTimeMillis()))
        .header("x-odps-owner", "ALIYUN$local@aliyun.com");
  }

  /** {@code GET /projects/{p}/registration/functions}: the service has no user-defined functions. */
  static OdpsResponse noFunctions() {
    return OdpsResponse.xml(200, new Xml().open("Functions").element("Marker", "").element("MaxItems", 1000)
        .close("Functions").toString());
  }

  /** {@code ?service}: the tunnel lives on this same server, under /api like the REST routes. */
  OdpsResponse tunnelService(String project, String hostHeader) {
    require(project);
    return OdpsResponse.of(200, "text/plain", hostHeader + "/api");
  }
}
