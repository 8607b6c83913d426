package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.tunnel.TableTunnel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a batch upload session so that a commit the service made counts even when its answer says
 * otherwise: an answer lost after the commit (the SDK's retry may then be refused), or a session
 * someone else committed first (the real service answers a status conflict). In both cases the
 * session reports CLOSED, and writing its rows again would duplicate them.
 */
final class UploadCommit {
  private static final Logger log = LoggerFactory.getLogger(UploadCommit.class);

  private UploadCommit() {
  }

  /**
   * @throws TransientWriteException for failures worth retrying
   * @throws org.apache.kafka.connect.errors.ConnectException for a commit the service refuses
   */
  static void commit(TableTunnel.UploadSession session, Long[] blockIds, String where) {
    try {
      session.commit(blockIds);
    } catch (Exception e) {
      if (isClosed(session)) {
        log.info("Commit to {} reported a failure but the session is committed: {}", where, e.getMessage());
        return;
      }
      throw WriteFailures.classify("Committing " + blockIds.length + " blocks to " + where, e);
    }
  }

  /** Block ids 0..count-1, as every writer of this connector numbers them. */
  static Long[] blockIds(long count) {
    Long[] ids = new Long[Math.toIntExact(count)];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (long) i;
    }
    return ids;
  }

  private static boolean isClosed(TableTunnel.UploadSession session) {
    try {
      return session.getStatus() == TableTunnel.UploadStatus.CLOSED;
    } catch (Exception e) {
      return false;
    }
  }
}
