package dev.mcsink.localmc.faults;

/** Names of the service's routes, for fault rules and logs. */
public final class RouteNames {
  public static final String PROJECT = "project";
  public static final String TENANT = "tenant";
  public static final String TUNNEL_ENDPOINT = "tunnel-endpoint";
  public static final String LOGS = "logs";
  public static final String TABLE = "table";
  public static final String TABLES = "tables";
  public static final String FUNCTIONS = "functions";
  public static final String INSTANCE_CREATE = "instance-create";
  public static final String INSTANCE_GET = "instance-get";
  public static final String UPLOAD_CREATE = "upload-create";
  public static final String UPLOAD_RELOAD = "upload-reload";
  public static final String UPLOAD_BLOCK = "upload-block";
  public static final String UPLOAD_COMMIT = "upload-commit";
  public static final String STREAM_CREATE = "stream-create";
  public static final String STREAM_RELOAD = "stream-reload";
  public static final String STREAM_WRITE = "stream-write";
  public static final String UPSERT_CREATE = "upsert-create";
  public static final String UPSERT_RELOAD = "upsert-reload";
  public static final String UPSERT_WRITE = "upsert-write";
  public static final String UPSERT_COMMIT = "upsert-commit";
  public static final String UPSERT_ABORT = "upsert-abort";
  public static final String DOWNLOAD_CREATE = "download-create";
  public static final String DOWNLOAD_RELOAD = "download-reload";
  public static final String DOWNLOAD_READ = "download-read";
  public static final String STS = "sts";
  public static final String AUTHORIZATION = "authorization";
  public static final String INSTANCE_DOWNLOAD_CREATE = "instance-download-create";
  public static final String INSTANCE_DOWNLOAD_RELOAD = "instance-download-reload";
  public static final String INSTANCE_DOWNLOAD_READ = "instance-download-read";
  public static final String UNKNOWN = "unknown";

  private RouteNames() {}
}
