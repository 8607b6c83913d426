package dev.mcsink.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the broker's and the worker's jars and logging configuration are: the class path the
 * local-stack module resolves (Apache Kafka's own jars, target/runtime-classpath.txt), as
 * bin/quickstart uses it.
 *
 * @param stackClassPath Kafka broker, tools and Connect runtime jars
 * @param log4jConfig the log4j2 configuration of bin/quickstart's processes
 */
public record StackJars(String stackClassPath, Path log4jConfig) {
  public List<String> jvmOptions(String heap) {
    List<String> options = new ArrayList<>();
    options.add("-Xms" + heap);
    options.add("-Xmx" + heap);
    options.add("-Dlog4j2.configurationFile=" + log4jConfig);
    return options;
  }
}
