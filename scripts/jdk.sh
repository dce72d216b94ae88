# Sourced by ./editloop, ./mvnw and .ci/run: selects a JDK 21 or newer and exports JAVA_HOME.
# Order: JAVA_HOME if it is 21+, then the newest JDK under /usr/lib/jvm, then `java` on PATH.

editloop_jdk_major() { # $1 = JDK home; prints its major version or nothing
  local home="$1" v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "$v" = "1" ] && v=8
  echo "$v"
}

editloop_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(editloop_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
    major=$(editloop_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(editloop_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      best="$candidate"
    fi
  fi
  if [ -z "$best" ]; then
    echo "editloop: no JDK 21 or newer found (looked at JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm/*, java on PATH)." >&2
    echo "editloop: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
