#!/usr/bin/env bash
# Best-of-N against the plain loop and a single pass at the same budget of editor calls per case, on the demo set
# (examples/bench/demo.jsonl) with two editors: the embedded classic editor (deterministic) and the test kit's seeded
# editor (the classic editor at a strength that depends on the seed in a known way). Writes runs/bestofn/<editor>-<arm>
# and prints the paired comparisons. Usage: scripts/bestofn-bench.sh [BUDGET] [N]   (default 12 editor calls, N = 4)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
budget="${1:-12}"
n="${2:-4}"
./editloop --version >/dev/null                                   # builds the command when needed
./mvnw -q -o -pl editloop-testkit -am package -DskipTests         # the seeded editor lives in the test kit
# shellcheck source=scripts/jdk.sh
. scripts/jdk.sh
editloop_find_jdk
editloop() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
    -cp "editloop-cli/target/editloop-cli.jar:$(ls editloop-testkit/target/editloop-testkit-*.jar | head -1)" \
    dev.editloop.cli.Main "$@"
}
out=runs/bestofn
for editor in embedded seeded; do
  common=(bench run jsonl --data examples/bench/demo.jsonl --editor "$editor" --quiet)
  [ -d "$out/$editor-single" ] || editloop "${common[@]}" --strategy single --out "$out/$editor-single"
  [ -d "$out/$editor-loop" ] || editloop "${common[@]}" --max-turns "$budget" --out "$out/$editor-loop"
  [ -d "$out/$editor-best$n" ] || editloop "${common[@]}" --candidates "$n" --budget "$budget" --out "$out/$editor-best$n"
  [ -d "$out/$editor-sample$budget" ] ||
    editloop "${common[@]}" --candidates "$budget" --budget "$budget" --out "$out/$editor-sample$budget"
  for arm in single loop "best$n" "sample$budget"; do
    python3 - "$out/$editor-$arm" "$editor $arm" <<'PY'
import glob, json, sys
calls = cases = 0
for f in glob.glob(sys.argv[1] + "/cases/**/trajectory.json", recursive=True):
    t = json.load(open(f))
    cases += 1
    calls += sum(len(turn.get("candidates") or []) or 1 for turn in t["turns"])
print(f"{sys.argv[2]:<24} {cases} cases, {calls} editor calls, {calls / max(cases, 1):.2f} per case")
PY
  done
  editloop bench report "$out/$editor-best$n" --vs "$out/$editor-loop" --vs "$out/$editor-single" \
    --vs "$out/$editor-sample$budget"
done
