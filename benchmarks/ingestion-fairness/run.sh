#!/usr/bin/env bash
# Ingestion fairness, cancellation and the blank-page rate, on loopback. Usage, from the
# repository root, after ./mvnw -DskipTests package:
#
#     bash benchmarks/ingestion-fairness/run.sh
#
# Starts api/target/ragchat.jar (default configuration: a main worker a core, one quick-lane
# worker) with a throw-away data dir, writes PDFs of PAGES pages (python3, no libraries),
# and measures:
#   1. blank: a PAGES-page PDF with one line of text and blank pages (the hardening
#      issue's file) to READY: the blank-page rate;
#   2. fairness: a PAGES-page PDF with a sentence on every page (embedding-bound, minutes
#      of work) in knowledge base A, then a one-line text file in knowledge base B: the
#      seconds until the small one is READY while the big one ingests;
#   3. cancellation: DELETE of that big PDF while it ingests: the seconds from the DELETE
#      to the worker logging that it stopped (the worker is free), and the next document
#      on the main worker.
# The service is always stopped. Knobs: PAGES (5000) RAGCHAT_JAR JAVA_OPTS EXTRA_OPTS.
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT_DIR"
PAGES=${PAGES:-5000}
JAR=${RAGCHAT_JAR:-$ROOT_DIR/api/target/ragchat.jar}
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}
EXTRA_OPTS=${EXTRA_OPTS:-}

# The service is started, awaited and stopped by .ci/lib.sh, as in CI.
CI_NAME=""
CI_HEALTH_POLL_SECONDS=0.2
CI_JAVA_OPTS="$JAVA_OPTS $EXTRA_OPTS"
# shellcheck source=../../.ci/lib.sh
source "$ROOT_DIR/.ci/lib.sh"
ci_select_jdk
ci_work_dir ragchat-fairness
ci_service_init "$JAR"
WORK_DIR=$CI_WORK
BASE=$SERVICE_URL
MASTER_KEY=$SERVICE_MASTER_KEY

# PDFs: page 1 holds a line of text; the other pages are blank, or hold a sentence each
python3 - "$WORK_DIR" "$PAGES" <<'PY'
import sys
work, pages = sys.argv[1], int(sys.argv[2])
def pdf(path, texts):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in texts:
        if text is None:
            objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
        else:
            stream = f"BT /F1 11 Tf 72 700 Td ({text}) Tj ET"
            objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
            objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                        f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objs)} 0 R >>")
        kids.append(len(objs))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    open(path, "wb").write(out)
pdf(f"{work}/blank.pdf", ["The only text of this file: blank pages follow."] + [None] * (pages - 1))
for name in ("text", "text2"):
    pdf(f"{work}/{name}.pdf", [f"{name} page {p}: the harbour log for day {p} records wind, tide and the"
                               f" ships that came in." for p in range(1, pages + 1)])
PY
say "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
say "PDFs: blank.pdf $(($(stat -c %s "$WORK_DIR/blank.pdf") / 1024)) KB, text.pdf $(($(stat -c %s "$WORK_DIR/text.pdf") / 1024)) KB, $PAGES pages each"
ci_service_start service

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }
KEY=$(curl -sk "$BASE/api/v1/keys" -H "X-Master-Key: $MASTER_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"fairness","ttlSeconds":7200,"scopes":["chat","upload","admin"]}' | json "d['key']")
kb() { curl -sk "$BASE/api/v1/knowledge-bases" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\"}" | json "d['id']"; }
KB_A=$(kb A)
KB_B=$(kb B)
upload() { curl -sk "$BASE/api/v1/knowledge-bases/$1/documents" -H "X-API-Key: $KEY" -F "file=@$2" \
    | json "d['documents'][0]['id']"; }
doc() { curl -sk "$BASE/api/v1/knowledge-bases/$1/documents/$2${3:-}" -H "X-API-Key: $KEY"; }
await_end() {
    while true; do
        d=$(doc "$1" "$2" "?waitSeconds=60")
        s=$(json "d['status']" <<<"$d")
        [[ $s == READY || $s == FAILED ]] && { echo "$d"; return; }
    done
}
await_status() {
    while true; do
        s=$(doc "$1" "$2" | json "d['status'] + ' ' + str(d['progress']['$3'])")
        [[ ${s%% *} == "$4" && ${s##* } -gt 0 ]] && return
        sleep 0.1
    done
}

say "1. blank pages: $PAGES-page PDF, one line of text"
t0=$(now)
BLANK=$(upload "$KB_A" "$WORK_DIR/blank.pdf")
d=$(await_end "$KB_A" "$BLANK")
t1=$(now)
say "   $(json "d['status'] + ', ' + str(d['pages']) + ' pages, warnings: ' + repr(d['warnings'])" <<<"$d")"
say "   upload to READY $(secs "$t0" "$t1") s: $(python3 -c "print(f'{$PAGES / ($t1 - $t0):,.0f}')") pages/s"

say "2. fairness: $PAGES-page text PDF in A, then a one-line text file in B"
BIG=$(upload "$KB_A" "$WORK_DIR/text.pdf")
await_status "$KB_A" "$BIG" chunksDone EMBEDDING
echo "The ferry to the island leaves at nine." >"$WORK_DIR/small.txt"
t0=$(now)
SMALL=$(upload "$KB_B" "$WORK_DIR/small.txt")
d=$(await_end "$KB_B" "$SMALL")
t1=$(now)
say "   small: $(json "d['status']" <<<"$d") $(secs "$t0" "$t1") s after its upload; big: $(doc "$KB_A" "$BIG" | json "d['status'] + ' ' + str(d['progress'])")"

say "3. cancellation: DELETE the big PDF while it ingests"
t0=$(now)
curl -sk -o /dev/null -w '   DELETE answered %{http_code}\n' -X DELETE "$BASE/api/v1/knowledge-bases/$KB_A/documents/$BIG" -H "X-API-Key: $KEY"
until grep -q "Ingestion of $BIG stopped" "$WORK_DIR/service.log"; do sleep 0.02; done
t1=$(now)
say "   worker free $(secs "$t0" "$t1") s after the DELETE"
say "   while PARSING: a second text PDF, deleted as soon as it is PARSING"
BIG2=$(upload "$KB_A" "$WORK_DIR/text2.pdf")
await_status "$KB_A" "$BIG2" pagesDone PARSING
t0=$(now)
curl -sk -o /dev/null -X DELETE "$BASE/api/v1/knowledge-bases/$KB_A/documents/$BIG2" -H "X-API-Key: $KEY"
until grep -q "Ingestion of $BIG2 stopped" "$WORK_DIR/service.log"; do sleep 0.02; done
t1=$(now)
say "   worker free $(secs "$t0" "$t1") s after the DELETE"
say "load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
