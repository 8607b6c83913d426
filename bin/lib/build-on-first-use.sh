# Shared by the bin/ scripts that run a module's class (sourced, not run).
#
# ensure_module_built ROOT MODULE JAR
#   Builds MODULE (with the modules it needs) unless JAR and its class path file exist and nothing
#   under MODULE/src, MODULE/pom.xml or the root pom.xml is newer than JAR. Maven runs quietly;
#   its output is shown only when the build fails. Set MVN to use another Maven command.

ensure_module_built() {
  local root="$1" module="$2" jar="$3"
  if [[ -f "$jar" && -f "$root/$module/target/runtime-classpath.txt" ]] \
      && [[ -z "$(find "$root/$module/src" "$root/$module/pom.xml" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  local what="${BUILD_DESCRIPTION:-$module}"
  if [[ -f "$jar" ]]; then
    echo "Rebuilding $what (sources changed)..." >&2
  else
    echo "Building $what (first use)..." >&2
  fi
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/build-$module.XXXXXX.log")"
  if ! (cd "$root" && ${MVN:-mvn} -q -pl "$module" -am package -DskipTests) >"$log" 2>&1; then
    cat "$log" >&2
    echo "Build of $module failed (command: mvn -q -pl $module -am package -DskipTests in $root)." >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  # Maven leaves the jar untouched when nothing changed; touch it so the check above passes next time.
  touch "$jar"
}

# module_classpath ROOT MODULE JAR: the jar and its runtime dependencies, as written by the build.
module_classpath() {
  local root="$1" module="$2" jar="$3"
  echo "$jar:$(cat "$root/$module/target/runtime-classpath.txt")"
}

# The java to run: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
java_command() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    echo java
  fi
}
