package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.codec.RecordStreamException;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.rest.TableLookup;
import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;

/** The tunnel's refusals, with the codes the real service uses. */
final class TunnelErrors {
  private TunnelErrors() {}

  static ServiceException noSuchUpload(String id) {
    return ServiceException.notFound("NoSuchUpload", "The specified upload id does not exist: " + id);
  }

  static ServiceException noSuchDownload(String id) {
    return ServiceException.notFound("NoSuchDownload", "The specified download id does not exist: " + id);
  }

  /**
   * The warehouse found no table (or partition, or upload) while serving a request whose lookup
   * found one: it was dropped meanwhile. A 404, as the lookup now answers (NoSuchTable when the table
   * is gone), never a 500, which the SDK would retry for minutes.
   */
  static ServiceException gone(Warehouse warehouse, TableId id, NotFoundException e) {
    if (warehouse.table(id).isEmpty()) {
      return TableLookup.noSuchTable(id);
    }
    return ServiceException.notFound("NoSuchObject", e.getMessage());
  }

  /** As {@link #gone(Warehouse, TableId, NotFoundException)}, for a write into partition {@code spec}. */
  static ServiceException gone(Warehouse warehouse, TableId id, PartitionSpec spec, NotFoundException e) {
    if (warehouse.table(id).isPresent() && !spec.isEmpty() && warehouse.partition(id, spec).isEmpty()) {
      return noSuchPartition(spec, id);
    }
    return gone(warehouse, id, e);
  }

  static ServiceException statusConflict(String what) {
    return new ServiceException(409, "StatusConflict",
        "You cannot complete the specified operation under the current upload or download status: " + what);
  }

  static ServiceException badData(RecordStreamException e) {
    return ServiceException.badRequest("MalformedDataStream", e.getMessage());
  }

  /** A stream write in an older schema while the writer asked to check it is the latest: the SDK reopens. */
  static ServiceException schemaModified(String sessionVersion, String latestVersion) {
    return new ServiceException(412, "SchemaModified", "The table schema has changed (session schema version "
        + sessionVersion + ", latest " + latestVersion + ")")
        .withHeader("odps-tunnel-latest-schema-version", latestVersion);
  }

  static ServiceException noSuchSchema(String version, Object table) {
    return ServiceException.notFound("NoSuchSchema", "The schema version " + version + " of " + table
        + " does not exist");
  }

  static ServiceException noSuchPartition(Object spec, Object table) {
    return ServiceException.notFound("NoSuchPartition", "The specified partition does not exist: " + spec + " of " + table);
  }
}
