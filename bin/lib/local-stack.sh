# Shared by bin/quickstart and bin/lib/kafka-run-tool (sourced after build-on-first-use.sh).
#
# ensure_local_stack_built ROOT
#   Resolves Kafka's broker, tools and Connect runtime and the Prometheus JMX exporter's agent
#   through Maven and builds the module's jar (the status lines' code; module local-stack) unless
#   that jar, the agent and local-stack/target/runtime-classpath.txt exist and the jar is newer
#   than local-stack/src, local-stack/pom.xml and the root pom.xml.
# local_stack_classpath ROOT
#   Those jars as a class path.
# ensure_connector_plugin ROOT STACK_DIR
#   Builds the connector when its main sources changed and prints the directory to use as the
#   worker's plugin.path: connector/target/plugin when the build packages a plugin directory there,
#   else STACK_DIR/plugins, holding mcsink/ = the connector jar and its runtime dependencies.

LOCAL_STACK_CLASSPATH_FILE=local-stack/target/runtime-classpath.txt
LOCAL_STACK_JAR=local-stack/target/local-stack-0.1.0-SNAPSHOT.jar
# The same paths as dev.mcsink.stack.PrometheusAgent's: the agent the module's build copies, and its rules.
PROMETHEUS_AGENT_JAR=local-stack/target/jmx-exporter/jmx_prometheus_javaagent.jar
PROMETHEUS_RULES=local-stack/src/main/config/connect-jmx-exporter.yml

ensure_local_stack_built() {
  local root="$1"
  local product="$root/$LOCAL_STACK_JAR"
  # One build makes all three; the jar stands for them, unless the agent is missing (a build
  # from before the agent was added).
  [[ -f "$root/$PROMETHEUS_AGENT_JAR" ]] || product="$root/$PROMETHEUS_AGENT_JAR"
  BUILD_DESCRIPTION="Kafka broker, tools, Connect runtime and Prometheus agent (jars resolved through Maven)" \
    ensure_module_built "$root" local-stack "$product"
}

local_stack_classpath() {
  cat "$1/$LOCAL_STACK_CLASSPATH_FILE"
}

CONNECTOR_JAR_PATTERN='kafka-connect-maxcompute-*.jar'

connector_jar() {
  local root="$1" jar
  for jar in "$root"/connector/target/$CONNECTOR_JAR_PATTERN; do
    case "$jar" in *-tests.jar|*-sources.jar|*-javadoc.jar) continue ;; esac
    [[ -f "$jar" ]] && { echo "$jar"; return 0; }
  done
  return 1
}

ensure_connector_plugin() {
  local root="$1" stack_dir="$2" jar log
  jar="$(connector_jar "$root" || true)"
  if [[ -z "$jar" || -n "$(find "$root/connector/src/main" "$root/connector/pom.xml" "$root/pom.xml" \
        -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    if [[ -z "$jar" ]]; then echo "Building the connector (first use)..." >&2
    else echo "Rebuilding the connector (sources changed)..." >&2; fi
    log="$(mktemp "${TMPDIR:-/tmp}/build-connector.XXXXXX.log")"
    # copy-dependencies in the same reactor run: the connector's test-scoped reactor dependency
    # (local-maxcompute) then needs no prior 'mvn install'. Each module copies into its own target/dependency.
    rm -rf "$root/connector/target/dependency"
    if ! (cd "$root" && ${MVN:-mvn} -q -pl connector -am package dependency:copy-dependencies \
          -DskipTests -DincludeScope=runtime) >"$log" 2>&1; then
      cat "$log" >&2
      echo "Build of the connector failed (command: mvn -q -pl connector -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime in $root)." >&2
      rm -f "$log"
      exit 1
    fi
    rm -f "$log"
    jar="$(connector_jar "$root")"
    touch "$jar"
  fi

  # A plugin directory packaged by the connector's own build wins: it is what users deploy. The
  # package phase that made the jar current (above) also remade it.
  local packaged
  for packaged in "$root"/connector/target/plugin/*/; do
    if [[ -d "$packaged" ]]; then
      echo "$root/connector/target/plugin"
      return 0
    fi
  done

  local plugin="$stack_dir/plugins/mcsink"
  if [[ ! -f "$plugin/.complete" || "$jar" -nt "$plugin/.complete" ]]; then
    if [[ ! -d "$root/connector/target/dependency" ]]; then
      # The jar is current but its dependencies were never copied (e.g. built by 'mvn package').
      (cd "$root" && ${MVN:-mvn} -q -pl connector dependency:copy-dependencies -DincludeScope=runtime) >&2 || exit 1
    fi
    rm -rf "$plugin"
    mkdir -p "$plugin"
    cp "$jar" "$plugin/"
    cp "$root"/connector/target/dependency/*.jar "$plugin/"
    touch "$plugin/.complete"
  fi
  echo "$stack_dir/plugins"
}
