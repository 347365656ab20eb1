#!/usr/bin/env bash
# Memory bound of the site monitor (issue 11 item 2): the service runs with -Xmx512m and scans a unit whose pages
# never end (bench/endless_page.py streams 64 KiB chunks forever); prints the highest RSS seen during the scan and
# the monitor's answer. Needs the built jar (mvn -B package -DskipTests), python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait; rm -rf "$work"' EXIT
page_port=18555 http_port=18556
python3 bench/endless_page.py "$page_port" &
cp -r bot-config "$work/cfg"
python3 - "$work/cfg/monitor.yaml" "$page_port" <<'PY'
import sys
path, port = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
s = s.replace("allowedHosts:\n", "allowedHosts:\n  - 127.0.0.1:%s\n" % port, 1)
s = s.replace("units: []", "units:\n  - name: 县水利局\n    homePage: http://127.0.0.1:%s/index.html\n"
              "    guidePage: http://127.0.0.1:%s/guide.html\n" % (port, port))
open(path, "w", encoding="utf-8").write(s)
PY
ZWGK_CONFIG_DIR="$work/cfg" ZWGK_DATA_DIR="$work/data" ZWGK_HTTP_PORT=$http_port ZWGK_ADMIN_TOKEN=bench \
  java -Xmx512m -jar target/zwgk-bot.jar > "$work/service.log" 2>&1 &
pid=$!
until curl -sf "localhost:$http_port/health" > /dev/null; do sleep 0.5; done
echo "RSS before the scan: $(ps -o rss= -p $pid) KiB"
curl -s -X POST "localhost:$http_port/api/v1/monitor/run?unit=县水利局" -H "Authorization: Bearer bench" \
  > "$work/run.json" &
scan=$!
max=0
while kill -0 $scan 2> /dev/null; do
  rss=$(ps -o rss= -p $pid); [ "$rss" -gt "$max" ] && max=$rss
  sleep 0.2
done
echo "highest RSS during the scan: $max KiB (OutOfMemoryErrors logged: $(grep -c OutOfMemory "$work/service.log" || true))"
cat "$work/run.json"; echo
