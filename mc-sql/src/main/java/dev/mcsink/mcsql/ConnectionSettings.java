package dev.mcsink.mcsql;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import java.util.Map;

/**
 * Where mc-sql connects and as whom. Each value comes from its flag, else its environment
 * variable, else the local service's default. The AccessKey pair is taken as a pair from one
 * source: an id from the flags with a key from the environment would be a silent mix-up.
 */
public record ConnectionSettings(String endpoint, String project, String accessId, String accessKey,
    String schema) {
  public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080/api";
  public static final String DEFAULT_PROJECT = "project_name";
  public static final String DEFAULT_ACCESS_ID = "local-access-id";
  public static final String DEFAULT_ACCESS_KEY = "local-access-key";

  public static final String ENV_ENDPOINT = "MC_ENDPOINT";
  public static final String ENV_PROJECT = "MC_PROJECT";
  public static final String ENV_ACCESS_ID = "MC_ACCESS_ID";
  public static final String ENV_ACCESS_KEY = "MC_ACCESS_KEY";

  /**
   * @param flagAccessId  null unless --access-id was given (picocli makes it come with --access-key)
   * @throws IllegalArgumentException when the environment holds only half of the AccessKey pair
   */
  public static ConnectionSettings resolve(String flagEndpoint, String flagProject, String flagAccessId,
      String flagAccessKey, String flagSchema, Map<String, String> env) {
    String endpoint = firstSet(flagEndpoint, env.get(ENV_ENDPOINT), DEFAULT_ENDPOINT);
    String project = firstSet(flagProject, env.get(ENV_PROJECT), DEFAULT_PROJECT);
    String id;
    String key;
    if (isSet(flagAccessId)) {
      id = flagAccessId;
      key = flagAccessKey;
    } else if (isSet(env.get(ENV_ACCESS_ID)) || isSet(env.get(ENV_ACCESS_KEY))) {
      if (!isSet(env.get(ENV_ACCESS_ID)) || !isSet(env.get(ENV_ACCESS_KEY))) {
        throw new IllegalArgumentException(
            "Set both " + ENV_ACCESS_ID + " and " + ENV_ACCESS_KEY + ", or neither");
      }
      id = env.get(ENV_ACCESS_ID);
      key = env.get(ENV_ACCESS_KEY);
    } else {
      id = DEFAULT_ACCESS_ID;
      key = DEFAULT_ACCESS_KEY;
    }
    return new ConnectionSettings(endpoint, project, id, key, isSet(flagSchema) ? flagSchema : null);
  }

  /** A client of the official SDK signed with this AccessKey pair, on this project (and schema). */
  public Odps client() {
    Odps odps = new Odps(new AliyunAccount(accessId, accessKey));
    odps.setEndpoint(endpoint);
    odps.setDefaultProject(project);
    if (schema != null) {
      odps.setCurrentSchema(schema);
    }
    return odps;
  }

  /** Never shows the key: records print themselves in exception messages and debuggers. */
  @Override
  public String toString() {
    return "ConnectionSettings[endpoint=" + endpoint + ", project=" + project + ", accessId=" + accessId
        + ", schema=" + schema + "]";
  }

  private static String firstSet(String... candidates) {
    for (String candidate : candidates) {
      if (isSet(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no default");
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
