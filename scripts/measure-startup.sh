#!/usr/bin/env bash
# Measures how long `./cairn run` takes from process start to answering /health, on a data
# directory given (or a new empty one). Prints JSON as its last line.
# Usage: scripts/measure-startup.sh [DATA_DIR] [PORT]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data=${1:-$(mktemp -d)}
port=${2:-18123}
log=$(mktemp)
start=$(date +%s%N)
CAIRN_SKIP_BUILD=1 "$root/cairn" run --data "$data" --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  if ! kill -0 $pid 2>/dev/null; then echo "cairn run exited:"; cat "$log"; exit 1; fi
  sleep 0.02
done
end=$(date +%s%N)
echo "{\"health_ms\": $(( (end - start) / 1000000 )), \"data\": \"$data\"}"
