package dev.mcsink.localmc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable start-up settings, as {@code LocalMaxCompute.Builder} and the command line collect them;
 * a type of its own so that {@link LocalMaxComputeServer}, which they configure, does not depend back
 * on the public handle that owns it.
 */
record ServiceSettings(String host, int port, Path dataDir, List<String> projects,
    Map<String, String> accounts, Duration stsTokenLifetime, boolean enforceLimits,
    String timeZone) {
  ServiceSettings {
    projects = List.copyOf(projects);
    accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
  }
}
