package dev.mcsink.mcsql;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.task.SQLTask;
import java.util.Map;

/**
 * Runs statements through the official SDK, exactly as application code would: an {@link Odps}
 * client with an {@code AliyunAccount} ({@link ConnectionSettings#client()}),
 * {@link SQLTask#run(Odps, String, String, Map, Map)}, then {@link Instance#waitForSuccess(long)}
 * and the raw task result.
 *
 * <p>Only calls present in both SDK 0.53.x and 0.57.x are used. The raw result (not
 * {@code SQLTask.getResult}) is read so that NULL ({@code \N}) survives and so that the result's
 * {@code Format} tells a result set from the text of DESC/SHOW.
 */
public final class OdpsSqlExecutor implements SqlExecutor {
  private static final long POLL_MILLIS = 200;

  private final Odps odps;
  private final String project;

  public OdpsSqlExecutor(ConnectionSettings settings) {
    this.odps = settings.client();
    this.project = settings.project();
  }

  @Override
  public TaskOutput run(SqlJob job) throws SqlFailure {
    try {
      // The service wants the statement terminated, as the SDK's own generated SQL is.
      Instance instance = SQLTask.run(odps, project, job.sql() + ";",
          job.hints().isEmpty() ? null : job.hints(), null);
      instance.waitForSuccess(POLL_MILLIS);
      Map<String, Instance.Result> results = instance.getTaskResultsWithFormat();
      Instance.Result result = results.get(SQLTask.AnonymousSQLTaskName);
      if (result == null && results.size() == 1) {
        result = results.values().iterator().next();
      }
      return result == null ? new TaskOutput(null, "") : new TaskOutput(result.getFormat(), result.getString());
    } catch (OdpsException e) {
      throw new SqlFailure(describe(e), e);
    } catch (RuntimeException e) {
      throw new SqlFailure(String.valueOf(e.getMessage()), e);
    }
  }

  private static String describe(OdpsException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
    }
    return message;
  }
}
