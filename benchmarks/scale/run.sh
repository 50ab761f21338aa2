#!/usr/bin/env bash
# How each cost grows with the size of a knowledge base (issue 60). Usage, from the
# repository root, after ./mvnw -B -DskipTests package:
#
#     bash benchmarks/scale/run.sh 1000 10000          # sizes in documents, one run each
#
# For each size N, on a fresh data directory and a fresh service (api/target/ragchat.jar,
# the default configuration but for the knobs below):
#   1. writes N Markdown files (WORDS words each: ~10 chunks at the default chunk size)
#      into a folder;
#   2. ingests them through the real path for a folder: a folder source and its first sync
#      (each file goes through POST .../documents' path: blob store, catalog, queue,
#      workers, chunker, embedder, Lucene) -> documents/s and chunks/s;
#   3. times GET .../documents with search, sort and paging (median of 15 each, and the
#      unpaged list), POST .../search over HTTPS (p50/p99 of 280, one kept-alive
#      connection), the resident memory;
#   4. syncs the folder again (nothing changed), deletes 5 documents, replaces 5 (until
#      READY), takes a backup (POST /admin/backups: time, archive size);
#   5. stops the service, restores the backup into an empty data directory
#      (java -jar ragchat.jar --restore=...), starts on it: restore time, start-to-healthy
#      with N documents, resident memory, and one search to check it answers.
# One line of results per size goes to benchmarks/scale/results.jsonl (and the screen).
#
# The embedding model is apart: ragchat's Gemini API client
# (RAGCHAT_RETRIEVAL_EMBEDDING_PROVIDER=gemini, a documented setting) pointed at
# fake_gemini.py, a benchmark-only local server that answers with hashed bag-of-words
# vectors of DIMENSIONS. What is measured is everything but the model: reading, chunking
# (the in-process tokenizer still counts the tokens), the catalog, the index, the API.
#
# Knobs (environment): WORDS (650) CHUNK_TOKENS (the service's default, 400) DIMENSIONS (64)
#   RAGCHAT_JAR (api/target/ragchat.jar) JAVA_OPTS (--add-modules jdk.incubator.vector
#   --enable-native-access=ALL-UNNAMED) EXTRA_OPTS (appended, e.g. -Xmx2g)
#   KEEP_CORPUS (a folder: the generated files are kept there and reused)
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT_DIR"
SCALE_DIR="$ROOT_DIR/benchmarks/scale"
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(1000 10000)
WORDS=${WORDS:-650}
CHUNK_TOKENS=${CHUNK_TOKENS:-400}
DIMENSIONS=${DIMENSIONS:-64}
JAR=${RAGCHAT_JAR:-$ROOT_DIR/api/target/ragchat.jar}
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}
EXTRA_OPTS=${EXTRA_OPTS:-}

CI_NAME=scale
CI_HEALTH_POLL_SECONDS=0.1
CI_HEALTH_TIMEOUT_SECONDS=${CI_HEALTH_TIMEOUT_SECONDS:-900}
CI_JAVA_OPTS="$JAVA_OPTS -Dragchat.rate-limit.per-key-requests=1000000000 $EXTRA_OPTS"
# shellcheck source=../../.ci/lib.sh
source "$ROOT_DIR/.ci/lib.sh"
ci_select_jdk
ci_work_dir ragchat-scale

rss_mib() { echo $(($(ps -o rss= -p "$SERVICE_PID") / 1024)); }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
scale() { python3 "$SCALE_DIR/scale.py" "$@"; }

EMBED_PORT=$(ci_free_port)
python3 "$SCALE_DIR/fake_gemini.py" "$EMBED_PORT" "$DIMENSIONS" &
CI_PIDS+=($!)

for N in "${SIZES[@]}"; do
    say "=== $N documents; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
    rm -rf "$CI_WORK/data" "$CI_WORK/backups" "$CI_WORK/run"
    mkdir -p "$CI_WORK/run"
    CORPUS_DIR=${KEEP_CORPUS:+$KEEP_CORPUS/$N-$WORDS}
    CORPUS_DIR=${CORPUS_DIR:-$CI_WORK/corpus-$N}
    if [[ ! -f $CORPUS_DIR/../queries.json || $(find "$CORPUS_DIR" -name '*.md' | wc -l) -ne $N ]]; then
        rm -rf "$CORPUS_DIR"
        mkdir -p "$CORPUS_DIR/files"
        scale corpus "$CORPUS_DIR/files" "$N" "$WORDS" >/dev/null
    fi
    export CORPUS="$CORPUS_DIR/files"
    say "corpus: $N files, $(du -sh "$CORPUS" | cut -f1)"

    ci_service_init "$JAR"
    settings=(RAGCHAT_RETRIEVAL_EMBEDDING_PROVIDER=gemini RAGCHAT_RETRIEVAL_EMBEDDING_API_KEY=benchmark-only
        RAGCHAT_RETRIEVAL_EMBEDDING_ENDPOINT="http://127.0.0.1:$EMBED_PORT"
        RAGCHAT_RETRIEVAL_EMBEDDING_DIMENSIONS="$DIMENSIONS" RAGCHAT_INGESTION_CHUNK_TOKENS="$CHUNK_TOKENS"
        RAGCHAT_SYNC_FOLDER_ROOTS="$CORPUS_DIR" RAGCHAT_BACKUP_TARGET="$CI_WORK/backups")
    ci_service_start service "${settings[@]}"
    empty_start=$SERVICE_STARTUP_SECONDS
    export BASE=$SERVICE_URL MASTER_KEY=$SERVICE_MASTER_KEY
    KEY=$(curl -sk "$BASE/api/v1/keys" -H "X-Master-Key: $MASTER_KEY" -H 'Content-Type: application/json' \
        -d '{"name":"scale","ttlSeconds":86400,"scopes":["chat","upload","admin"]}' | json "['key']")
    KB=$(curl -sk "$BASE/api/v1/knowledge-bases" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
        -d '{"name":"scale"}' | json "['id']")
    export KEY KB

    load_before=$(cut -d' ' -f1 /proc/loadavg)
    ingest=$(scale ingest); say "ingest: $ingest"
    rss_ingested=$(rss_mib); say "resident memory after ingestion: $rss_ingested MiB"
    list=$(scale list); say "list: $list"
    search=$(scale search); say "search: $search"
    whole=$(scale whole); say "whole-knowledge-base questions: $whole"
    sync=$(scale sync); say "no-change sync: $sync"
    churn=$(scale churn); say "delete/replace: $churn"
    backup=$(scale backup); say "backup: $backup"
    rss_end=$(rss_mib)
    ci_service_stop || true   # (its wait returns the service's status: not a failure here)

    # restore into an empty data directory, then start on it
    mv "$CI_WORK/data" "$CI_WORK/data-before"
    name=$(json "['name']" <<<"$backup")
    started=$(date +%s%N)
    (cd "$CI_WORK" && RAGCHAT_DATA_DIR="$CI_WORK/data" RAGCHAT_BACKUP_TARGET="$CI_WORK/backups" \
        "$JAVA_HOME/bin/java" $JAVA_OPTS -jar ragchat.jar --restore="$name" >"$CI_WORK/restore.log" 2>&1) \
        || fail "restore failed: $(tail -5 "$CI_WORK/restore.log")"
    restore_seconds=$(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    rm -rf "$CI_WORK/data-before"
    ci_service_start restored "${settings[@]}"
    full_start=$SERVICE_STARTUP_SECONDS
    sleep 5
    rss_restarted=$(rss_mib)
    after=$(scale count)
    probe=$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/api/v1/knowledge-bases/$KB/search" -H "X-API-Key: $KEY" \
        -H 'Content-Type: application/json' -d '{"query":"document","topK":5}')
    say "restored in ${restore_seconds}s; healthy after ${full_start}s with $N documents; $rss_restarted MiB; $after; search $probe"
    ci_service_stop || true   # (its wait returns the service's status: not a failure here)

    line=$(python3 - "$N" "$ingest" "$list" "$search" "$sync" "$churn" "$backup" "$whole" <<PY
import json, sys
n, ingest, listed, search, sync, churn, backup, whole = sys.argv[1], *map(json.loads, sys.argv[2:])
print(json.dumps({"documents": int(n), "wordsPerDocument": $WORDS, "chunkTokens": $CHUNK_TOKENS,
    "dimensions": $DIMENSIONS, "cores": $(nproc), "loadBefore": $load_before, "ingest": ingest,
    "rssMiB": {"ingested": $rss_ingested, "end": $rss_end, "restarted": $rss_restarted},
    "list": listed, "search": search, "whole": whole, "noChangeSync": sync, "churn": churn, "backup": backup,
    "restoreSeconds": $restore_seconds, "startSeconds": {"empty": $empty_start, "withDocuments": $full_start},
    "restored": $after, "searchAfterRestore": $probe}))
PY
)
    echo "$line" | tee -a "$SCALE_DIR/results.jsonl"
done
