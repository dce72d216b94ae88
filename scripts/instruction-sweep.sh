#!/usr/bin/env bash
# Runs a benchmark's instructions through the embedded think-while-edit loop and prints, per edit type, how many
# runs failed honestly and how many claimed success (see InstructionSweep in editloop-perf).
# heldout, heldout2, …, heldout11: the held-out phrasing corpora (examples/heldout*), pass rate per family and
# every failure.
# --phrases minilm: the same loop with the MiniLM phrase mapper in front of the editor and the thinker (editloop-phrases);
# it prints every request it mapped and every clause it looked at and left.
# Usage: scripts/instruction-sweep.sh imgedit|risebench|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|FILE.json|FILE.jsonl [--list-claims] [--limit N] [--threads N]
#        [--phrases minilm] [--phrase-threshold X]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
editloop_find_jdk
if [ -z "${SWEEP_NO_BUILD:-}" ]; then
  "$root/mvnw" -q -o -B -DskipTests -pl editloop-perf -am package >&2
fi
cd "$root"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
  -cp "editloop-perf/target/editloop-perf.jar:editloop-perf/target/lib/*" dev.editloop.perf.InstructionSweep "$@"
