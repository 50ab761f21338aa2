#!/usr/bin/env bash
# Ingestion speed of real filings, in pages per second, on loopback. Usage, from the
# repository root, after ./mvnw -B -q -pl api -am -DskipTests package:
#
#     bash benchmarks/ingest/run.sh [JAR...]
#
# For each run it starts a jar (default api/target/ragchat.jar) on a free loopback port with
# a throw-away data dir (the default configuration), creates a knowledge base, uploads
# FILES (FinanceBench dev filings) in one request, as a person picking them would, and
# waits until every one is READY. It prints, per run: the seconds from the upload to the
# last READY, pages/s (the filings' pages over those seconds), chunks, the service's CPU
# seconds per page (user + system from /proc, which the load of the machine moves less
# than the wall time) and the load average; per document the seconds it spent QUEUED,
# PARSING and EMBEDDING (polled every 0.5 s). With several jars the runs are interleaved
# (A B, B A, A B, ...: the machine is shared, so a slow spell falls on both), and the
# end prints each jar's median of RUNS runs and the ratio of each to the first.
#
# Knobs (environment): RUNS (3) FILINGS (../shared/data/financebench-dev/pdfs)
#   FILES (six filings, 31 to 198 pages, about 700 pages in all)
#   JAVA_OPTS (--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
#   EXTRA_OPTS (appended to every jar's, e.g. -Dragchat.ingestion.workers=2)
#   EXTRA_OPTS_<n> (appended to the n-th jar's only, from 1: the same jar twice compares
#   two settings)
#   JFR (a directory: every run records a JFR profile there, <jar n>-<run>.jfr)
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT_DIR"
RUNS=${RUNS:-3}
FILINGS=${FILINGS:-$ROOT_DIR/../shared/data/financebench-dev/pdfs}
FILES=${FILES:-AMAZON_2019_10K.pdf NETFLIX_2017_10K.pdf MICROSOFT_2023_10K.pdf COSTCO_2021_10K.pdf ACTIVISIONBLIZZARD_2019_10K.pdf FOOTLOCKER_2022_8K_dated_2022-08-19.pdf}
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}
EXTRA_OPTS=${EXTRA_OPTS:-}
JFR=${JFR:-}
JARS=("$@")
((${#JARS[@]})) || JARS=("$ROOT_DIR/api/target/ragchat.jar")
for f in $FILES; do [[ -f $FILINGS/$f ]] || { echo "no such filing: $FILINGS/$f" >&2; exit 1; }; done
for jar in "${JARS[@]}"; do [[ -f $jar ]] || { echo "jar not found: $jar" >&2; exit 1; }; done
[[ -z $JFR ]] || mkdir -p "$JFR"

CI_NAME=""
CI_HEALTH_POLL_SECONDS=0.5
# start-up takes minutes when other builds load the 2 cores
CI_HEALTH_TIMEOUT_SECONDS=${CI_HEALTH_TIMEOUT_SECONDS:-600}
# shellcheck source=../../.ci/lib.sh
source "$ROOT_DIR/.ci/lib.sh"
ci_select_jdk
ci_work_dir ragchat-ingest
RESULTS=$CI_WORK/results.tsv
: >"$RESULTS"

say "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!JARS[@]}"; do
    n=$((i + 1))
    extra_var="EXTRA_OPTS_$n"
    say "jar $n: ${JARS[$i]} ${!extra_var:-}"
done
say "filings: $FILES"

# one run: start the jar, upload, wait, print one line, stop
run_once() {
    local n=$1 jar=$2 round=$3 extra_var="EXTRA_OPTS_$1" opts
    opts="$JAVA_OPTS $EXTRA_OPTS ${!extra_var:-}"
    [[ -z $JFR ]] || opts="$opts -XX:StartFlightRecording=filename=$JFR/jar$n-$round.jfr,settings=profile"
    rm -rf "$CI_WORK/data" "$CI_WORK/certs"
    CI_JAVA_OPTS=$opts
    ci_service_init "$jar"
    ci_service_start "service-$n-$round" >/dev/null
    local cpu_before
    cpu_before=$(awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat")
    python3 - "$SERVICE_URL" "$SERVICE_MASTER_KEY" "$FILINGS" "$n" "$round" "$SERVICE_PID" "$cpu_before" \
        "$(getconf CLK_TCK)" "$RESULTS" $FILES <<'PY'
import sys, time
from pathlib import Path
sys.path.insert(0, "benchmarks")
from ragchat_bench import Api, create_key, multipart, loadavg

base, master, filings, n, run, pid, cpu_before, tck, results = sys.argv[1:10]
files = [Path(filings) / f for f in sys.argv[10:]]
api = Api(base)
key = create_key(api, master, "ingest")
h = {"X-API-Key": key}
kb = api.ok("POST", "/api/v1/knowledge-bases", {"name": "ingest"}, headers=h)[0]["id"]
load_before = loadavg()
body, ctype = multipart(files)
start = time.monotonic()
answer, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/documents", body, headers=h, content_type=ctype)
ids = {d["id"]: d["filename"] for d in answer["documents"]}
phases = {i: {} for i in ids}   # status -> seconds spent in it
last = {i: ("QUEUED", start) for i in ids}
done = {}
while len(done) < len(ids):
    for i in ids:
        if i in done:
            continue
        d, _ = api.ok("GET", f"/api/v1/knowledge-bases/{kb}/documents/{i}", headers=h)
        now = time.monotonic()
        status, since = last[i]
        if d["status"] != status:
            phases[i][status] = phases[i].get(status, 0) + now - since
            last[i] = (d["status"], now)
        if d["status"] in ("READY", "FAILED"):
            done[i] = d
    time.sleep(0.5)
wall = time.monotonic() - start
def cpu():
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])
cpu_s = (cpu() - float(cpu_before)) / float(tck)
failed = [d["filename"] for d in done.values() if d["status"] != "READY"]
if failed:
    print(f"==> FAILED: {failed}", flush=True)
    sys.exit(1)
pages = sum(d["pages"] for d in done.values())
chunks = sum(d["chunks"] for d in done.values())
load_after = loadavg()
print(f"==> jar {n} run {run}: {pages} pages, {chunks} chunks in {wall:.1f} s: {pages / wall:.2f} pages/s,"
      f" {cpu_s / pages * 1000:.0f} CPU ms/page; load {load_before} -> {load_after}", flush=True)
for i, name in ids.items():
    p = phases[i]
    print(f"      {name}: {done[i]['pages']} pages, {done[i]['chunks']} chunks; "
          + ", ".join(f"{s} {p[s]:.1f} s" for s in ("QUEUED", "PARSING", "EMBEDDING") if s in p), flush=True)
with open(results, "a") as out:
    out.write(f"{n}\t{run}\t{pages}\t{chunks}\t{wall:.2f}\t{pages / wall:.4f}\t{cpu_s / pages * 1000:.2f}\t"
              f"{load_before.split()[0]}\n")
PY
    # (its last kill fails for a service already gone: not an error of the run)
    ci_service_stop || true
}

for round in $(seq "$RUNS"); do
    order=("${!JARS[@]}")
    if ((round % 2 == 0)); then
        # every other round backwards: A B, B A, A B
        mapfile -t order < <(printf '%s\n' "${!JARS[@]}" | tac)
    fi
    for i in "${order[@]}"; do
        run_once $((i + 1)) "${JARS[$i]}" "$round"
    done
done

python3 - "$RESULTS" "${#JARS[@]}" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()]
jars = int(sys.argv[2])
medians = {}
print("==> medians:")
print("| jar | runs | pages/s (median) | pages/s (each) | CPU ms/page (median) | ratio to jar 1 |")
print("|---|---|---|---|---|---|")
for n in range(1, jars + 1):
    mine = [r for r in rows if r[0] == str(n)]
    rate = statistics.median(float(r[5]) for r in mine)
    cpu = statistics.median(float(r[6]) for r in mine)
    medians[n] = (rate, cpu)
    print(f"| {n} | {len(mine)} | {rate:.2f} | {', '.join(f'{float(r[5]):.2f}' for r in mine)} | {cpu:.0f} |"
          f" {rate / medians[1][0]:.2f}× (CPU {medians[1][1] / cpu:.2f}× less) |")
PY
say "load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
