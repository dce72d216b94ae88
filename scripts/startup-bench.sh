#!/usr/bin/env bash
# Cold-start benchmark of the README demo: runs `editloop edit` on examples/chelsea.png ("make this look like an old
# photograph") N times per variant, alternating the variants so that a busy machine slows them alike, and prints the
# median and minimum wall time of each.
#
#   scripts/startup-bench.sh [RUNS] [OTHER_CHECKOUT]
#
# Variants: this checkout's ./editloop with its class-data-sharing archive, the same without it (EDITLOOP_NO_CDS=1),
# and, when OTHER_CHECKOUT is given, that checkout's ./editloop (e.g. an older commit, to compare before and after).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
other="${2:-}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

demo() { # $1 = launcher, $2 = output folder; the launcher's environment comes from the caller
  (cd "$(dirname "$1")" && "$1" edit --image examples/chelsea.png \
    --instruction "make this look like an old photograph" --out "$2" --quiet >/dev/null)
}

names=("cds" "no-cds")
launchers=("$root/editloop" "$root/editloop")
envs=("" "EDITLOOP_NO_CDS=1")
if [ -n "$other" ]; then
  names+=("other"); launchers+=("$(cd "$other" && pwd)/editloop"); envs+=("")
fi
# one untimed run each: builds what is stale and writes the archive, as a user's first run does
for i in "${!names[@]}"; do
  env ${envs[$i]} bash -c "$(declare -f demo); demo '${launchers[$i]}' '$out/warm-$i'"
done
for r in $(seq "$runs"); do
  for i in "${!names[@]}"; do
    start=$(date +%s%N)
    env ${envs[$i]} bash -c "$(declare -f demo); demo '${launchers[$i]}' '$out/run-$r-$i'"
    echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$out/${names[$i]}.ms"
  done
done
for name in "${names[@]}"; do
  sort -n "$out/$name.ms" | awk -v n="$name" '{a[NR]=$1} END {printf "%-8s median %5d ms  min %5d ms  (%d runs)\n", n, a[int((NR+1)/2)], a[1], NR}'
done
