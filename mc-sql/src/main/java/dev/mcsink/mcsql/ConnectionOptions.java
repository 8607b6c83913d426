package dev.mcsink.mcsql;

import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The flags that say which MaxCompute to connect to and as whom, shared by the command-line tools
 * over the SDK ({@code @Mixin}). Their help comes after a command's own options (order 101-105).
 */
public final class ConnectionOptions {
  @Option(names = "--endpoint", paramLabel = "URL", order = 101,
      description = "ODPS endpoint. Default: $MC_ENDPOINT, else "
          + ConnectionSettings.DEFAULT_ENDPOINT + " (the local service).")
  private String endpoint;

  @Option(names = "--project", paramLabel = "P", order = 102,
      description = "Project. Default: $MC_PROJECT, else " + ConnectionSettings.DEFAULT_PROJECT + ".")
  private String project;

  @ArgGroup(exclusive = false, order = 103)
  private AccessKeyPair accessKeyPair;

  @Option(names = "--schema", paramLabel = "S", order = 105,
      description = "Schema for unqualified table names (projects with schemas). Default: none.")
  private String schema;

  static final class AccessKeyPair {
    @Option(names = "--access-id", paramLabel = "ID", required = true, order = 103,
        description = "AccessKey id (needs --access-key). Default: $MC_ACCESS_ID, else "
            + ConnectionSettings.DEFAULT_ACCESS_ID + ".")
    String id;

    @Option(names = "--access-key", paramLabel = "KEY", required = true, order = 104,
        description = "AccessKey secret (needs --access-id). Default: $MC_ACCESS_KEY, else the local "
            + "service's default. Never printed.")
    String key;
  }

  /**
   * Flags, then environment, then defaults; valid after picocli has parsed the arguments.
   *
   * @throws IllegalArgumentException when the environment holds only half of the AccessKey pair
   */
  public ConnectionSettings resolve(Map<String, String> env) {
    return ConnectionSettings.resolve(endpoint, project,
        accessKeyPair == null ? null : accessKeyPair.id,
        accessKeyPair == null ? null : accessKeyPair.key,
        schema, env);
  }
}
