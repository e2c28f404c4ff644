# Sourced by ./mvnw, ./tickitecking and .ci/run: makes JAVA_HOME point at a JDK 25 or newer.
# Keeps a JAVA_HOME that already qualifies; otherwise looks in the usual install folders.
tickitecking_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Prints the first JDK >= 25 found; runs in a subshell, so turning globbing on here does not leak to ./mvnw.
tickitecking_find_jdk() (
  set +f
  for candidate in "${JAVA_HOME:-/nonexistent}" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent/bin/javac)")")")"; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(tickitecking_java_major "$candidate")
    if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
)

if tickitecking_jdk=$(tickitecking_find_jdk); then
  export JAVA_HOME="$tickitecking_jdk"
else
  echo "Tickitecking needs a JDK 25 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset})." >&2
  echo "Install one (e.g. Eclipse Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
fi
