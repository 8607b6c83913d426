package com.aliyun.odps.kafka.connect.validation;

import com.aliyun.odps.kafka.connect.config.ConfigProblem;
import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.errors.CauseChain;
import com.aliyun.odps.kafka.connect.tls.TlsFailures;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A failed call to MaxCompute as a problem on the key the user has to change, with the reason and
 * never the access key: validation reports it on that key, and a task that cannot start says it in
 * its status trace.
 */
public final class ServiceFailures {
  private ServiceFailures() {
  }

  /**
   * Certificate not trusted ({@code endpoint}), credentials refused ({@code access_id}) or nothing
   * answering ({@code endpoint}); empty for any other failure (the service's own answer says it).
   */
  public static Optional<ConfigProblem> recognize(SinkSettings settings, Throwable failure) {
    String endpoint = "MaxCompute at " + settings.endpoint();
    Optional<String> tls = TlsFailures.explain(failure, endpoint, settings.trustStore());
    if (tls.isPresent()) {
      return Optional.of(new ConfigProblem(MaxComputeSinkConfig.ENDPOINT, tls.get()));
    }
    String reason = withoutSecret(reasonOf(failure), settings.accessKey());
    Integer status = CauseChain.httpStatus(failure);
    if (status != null && (status == 401 || status == 403)) {
      return Optional.of(new ConfigProblem(MaxComputeSinkConfig.ACCESS_ID,
          "MaxCompute refused access for access_id '" + settings.accessId() + "' (HTTP " + status + "): " + reason));
    }
    if (isUnreachable(failure)) {
      return Optional.of(new ConfigProblem(MaxComputeSinkConfig.ENDPOINT, "cannot reach " + endpoint + ": " + reason));
    }
    return Optional.empty();
  }

  /** As {@link #recognize}; any other failure on {@code endpoint}. */
  public static ConfigProblem describe(SinkSettings settings, Throwable failure) {
    return recognize(settings, failure).orElseGet(() -> new ConfigProblem(MaxComputeSinkConfig.ENDPOINT,
        "cannot talk to MaxCompute at " + settings.endpoint() + ": "
            + withoutSecret(reasonOf(failure), settings.accessKey())));
  }

  private static boolean isUnreachable(Throwable failure) {
    return CauseChain.first(failure, t -> t instanceof UnknownHostException || t instanceof ConnectException
        || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) != null;
  }

  /** The exception's message and, when different, its root cause's (e.g. "Connection refused"). */
  static String reasonOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root == e) {
      return top;
    }
    String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    return top.contains(rootText) ? top : top + " (" + rootText + ")";
  }

  /** Defense in depth: whatever the service or the SDK put in a message, the secret stays out. */
  static String withoutSecret(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, "[hidden]");
  }
}
