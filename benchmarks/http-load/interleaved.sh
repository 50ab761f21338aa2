#!/usr/bin/env bash
# The HTTP load harness (run.sh) on two or more jars, interleaved: round 1 runs every
# configuration once in the order given, then round 2, ... (RUNS rounds, default 3), so
# that whatever else the machine runs weighs on each alike. Then it prints, per
# configuration and endpoint, the median of each run's CPU milliseconds per request (and
# per 2xx answer), requests/s, p50 and p99 latency (and each run's p99 with the machine's
# 1-minute load after it) and non-2xx answers, and the ratio of the first configuration's
# median CPU to each other's (above 1: cheaper than the first). Usage, from
# the repository root:
#
#     bash benchmarks/http-load/interleaved.sh old=/path/old.jar new=/path/new.jar
#     bash benchmarks/http-load/interleaved.sh old=old.jar new=new.jar \
#         'new-uncached=new.jar -Dragchat.retrieval.query-vectors.cache-size=0'
#
# Each argument is label=jar, optionally followed by JVM options (-D settings) for that
# configuration. Knobs (environment): RUNS (3), OUT (a new directory under /tmp: each run's
# log), and those of run.sh (DURATION defaults to 30s here).
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-3}
export DURATION=${DURATION:-30s}
OUT=${OUT:-$(mktemp -d /tmp/ragchat-interleaved.XXXXXX)}
mkdir -p "$OUT"
(($# >= 2)) || { echo "usage: $0 label=old.jar label=new.jar [label=jar -Dopt=value ...]" >&2; exit 2; }
labels=() jars=() opts=()
for config in "$@"; do
    label=${config%%=*}
    rest=${config#*=}
    jar=${rest%% *}
    [[ $rest == *" "* ]] && extra=${rest#* } || extra=""
    [[ -f $jar ]] || { echo "no jar $jar (in $config)" >&2; exit 2; }
    labels+=("$label") jars+=("$jar") opts+=("$extra")
done

echo "==> $RUNS rounds of ${labels[*]}, DURATION=$DURATION, logs in $OUT"
for round in $(seq "$RUNS"); do
    for i in "${!labels[@]}"; do
        log="$OUT/${labels[$i]}-$round.log"
        echo "==> round $round: ${labels[$i]} (${jars[$i]} ${opts[$i]}) load $(cut -d' ' -f1-3 /proc/loadavg)"
        RAGCHAT_JAR=${jars[$i]} EXTRA_OPTS="${EXTRA_OPTS:-} ${opts[$i]}" \
            bash "$ROOT_DIR/benchmarks/http-load/run.sh" >"$log" 2>&1 || echo "    run failed: see $log"
        grep -E '^==> (search|messages): ' "$log" | sed 's/^==> /    /' || true
    done
done

python3 - "$OUT" "${labels[@]}" <<'PY'
import re, statistics, sys
out, labels = sys.argv[1], sys.argv[2:]
def runs(label, endpoint):
    import glob
    found = []
    for path in sorted(glob.glob(f"{out}/{label}-[0-9]*.log")):
        for line in open(path):
            if line.startswith(f"==> {endpoint}: "):
                found.append({k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)})
    return found
print(f"\n{'endpoint':9} {'configuration':22} {'runs':>4} {'cpu ms/req':>10} {'ratio':>6} "
      f"{'cpu ms/2xx':>10} {'ratio':>6} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}"
      "   cpu ms/req of each run; p99 ms (load) of each run")
for endpoint in ("search", "messages"):
    base = None
    for label in labels:
        found = runs(label, endpoint)
        if not found:
            continue
        med = lambda key: statistics.median(r.get(key, float("nan")) for r in found)
        cpu, cpu_ok = med("cpu_ms_per_request"), med("cpu_ms_per_2xx")
        if base is None:
            base = (cpu, cpu_ok)
        print(f"{endpoint:9} {label:22} {len(found):4d} {cpu:10.2f} {base[0] / cpu:6.2f} {cpu_ok:10.2f} "
              f"{base[1] / cpu_ok:6.2f} {med('rps'):7.1f} {med('p50_ms'):8.0f} {med('p99_ms'):8.0f} "
              f"{med('non2xx'):8.0f}   " + " ".join(f"{r['cpu_ms_per_request']:.2f}" for r in found) + "; "
              + " ".join(f"{r.get('p99_ms', float('nan')):.0f} ({r.get('load', float('nan')):.1f})" for r in found))
print("\nratio: the first configuration's median over this one's (1.5: two thirds of the CPU)")
PY
