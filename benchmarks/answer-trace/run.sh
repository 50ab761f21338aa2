#!/usr/bin/env bash
# The answer engine's latency, trace off and on (TraceBenchmark.java), in process.
#   bash benchmarks/answer-trace/run.sh [--chunks=2000] [--repetitions=3000] [--warmup=1000] [--trace=both|off]
# Run from a checkout's root; it compiles retrieval, ingestion, answer and api (and retrieval's
# tests, for the word-hash embedding model) and runs the benchmark on their classes.
# Against an older build: run it from that checkout (a build without the trace measures
# trace off only).
set -euo pipefail
root=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cp=$(mktemp)
./mvnw -B -q -o -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test \
    -Djacoco.skip=true -Dcheckstyle.skip=true >/dev/null
classpath="$root/api/target/classes:$root/answer/target/classes:$root/ingestion/target/classes:$root/retrieval/target/classes"
classpath="$classpath:$root/retrieval/target/test-classes:$(cat "$cp")"
rm -f "$cp"
script=$(dirname "${BASH_SOURCE[0]}")/TraceBenchmark.java
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g \
    -cp "$classpath" "$script" "$@" 2> >(grep -v -e WARNING -e 'incubator' >&2)
