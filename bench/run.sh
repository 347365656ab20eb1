#!/usr/bin/env bash
# Builds the service and the benchmarks (-Pbench), runs every scenario RUNS times, each in a fresh JVM, and writes
# the raw figures (results.jsonl), the medians (report.md) and the machine description into OUT.
#
#   bench/run.sh                      # all scenarios, 3 runs, results in bench/results/<date>/
#   RUNS=5 bench/run.sh               # more runs
#   SCENARIOS="scale" bench/run.sh    # some scenarios only (startup inbound outbox scale)
#   QUICK=1 bench/run.sh              # short phases, no real-time DingTalk pacing: tries the harness, not for figures
#   MVN_OFFLINE= bench/run.sh         # let Maven download (default: offline, -o)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SCENARIOS=${SCENARIOS:-startup inbound outbox scale}
OUT=${OUT:-bench/results/$(date +%Y-%m-%d)}
MVN_OFFLINE=${MVN_OFFLINE--o}
EXTRA=()
if [[ -n "${QUICK:-}" ]]; then EXTRA+=(--quick); fi

mvn -B -q ${MVN_OFFLINE} -Pbench -DskipTests package
CP=target/bench-classes:target/zwgk-bot.jar
mkdir -p "$OUT" target/bench-logs
rm -f "$OUT/results.jsonl"
{
  echo "date: $(date -Iseconds)"
  echo "command: bench/run.sh (RUNS=$RUNS SCENARIOS=\"$SCENARIOS\"${QUICK:+ QUICK=1})"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | sed 's/^/java: /'
} > "$OUT/machine.txt"

for run in $(seq 1 "$RUNS"); do
  for scenario in $SCENARIOS; do
    echo "load average before $scenario run $run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    java -Dfile.encoding=UTF-8 -cp "$CP" io.zwgk.bot.bench.BenchMain "$scenario" --run "$run" \
      --out "$OUT/results.jsonl" "${EXTRA[@]}" 2> >(grep -v ' DEBUG ' >> "target/bench-logs/harness.log" || true)
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

java -Dfile.encoding=UTF-8 -cp "$CP" io.zwgk.bot.bench.BenchMain report "$OUT/results.jsonl" > "$OUT/report.md"
echo "results: $OUT/results.jsonl, medians: $OUT/report.md"
