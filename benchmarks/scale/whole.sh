#!/usr/bin/env bash
# Questions about the whole knowledge base at scale (issue 71), on a data directory that is
# kept: ingest once (an hour at 100,000 documents on 2 cores), then measure any number of
# jars on it, interleaved. Usage, from the repository root:
#
#     DATA=../scale-100k bash benchmarks/scale/whole.sh ingest 100000
#     DATA=../scale-100k ROUNDS=3 bash benchmarks/scale/whole.sh measure old.jar api/target/ragchat.jar
#
# `ingest N` writes the corpus of `scale.py corpus` (N documents of WORDS words) into
# $DATA/corpus, starts the jar given as RAGCHAT_JAR (default api/target/ragchat.jar) on
# $DATA/work/data and ingests it through a folder source, as run.sh does. `measure` starts each
# jar in turn on that same data directory (ROUNDS times, jars interleaved), asks the 20
# which / how-many questions of `scale.py whole`, and prints one JSON line per run with the
# heap in use after them (jcmd GC.heap_info); the lines also go to $DATA/whole.jsonl.
#
# The embedding model is fake_gemini.py, as in run.sh. Knobs: DATA (required), WORDS (650),
# DIMENSIONS (64), ROUNDS (3), HEAP (2g).
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT_DIR"
SCALE_DIR="$ROOT_DIR/benchmarks/scale"
: "${DATA:?set DATA to the directory that keeps the corpus and the data of the service}"
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
WORDS=${WORDS:-650}
DIMENSIONS=${DIMENSIONS:-64}
ROUNDS=${ROUNDS:-3}
HEAP=${HEAP:-2g}

CI_NAME=whole
CI_HEALTH_POLL_SECONDS=0.2
CI_HEALTH_TIMEOUT_SECONDS=${CI_HEALTH_TIMEOUT_SECONDS:-900}
CI_JAVA_OPTS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
-Dragchat.rate-limit.per-key-requests=1000000000 -Xmx$HEAP"
# shellcheck source=../../.ci/lib.sh
source "$ROOT_DIR/.ci/lib.sh"
ci_select_jdk
CI_WORK=$DATA/work
mkdir -p "$CI_WORK"

# one master key and one port for the data directory's whole life: its keys and its
# folder source outlive each start
if [[ ! -f $DATA/master.key ]]; then
    (umask 077 && ci_master_key >"$DATA/master.key")
fi
[[ -f $DATA/port ]] || ci_free_port >"$DATA/port"

EMBED_PORT=$(ci_free_port)
python3 "$SCALE_DIR/fake_gemini.py" "$EMBED_PORT" "$DIMENSIONS" &
CI_PIDS+=($!)
# (not ci_work_dir's trap: that one removes the work directory, which is kept here)
trap 'set +e; ci_service_stop; kill "${CI_PIDS[@]}" 2>/dev/null' EXIT
export CORPUS=$DATA/corpus/files

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start() { # jar
    ci_service_init "$1"
    SERVICE_MASTER_KEY=$(cat "$DATA/master.key")
    SERVICE_PORT=$(cat "$DATA/port")
    SERVICE_URL="https://127.0.0.1:$SERVICE_PORT"
    ci_service_start service RAGCHAT_RETRIEVAL_EMBEDDING_PROVIDER=gemini \
        RAGCHAT_RETRIEVAL_EMBEDDING_API_KEY=benchmark-only \
        RAGCHAT_RETRIEVAL_EMBEDDING_ENDPOINT="http://127.0.0.1:$EMBED_PORT" \
        RAGCHAT_RETRIEVAL_EMBEDDING_DIMENSIONS="$DIMENSIONS" RAGCHAT_SYNC_FOLDER_ROOTS="$DATA/corpus"
    export BASE=$SERVICE_URL MASTER_KEY=$SERVICE_MASTER_KEY
    KEY=$(curl -sk "$BASE/api/v1/keys" -H "X-Master-Key: $MASTER_KEY" -H 'Content-Type: application/json' \
        -d '{"name":"whole","ttlSeconds":86400,"scopes":["chat","upload","admin"]}' | json "['key']")
    export KEY
}

case ${1:-} in
ingest)
    N=${2:?usage: whole.sh ingest N}
    if [[ ! -f $DATA/corpus/queries.json ]]; then
        mkdir -p "$DATA/corpus/files"
        python3 "$SCALE_DIR/scale.py" corpus "$DATA/corpus/files" "$N" "$WORDS" >/dev/null
    fi
    start "${RAGCHAT_JAR:-$ROOT_DIR/api/target/ragchat.jar}"
    KB=$(curl -sk "$BASE/api/v1/knowledge-bases" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
        -d '{"name":"scale"}' | json "['id']")
    echo "$KB" >"$DATA/kb"
    export KB
    say "ingest: $(python3 "$SCALE_DIR/scale.py" ingest)"
    say "$(python3 "$SCALE_DIR/scale.py" count)"
    ci_service_stop || true
    ;;
measure)
    shift
    (($#)) || fail "usage: whole.sh measure JAR..."
    [[ -f $DATA/kb ]] || fail "no knowledge base in $DATA: run 'whole.sh ingest N' first"
    KB=$(cat "$DATA/kb")
    export KB
    for round in $(seq "$ROUNDS"); do
        for jar in "$@"; do
            start "$jar"
            # the index opens after health is UP: wait until it counts the documents
            for _ in $(seq 30); do python3 "$SCALE_DIR/scale.py" count >/dev/null 2>&1 && break; sleep 2; done
            load=$(cut -d' ' -f1 /proc/loadavg)
            whole=$(python3 "$SCALE_DIR/scale.py" whole)
            heap=$("$JAVA_HOME/bin/jcmd" "$SERVICE_PID" GC.heap_info 2>/dev/null | awk '/total/ { print; exit }')
            ci_service_stop || true
            line=$(python3 -c 'import json,sys; print(json.dumps({"jar": sys.argv[1], "round": int(sys.argv[2]),
                "load": float(sys.argv[3]), "heap": sys.argv[4].strip(), "whole": json.loads(sys.argv[5])}))' \
                "$jar" "$round" "$load" "$heap" "$whole")
            echo "$line" | tee -a "$DATA/whole.jsonl"
        done
    done
    ;;
*)
    fail "usage: DATA=DIR whole.sh ingest N | DATA=DIR whole.sh measure JAR..."
    ;;
esac
