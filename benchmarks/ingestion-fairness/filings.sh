#!/usr/bin/env bash
# A small filing uploaded with two large ones, on loopback: how long the small one waits.
# Usage, from the repository root, after ./mvnw -DskipTests package:
#
#     FILINGS=/path/to/financebench/pdfs bash benchmarks/ingestion-fairness/filings.sh
#
# Starts api/target/ragchat.jar (default configuration) with a throw-away data dir and
# uploads, in one request to one knowledge base, LARGE (two 10-Ks of about 200 pages)
# then SMALL (an 8-K of 31 pages, about 85,000 characters): the order a person picking the
# three files would send. It prints each document's seconds from the upload to READY and
# the small one's status as it goes (QUEUED, PARSING, EMBEDDING), and the lines the
# workers logged. Target (issue 58): the small one READY within 60 s on 2 cores.
# The service is always stopped. Knobs: FILINGS LARGE SMALL RAGCHAT_JAR JAVA_OPTS
# EXTRA_OPTS.
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT_DIR"
FILINGS=${FILINGS:-$ROOT_DIR/../shared/data/financebench-dev/pdfs}
LARGE=${LARGE:-ACTIVISIONBLIZZARD_2019_10K.pdf COCACOLA_2017_10K.pdf}
SMALL=${SMALL:-FOOTLOCKER_2022_8K_dated_2022-08-19.pdf}
JAR=${RAGCHAT_JAR:-$ROOT_DIR/api/target/ragchat.jar}
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}
EXTRA_OPTS=${EXTRA_OPTS:-}

CI_NAME=""
CI_HEALTH_POLL_SECONDS=0.2
CI_JAVA_OPTS="$JAVA_OPTS $EXTRA_OPTS"
# shellcheck source=../../.ci/lib.sh
source "$ROOT_DIR/.ci/lib.sh"
ci_select_jdk
ci_work_dir ragchat-filings
ci_service_init "$JAR"
WORK_DIR=$CI_WORK
BASE=$SERVICE_URL
MASTER_KEY=$SERVICE_MASTER_KEY

say "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
say "jar: $JAR"
ci_service_start service

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
KEY=$(curl -sk "$BASE/api/v1/keys" -H "X-Master-Key: $MASTER_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"filings","ttlSeconds":7200,"scopes":["chat","upload","admin"]}' | json "d['key']")
KB=$(curl -sk "$BASE/api/v1/knowledge-bases" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d '{"name":"filings"}' | json "d['id']")
doc() { curl -sk "$BASE/api/v1/knowledge-bases/$KB/documents/$1" -H "X-API-Key: $KEY"; }

files=()
for name in $LARGE $SMALL; do files+=(-F "file=@$FILINGS/$name"); done
t0=$(now)
IDS=$(curl -sk "$BASE/api/v1/knowledge-bases/$KB/documents" -H "X-API-Key: $KEY" "${files[@]}" \
    | json "' '.join(x['id'] for x in d['documents'])")
read -ra ids <<<"$IDS"
names=($LARGE $SMALL)
small_id=${ids[${#ids[@]} - 1]}
declare -A done_at=()
finished=0
last=""
while ((finished < ${#ids[@]})); do
    for i in "${!ids[@]}"; do
        id=${ids[$i]}
        [[ -n ${done_at[$id]:-} ]] && continue
        s=$(doc "$id" | json "d['status']")
        if [[ $id == "$small_id" && $s != "$last" ]]; then
            say "   $(secs "$t0" "$(now)") s: ${names[$i]} $s"
            last=$s
        fi
        if [[ $s == READY || $s == FAILED ]]; then
            done_at[$id]=$(now)
            finished=$((finished + 1))
            say "${names[$i]}: $s $(secs "$t0" "${done_at[$id]}") s after the upload ($(doc "$id" | json "str(d['pages']) + ' pages'"))"
        fi
    done
    sleep 0.5
done
say "workers' log:"
grep -E "quick lane|Indexed" "$WORK_DIR/service.log" | sed -E 's/^.*(INFO|WARN)[^:]*: /   /' || true
say "load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
