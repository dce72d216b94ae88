#!/usr/bin/env bash
# Throughput of the benchmark runner (editloop bench run) against fixed-delay backends: 64 cases of 3 rounds at
# K = 4, 16 and 64 (editor 1.0 s, thinker 0.5 s), then 64 and 1,024 cases at K = 64 for memory, each configuration in a
# JVM of its own so that its peak RSS is its own. Prints one line per configuration and run (see RunnerThroughput),
# with the machine's load average before each, since other work on the machine lowers the efficiency at high K.
#
#   scripts/runner-throughput.sh [EDIT_MS=1000] [THINK_MS=500] [REPEAT=1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=jdk.sh
. "$root/scripts/jdk.sh"
editloop_find_jdk
edit="${1:-1000}"
think="${2:-500}"
repeat="${3:-1}"
(cd "$root" && ./mvnw -q -o -pl editloop-perf -am package -DskipTests)
cp="$root/editloop-perf/target/editloop-perf.jar:$root/editloop-perf/target/lib/*"
run() {
  printf 'load %s | ' "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
  "$JAVA_HOME/bin/java" -cp "$cp" dev.editloop.perf.RunnerThroughput "$@" 2>/dev/null | grep cases
}
for _ in $(seq "$repeat"); do
  for k in 4 16 64; do
    run 64 "$k" 3 "$edit" "$think"
  done
done
for n in 64 1024; do
  run "$n" 64 3 "$edit" "$think"
done
