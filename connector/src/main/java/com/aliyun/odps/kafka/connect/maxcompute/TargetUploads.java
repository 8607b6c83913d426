package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.kafka.connect.errors.CauseChain;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;

/** The upload sessions of the target table, asked through the batch Tunnel: one request per question. */
final class TargetUploads implements DataSessions {
  /** The service's error code for an upload id it does not know (never created, or forgotten). */
  private static final String NO_SUCH_UPLOAD = "NoSuchUpload";

  private final TableTunnel tunnel;
  private final TargetTable target;

  TargetUploads(TableTunnel tunnel, TargetTable target) {
    this.tunnel = tunnel;
    this.target = target;
  }

  @Override
  public State stateOf(OffsetEntry entry) {
    TableTunnel.UploadSession session = find(entry);
    if (session == null) {
      return State.GONE;
    }
    TableTunnel.UploadStatus status;
    try {
      status = session.getStatus();
    } catch (Exception e) {
      throw WriteFailures.classify("Reading the state of upload " + entry.uploadId(), e);
    }
    switch (status) {
      case CLOSED:
        return State.COMMITTED;
      case NORMAL:
      case CLOSING:
      case COMMITTING:
        // Every block was uploaded before the entry was written; a commit under way finishes or
        // is repeated by ours, and a second commit of a committed session is answered as done.
        return State.UPLOADED;
      default:
        return State.GONE;
    }
  }

  @Override
  public void commit(OffsetEntry entry) {
    TableTunnel.UploadSession session = find(entry);
    if (session == null) {
      // Expired between the two requests: asking again reports it gone.
      throw new TransientWriteException("Upload " + entry.uploadId() + " of " + target.where(entry.tablePartition())
          + " is gone before it could be committed", null);
    }
    UploadCommit.commit(session, UploadCommit.blockIds(entry.blockCount()), target.where(entry.tablePartition()));
  }

  /** The session, or null when the service does not know it (any more). */
  private TableTunnel.UploadSession find(OffsetEntry entry) {
    try {
      return tunnel.getUploadSession(target.project(), target.schemaName(), target.tableName(),
          target.specOf(entry.tablePartition()), entry.uploadId());
    } catch (Exception e) {
      if (isUnknownUpload(e)) {
        return null;
      }
      throw WriteFailures.classify("Reading upload " + entry.uploadId() + " of " + target.where(entry.tablePartition()), e);
    }
  }

  private static boolean isUnknownUpload(Throwable failure) {
    return CauseChain.first(failure, t -> t instanceof TunnelException && NO_SUCH_UPLOAD.equals(((TunnelException) t).getErrorCode())) != null;
  }
}
