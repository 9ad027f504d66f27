#!/usr/bin/env bash
# Runs the file store's benchmark harnesses (src/test/java/.../bench) outside Maven's test phase.
# Usage: eventstore-file/scripts/bench.sh append EVENTS WRITERS BATCH SIZE [DIR] [platform]
#        eventstore-file/scripts/bench.sh read DIR
#        eventstore-file/scripts/bench.sh large DIR [EVENTS] [STREAMS]     (runs its phases with -Xmx512m)
# Each prints one JSON line (the large harness one per phase). Run from the repository root.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
(cd "$root" && ./mvnw -B -q -f eventstore-file/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null)
cp="$here/target/classes:$here/target/test-classes:$(cat "$here/target/bench-classpath.txt")"
what=$1; shift
case "$what" in
  append) exec "$java" -Xmx2g -cp "$cp" dev.cairn.eventstore.file.bench.AppendBench "$@" ;;
  read)   exec "$java" -Xmx1g -cp "$cp" dev.cairn.eventstore.file.bench.ReadBench "$@" ;;
  large)  dir=$1; shift; exec "$java" -Xmx512m -cp "$cp" dev.cairn.eventstore.file.bench.LargeLogHarness all "$dir" "$@" ;;
  *) echo "unknown benchmark $what" >&2; exit 2 ;;
esac
