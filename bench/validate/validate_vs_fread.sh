#!/usr/bin/env bash
# nmt validate vs R data.table::fread on the same file, interleaved, REPS times each (bench/README.md,
# "Load + validate vs R data.table::fread"). Needs /usr/bin/time, Rscript with data.table, and the published CLI:
#   dotnet publish src/Nmt.Analytics.Cli -c Release -r linux-x64 --self-contained false -o /tmp/nmt-data
#   bash bench/validate/validate_vs_fread.sh FILE [REPS=4] [NMT=/tmp/nmt-data/nmt]
# Each line: tool, wall, user, sys, peak RSS, load average just before the run; for fread also its own
# system.time (elapsed = fread alone, without R's start-up).
set -euo pipefail
file="$1"; reps="${2:-4}"; nmt="${3:-/tmp/nmt-data/nmt}"
measure() {  # name, command...
  local name="$1"; shift
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local out; out="$(mktemp)"
  /usr/bin/time -v "$@" > "$out.stdout" 2> "$out" || true
  local wall user sys rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out")"
  user="$(sed -n 's/.*User time (seconds): //p' "$out")"
  sys="$(sed -n 's/.*System time (seconds): //p' "$out")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out")"
  local extra=""
  if [[ "$name" == fread ]]; then extra="  fread system.time: $(grep -A1 elapsed "$out.stdout" | tail -1 | xargs)"; fi
  printf '%-6s wall %8s  user %6s  sys %5s  peak %4d MB  load %6s%s\n' "$name" "$wall" "$user" "$sys" "$((rss / 1024))" "$load" "$extra"
  rm -f "$out" "$out.stdout"
}
for ((i = 1; i <= reps; i++)); do
  measure nmt "$nmt" validate "$file"
  measure fread Rscript -e "library(data.table); setDTthreads(2); print(system.time(d <- fread('$file')))"
done
