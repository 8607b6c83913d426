package dev.mcsink.localmc.tunnel;

import dev.mcsink.localmc.codec.RecordStreamException;
import dev.mcsink.localmc.rest.ServiceException;

/** The tunnel's refusals, with the codes the real service uses. */
final class TunnelErrors {
  private TunnelErrors() {}

  static ServiceException noSuchUpload(String id) {
    return ServiceException.notFound("NoSuchUpload", "The specified upload id does not exist: " + id);
  }

  static ServiceException noSuchDownload(String id) {
    return ServiceException.notFound("NoSuchDownload", "The specified download id does not exist: " + id);
  }

  static ServiceException statusConflict(String what) {
    return new ServiceException(409, "StatusConflict",
        "You cannot complete the specified operation under the current upload or download status: " + what);
  }

  static ServiceException badData(RecordStreamException e) {
    return ServiceException.badRequest("MalformedDataStream", e.getMessage());
  }

  static ServiceException noSuchPartition(Object spec, Object table) {
    return ServiceException.notFound("NoSuchPartition", "The specified partition does not exist: " + spec + " of " + table);
  }
}
