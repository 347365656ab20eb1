#!/usr/bin/env bash
# Profiles one inbound server by hand: starts it (bare, app, stack or stack-nocache) as bench/run.sh does, warms it
# with signed DingTalk callbacks, then measures a closed loop and prints throughput and CPU per 1,000 requests.
# With JFR=1 the measurement is also recorded to target/bench-logs/profile-<server>.jfr (settings=profile).
#
#   bench/profile.sh app                 # 30 s warm-up, 15 s measured
#   WARM=60 SECS=30 JFR=1 bench/profile.sh app
#   NOBUILD=1 bench/profile.sh bare      # skip the Maven build
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${1:?usage: bench/profile.sh bare|app|stack|stack-nocache}
WARM=${WARM:-30}
SECS=${SECS:-15}
[[ -n "${NOBUILD:-}" ]] || mvn -B -q -o -Pbench -DskipTests package
CP=target/bench-classes:target/zwgk-bot.jar
mkdir -p target/bench-logs
PORT=$(java -cp "$CP" io.zwgk.bot.bench.BenchMain free-port)
DATA=$(mktemp -d)
FIFO=$(mktemp -u)
mkfifo "$FIFO"
JFR_OPTS=()
if [[ -n "${JFR:-}" ]]; then
  JFR_OPTS=(-XX:StartFlightRecording=delay=${WARM}s,duration=${SECS}s,settings=${JFR_SETTINGS:-profile},filename=target/bench-logs/profile-$SERVER.jfr)
fi
ZWGK_HTTP_PORT=$PORT ZWGK_HTTP_HOST=127.0.0.1 ZWGK_CONFIG_DIR=bot-config ZWGK_DATA_DIR=$DATA ZWGK_DEMO=true \
  DINGTALK_APP_SECRET=bench-app-secret \
  java -XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8 "${JFR_OPTS[@]}" -cp "$CP" io.zwgk.bot.bench.ServerMain "$SERVER" \
  < "$FIFO" > "target/bench-logs/profile-$SERVER.out" 2> "target/bench-logs/profile-$SERVER.log" &
SERVER_PID=$!
exec 3> "$FIFO"
trap 'echo exit >&3; exec 3>&-; wait $SERVER_PID || true; rm -rf "$FIFO" "$DATA"' EXIT
for _ in $(seq 1 240); do grep -q READY "target/bench-logs/profile-$SERVER.out" && break; sleep 0.5; done
grep -q READY "target/bench-logs/profile-$SERVER.out" || { echo "server did not start; see target/bench-logs/profile-$SERVER.log"; exit 1; }
java -Dfile.encoding=UTF-8 -cp "$CP" io.zwgk.bot.bench.BenchMain load "$PORT" "$WARM" "$SECS" "$SERVER_PID"
