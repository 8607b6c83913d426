package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.rest.PartitionSpecs;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;

/** The target partition of a tunnel session. */
final class Partitions {
  private Partitions() {}

  /** The partition named by the request, which must exist (batch upload and download). */
  static PartitionSpec existing(Warehouse warehouse, TableInfo table, String text) {
    PartitionSpec spec = PartitionSpecs.parse(text, table);
    if (!spec.isEmpty() && warehouse.partition(table.id(), spec).isEmpty()) {
      throw TunnelErrors.noSuchPartition(spec, table.id());
    }
    return spec;
  }
}
