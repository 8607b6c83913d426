package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.OdpsException;
import com.aliyun.odps.kafka.connect.errors.CauseChain;
import com.aliyun.odps.tunnel.TunnelConstants;
import com.aliyun.odps.tunnel.TunnelException;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Sorts a failure of the SDK into worth retrying ({@link TransientWriteException}: HTTP 5xx and 429,
 * I/O errors, timeouts) or not ({@link ConnectException}: other 4xx, and errors without a status
 * and without an I/O cause, such as a failed DDL statement). The SDK often wraps the service's
 * answer (an {@link OdpsException} with a status) in an IOException, so the whole cause chain is
 * read and the first status found decides. Messages are the service's: they carry no secret.
 */
final class WriteFailures {
  private static final int TOO_MANY_REQUESTS = 429;
  private static final String UNREADABLE_ANSWER = "Can't bind xml";
  /** What the SDK's TunnelException holds when an error answer had no body. */
  private static final String EMPTY_ERROR_BODY = "Error message not available";

  private WriteFailures() {
  }

  static RuntimeException classify(String action, Throwable failure) {
    Integer status = CauseChain.httpStatus(failure);
    String message = action + " failed: " + describe(failure, status);
    if (CauseChain.first(failure, WriteFailures::isAnswerWithoutBody) != null) {
      return new TransientWriteException(message, failure);
    }
    if (status != null) {
      if (status >= 500 || status == TOO_MANY_REQUESTS) {
        return new TransientWriteException(message, failure);
      }
      return new ConnectException(message, failure);
    }
    CertificateException certificate = CauseChain.first(failure, CertificateException.class);
    if (certificate != null) {
      // An untrusted or invalid certificate arrives as an IOException (the handshake's) but is no
      // less wrong on the next attempt: ssl_truststore_* or the endpoint must change.
      return new ConnectException(message + " (certificate not trusted: " + certificate.getMessage()
          + "; see ssl_truststore_location)", failure);
    }
    if (CauseChain.first(failure, IOException.class) != null || CauseChain.first(failure, TimeoutException.class) != null
        || CauseChain.first(failure, WriteFailures::isUnreadableAnswer) != null) {
      return new TransientWriteException(message, failure);
    }
    return new ConnectException(message, failure);
  }

  /**
   * The SDK could not parse a successful answer ("Can't bind xml to ..."): what a body cut off by a
   * dropped connection or a proxy looks like, since the SDK reads a short body without an I/O error.
   * Every request the sink makes can be repeated (DDL with IF NOT EXISTS, a fresh upload session).
   */
  private static boolean isUnreadableAnswer(Throwable t) {
    return t instanceof OdpsException && t.getMessage() != null && t.getMessage().startsWith(UNREADABLE_ANSWER);
  }

  /**
   * An error status whose body was empty: the service always explains its 4xx in the body, so this
   * is a connection cut while the answer came (what the upsert stream's Netty client reads when a
   * connection drops mid-request), not a refusal of the data.
   */
  private static boolean isAnswerWithoutBody(Throwable t) {
    return t instanceof TunnelException && TunnelConstants.LOCAL_ERROR_CODE.equals(((TunnelException) t).getErrorCode())
        && EMPTY_ERROR_BODY.equals(((TunnelException) t).getErrorMsg());
  }

  private static String describe(Throwable failure, Integer status) {
    String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return status == null ? text : "HTTP " + status + ": " + text;
  }
}
