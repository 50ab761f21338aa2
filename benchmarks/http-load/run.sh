#!/usr/bin/env bash
# HTTP load on loopback with wrk (Debian package), bounded in time. Usage, from the
# repository root, after ./mvnw -DskipTests package:
#
#     bash benchmarks/http-load/run.sh
#
# Starts api/target/ragchat.jar on a free loopback port with a throw-away data dir, uploads
# SciFact abstracts as Markdown files (DOCS files x PER_DOC abstracts), waits until they are
# READY, then runs wrk for DURATION at CONNECTIONS connections on
#   1. POST /api/v1/knowledge-bases/{kb}/search (hybrid, topK 5), SciFact test queries;
#   2. POST /api/v1/sessions/{id}/messages (extractive answers), same queries, 32 sessions;
# and prints throughput, p50, p99, errors (non-2xx + socket errors) and the service's CPU
# milliseconds per request (user + system, from /proc; also per 2xx answer), the seconds from
# start to healthy and the service's resident memory. The per-key rate limit is raised for
# the run (-Dragchat.rate-limit.per-key-requests) so that it measures the service, not the
# limiter; everything else is the default configuration. The service is always stopped.
#
# Knobs (environment): DURATION (60s) CONNECTIONS (32) THREADS (2) DOCS (10) PER_DOC (20)
#   ENDPOINTS ("search messages") SEARCH_MODE (hybrid; vector or keyword)
#   UNIQUE_QUERIES (1: every request's query gets a suffix of its own, so no cache sees it twice)
#   CORPUS (../shared/data/scifact) RAGCHAT_JAR (api/target/ragchat.jar)
#   JAVA_OPTS (--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
#   EXTRA_OPTS (appended, e.g. -Dragchat.retrieval.x=y)
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT_DIR"
export LOAD_DIR="$ROOT_DIR/benchmarks/http-load"
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DOCS=${DOCS:-10}
PER_DOC=${PER_DOC:-20}
CORPUS=${CORPUS:-$ROOT_DIR/../shared/data/scifact}
JAR=${RAGCHAT_JAR:-$ROOT_DIR/api/target/ragchat.jar}
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}
EXTRA_OPTS=${EXTRA_OPTS:-}

# The service is started, awaited and stopped by .ci/lib.sh, as in CI.
CI_NAME=""
CI_HEALTH_POLL_SECONDS=0.1
CI_JAVA_OPTS="$JAVA_OPTS -Dragchat.rate-limit.per-key-requests=1000000000 $EXTRA_OPTS"
# shellcheck source=../../.ci/lib.sh
source "$ROOT_DIR/.ci/lib.sh"
command -v wrk >/dev/null || fail "wrk missing: apt-get install -y wrk"
ci_select_jdk
ci_work_dir ragchat-load
ci_service_init "$JAR"
export WORK_DIR=$CI_WORK
BASE=$SERVICE_URL
MASTER_KEY=$SERVICE_MASTER_KEY

say "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
ci_service_start service
STARTUP=$SERVICE_STARTUP_SECONDS
say "healthy after ${STARTUP} s; resident memory $(($(ps -o rss= -p "$SERVICE_PID") / 1024)) MiB"
grep -i 'vectorization\|VectorizationProvider' "$WORK_DIR/service.log" | head -2 || true

# the service's CPU time (user + system, in clock ticks) so far: divided by the requests
# served, it varies less from run to run than the throughput, which also moves with
# whatever else the machine runs (docs/benchmarks.md, session 19)
service_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat"; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
KEY=$(curl -sk "$BASE/api/v1/keys" -H "X-Master-Key: $MASTER_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"load","ttlSeconds":7200,"scopes":["chat","upload","admin"]}' | json "['key']")
KB=$(curl -sk "$BASE/api/v1/knowledge-bases" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d '{"name":"SciFact load"}' | json "['id']")

# the document set and the queries (JSON strings in a Lua table)
python3 - "$CORPUS" "$WORK_DIR" "$DOCS" "$PER_DOC" <<'PY'
import json, sys
corpus, work, docs, per_doc = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open(f"{corpus}/corpus.jsonl") as f:
    passages = [json.loads(line) for _, line in zip(range(docs * per_doc), f)]
for d in range(docs):
    with open(f"{work}/scifact-{d:02d}.md", "w") as out:
        out.write(f"# SciFact abstracts, part {d + 1}\n\n")
        for p in passages[d * per_doc:(d + 1) * per_doc]:
            out.write(f"## {p['title']}\n\n{p['text']}\n\n")
queries = {}
with open(f"{corpus}/queries.jsonl") as f:
    for line in f:
        q = json.loads(line)
        queries[q["_id"]] = q["text"]
with open(f"{corpus}/qrels/test.tsv") as f:
    ids = list(dict.fromkeys(line.split("\t")[0] for line in list(f)[1:]))
with open(f"{work}/queries.lua", "w") as out:
    out.write("return {\n" + ",\n".join("[==[" + json.dumps(queries[i]) + "]==]" for i in ids) + "\n}\n")
PY

say "uploading $DOCS Markdown files of $PER_DOC SciFact abstracts"
upload_start=$(date +%s)
files=()
for f in "$WORK_DIR"/scifact-*.md; do files+=(-F "file=@$f;type=text/markdown"); done
DOC_IDS=$(curl -sk "$BASE/api/v1/knowledge-bases/$KB/documents" -H "X-API-Key: $KEY" "${files[@]}" \
    | json "['documents']" | python3 -c "import ast,sys; print(' '.join(d['id'] for d in ast.literal_eval(sys.stdin.read())))")
chunks=0
for id in $DOC_IDS; do
    while true; do
        doc=$(curl -sk "$BASE/api/v1/knowledge-bases/$KB/documents/$id?waitSeconds=60" -H "X-API-Key: $KEY")
        status=$(json "['status']" <<<"$doc")
        [[ $status == READY || $status == FAILED ]] && break
    done
    [[ $status == READY ]] || { say "document $id: $status"; echo "$doc"; exit 1; }
    chunks=$((chunks + $(json ".get('chunks') or 0" <<<"$doc")))
done
say "$DOCS documents READY ($chunks chunks) in $(($(date +%s) - upload_start)) s"

echo "return {" >"$WORK_DIR/sessions.lua"
for _ in $(seq "$CONNECTIONS"); do
    s=$(curl -sk "$BASE/api/v1/sessions" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
        -d "{\"knowledgeBase\":\"$KB\"}")
    echo "{ id = \"$(json "['sessionId']" <<<"$s")\", token = \"$(json "['token']" <<<"$s")\" }," >>"$WORK_DIR/sessions.lua"
done
echo "}" >>"$WORK_DIR/sessions.lua"

# a few requests of each kind first, to check they work (and to warm up)
curl -sk -o /dev/null -w 'search probe: %{http_code}\n' "$BASE/api/v1/knowledge-bases/$KB/search" \
    -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"query":"vitamin D deficiency","topK":5}'
export KB API_KEY=$KEY SEARCH_MODE=${SEARCH_MODE:-hybrid}
say "warm-up: wrk 15 s at 4 connections on each endpoint (not reported)"
wrk -t2 -c4 -d15s --timeout 10s -s "$LOAD_DIR/search.lua" "$BASE" >/dev/null
wrk -t2 -c4 -d15s --timeout 10s -s "$LOAD_DIR/messages.lua" "$BASE" >/dev/null

for endpoint in ${ENDPOINTS:-search messages}; do
    say "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $endpoint (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
    cpu_before=$(service_cpu_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$LOAD_DIR/$endpoint.lua" "$BASE" \
        | tee "$WORK_DIR/wrk-$endpoint.txt"
    cpu_ticks=$(($(service_cpu_ticks) - cpu_before))
    requests=$(grep -o 'requests=[0-9]*' "$WORK_DIR/wrk-$endpoint.txt" | head -1 | cut -d= -f2)
    non2xx=$(grep -o 'non2xx=[0-9]*' "$WORK_DIR/wrk-$endpoint.txt" | head -1 | cut -d= -f2)
    # per request answered with 2xx too: a 429 costs little, so many of them lower the
    # plain figure without the service doing its work any cheaper
    say "$endpoint: $(grep '^RESULT' "$WORK_DIR/wrk-$endpoint.txt") cpu_ms_per_request=$(python3 -c \
        "print(round($cpu_ticks * 1000 / $(getconf CLK_TCK) / max(1, ${requests:-0}), 2))") cpu_ms_per_2xx=$(python3 -c \
        "print(round($cpu_ticks * 1000 / $(getconf CLK_TCK) / max(1, ${requests:-0} - ${non2xx:-0}), 2))") load=$(cut -d' ' -f1-3 /proc/loadavg)"
done
say "service resident memory after the load: $(($(ps -o rss= -p "$SERVICE_PID") / 1024)) MiB"
