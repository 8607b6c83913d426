package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.activity.TunnelActivity;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.Router;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.TableId;
import java.time.Clock;

/** The tunnel routes: batch upload, streaming upload and download sessions. */
public final class TunnelService implements Router.TunnelRoutes {
  private final UploadSessions uploads;
  private final StreamSessions streams;
  private final DownloadSessions downloads;

  public TunnelService(Warehouse warehouse, TableLimits limits, TunnelActivity activity, Clock clock) {
    this.uploads = new UploadSessions(warehouse, limits, activity, clock);
    this.streams = new StreamSessions(warehouse, activity);
    this.downloads = new DownloadSessions(warehouse);
  }

  @Override
  public OdpsResponse createUpload(TableId id, OdpsRequest r) {
    return uploads.create(id, r);
  }

  @Override
  public OdpsResponse reloadUpload(TableId id, OdpsRequest r) {
    return uploads.reload(id, r);
  }

  @Override
  public OdpsResponse writeBlock(TableId id, OdpsRequest r) {
    return uploads.writeBlock(id, r);
  }

  @Override
  public OdpsResponse commitUpload(TableId id, OdpsRequest r) {
    return uploads.commit(id, r);
  }

  @Override
  public OdpsResponse createStream(TableId id, OdpsRequest r, String self) {
    return streams.create(id, r, self);
  }

  @Override
  public OdpsResponse reloadStream(TableId id, OdpsRequest r, String self) {
    return streams.reload(id, r, self);
  }

  @Override
  public OdpsResponse writeStream(TableId id, OdpsRequest r, String self) {
    return streams.write(id, r, self);
  }

  @Override
  public OdpsResponse createDownload(TableId id, OdpsRequest r) {
    return downloads.create(id, r);
  }

  @Override
  public OdpsResponse reloadDownload(TableId id, OdpsRequest r) {
    return downloads.reload(id, r);
  }

  @Override
  public OdpsResponse readDownload(TableId id, OdpsRequest r) {
    return downloads.read(id, r);
  }
}
