package dev.mcsink.mcsql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code set k=v} statements into hints of the statements that follow them.
 *
 * <p>MaxCompute does not run {@code set} as a statement of its own: odpscmd keeps the settings of
 * the session and sends them as the task's hints (its {@code settings} property) with every later
 * statement. That is how {@code set odps.sql.allow.fullscan=true;} lets the next SELECT scan a
 * partitioned table. A later {@code set} of the same key replaces the value.
 */
public final class HintCollector {
  private static final Pattern SET = Pattern.compile("(?is)set\\s+(.*)");
  private static final Pattern SETTING = Pattern.compile("(?s)([^=\\s]+)\\s*=\\s*(.*)");

  private HintCollector() {}

  /** @throws IllegalArgumentException for a {@code set} without {@code key=value} */
  public static List<SqlJob> collect(List<String> statements) {
    Map<String, String> hints = new LinkedHashMap<>();
    List<SqlJob> jobs = new ArrayList<>();
    for (String statement : statements) {
      Matcher set = SET.matcher(statement);
      if (set.matches()) {
        Matcher setting = SETTING.matcher(set.group(1).strip());
        if (!setting.matches() || setting.group(2).isBlank()) {
          throw new IllegalArgumentException("Expected 'set key=value', got: " + statement);
        }
        hints.put(setting.group(1), setting.group(2).strip());
      } else {
        jobs.add(new SqlJob(statement, hints));
      }
    }
    return jobs;
  }
}
