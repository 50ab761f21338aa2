"""What the HTTP benchmarks share (python3 standard library only): the HTTPS client, the
packaged service started on a throw-away or kept data dir, API keys, knowledge bases,
uploads and the wait for READY, chat sessions, and small helpers for the reports.

Used by benchmarks/financebench/financebench.py and benchmarks/eval/eval.py; not a
program of its own.
"""

import http.client
import json
import math
import mimetypes
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
MODES = ("hybrid", "vector", "keyword")
JAVA_OPTS = "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"


def say(*args):
    print("==>", *args, flush=True)


def loadavg():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def default_java():
    return os.path.join(os.environ["JAVA_HOME"], "bin/java") if os.environ.get("JAVA_HOME") else "java"


class Api:
    """One keep-alive HTTPS connection. The service's certificate is a self-signed one for
    loopback, so certificate verification is off: acceptable in a benchmark, never in a
    client of a real deployment."""

    def __init__(self, base):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 443
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE
        self.conn = None
        self.retries_429 = 0

    def request(self, method, path, body=None, headers=None, content_type="application/json"):
        """Returns (status, parsed JSON or text, seconds of the last attempt)."""
        headers = dict(headers or {})
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
        if body is not None:
            headers["Content-Type"] = content_type
        for attempt in range(20):
            if self.conn is None:
                self.conn = http.client.HTTPSConnection(self.host, self.port, context=self.context, timeout=600)
            try:
                start = time.perf_counter()
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                seconds = time.perf_counter() - start
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt >= 2:
                    raise
                continue
            if response.status == 429:  # rate limited (a service started with --url): wait, retry
                self.retries_429 += 1
                time.sleep(float(response.getheader("Retry-After") or 1))
                continue
            try:
                parsed = json.loads(data) if data else None
            except ValueError:
                parsed = data.decode(errors="replace")
            return response.status, parsed, seconds
        raise RuntimeError(f"{method} {path}: still rate limited after 20 attempts")

    def ok(self, method, path, body=None, headers=None, content_type="application/json", expect=(200, 201, 202)):
        status, parsed, seconds = self.request(method, path, body, headers, content_type)
        if status not in expect:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {parsed}")
        return parsed, seconds


# --------------------------------------------------------------------------- the service

class Service:
    """The packaged jar on a free loopback port (as .ci/run and benchmarks/http-load start it).
    args: keep_data (a dir or None), java, jar, java_opts."""

    def __init__(self, args, prefix="ragchat-bench."):
        self.keep = args.keep_data is not None
        self.work = Path(args.keep_data).resolve() if self.keep else Path(tempfile.mkdtemp(prefix=prefix))
        self.work.mkdir(parents=True, exist_ok=True)
        key_file = self.work / "bench-master.key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(36))
            key_file.chmod(0o600)
        self.master_key = key_file.read_text().strip()
        self.java = args.java
        self.jar = Path(args.jar)
        self.java_opts = args.java_opts.split()
        self.process = None
        self.base = None
        self.startup_seconds = None

    def start(self):
        if not self.jar.is_file():
            sys.exit(f"jar not found: {self.jar} (./mvnw -B -q -pl api -am -DskipTests package)")
        shutil.copy(self.jar, self.work / "ragchat.jar")  # a rebuild during the run cannot pull it away
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base = f"https://127.0.0.1:{port}"
        env = dict(os.environ, SERVER_ADDRESS="127.0.0.1", SERVER_PORT=str(port),
                   RAGCHAT_DATA_DIR=str(self.work / "data"), RAGCHAT_MASTER_KEY=self.master_key,
                   RAGCHAT_TLS_CERT=str(self.work / "certs/server.crt"),
                   RAGCHAT_TLS_KEY=str(self.work / "certs/server.key"))
        # the per-key rate limit (600 a minute) is lifted so that the run measures the service,
        # not the limiter (which still runs on every request); everything else is the default
        command = [self.java, *self.java_opts, "-Dragchat.rate-limit.per-key-requests=1000000000", "-jar",
                   "ragchat.jar"]
        say(f"starting {self.jar} on {self.base} (work dir {self.work}, load {loadavg()})")
        log = open(self.work / "service.log", "ab")
        start = time.monotonic()
        self.process = subprocess.Popen(command, cwd=self.work, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                        stderr=subprocess.STDOUT)
        api = Api(self.base)
        while True:
            if self.process.poll() is not None:
                sys.exit(f"the service exited during start-up; see {self.work / 'service.log'}")
            try:
                status, body, _ = api.request("GET", "/actuator/health")
                if status == 200 and body.get("status") == "UP":
                    break
            except OSError:
                pass
            if time.monotonic() - start > 900:
                sys.exit("the service was not healthy after 900 s")
            api.conn = None
            time.sleep(0.5)
        self.startup_seconds = time.monotonic() - start
        say(f"healthy after {self.startup_seconds:.1f} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.keep:
            shutil.rmtree(self.work, ignore_errors=True)


def connect(args, result, prefix):
    """The service to measure: the one at --url (with --master-key), or the packaged jar
    started here (then stopped by the caller's Service.stop). Records the start-up and the
    JDK in result. Returns (service or None, base URL, master key)."""
    if args.url:
        if not args.master_key:
            sys.exit("--url needs --master-key (or RAGCHAT_MASTER_KEY)")
        result["url"] = args.url.rstrip("/")
        return None, result["url"], args.master_key
    service = Service(args, prefix=prefix)
    service.start()
    result["startupSeconds"] = round(service.startup_seconds, 1)
    result["machine"]["java"] = java_version(args.java)
    result["url"] = service.base
    return service, service.base, service.master_key


def write_result(path, result):
    """Writes a run's figures as JSON, making the folder if needed; returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return out


def java_version(java):
    try:
        return subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    except (OSError, IndexError):
        return "?"


def create_key(api, master_key, name, ttl_seconds=86400):
    body, _ = api.ok("POST", "/api/v1/keys", {"name": name, "ttlSeconds": ttl_seconds,
                                              "scopes": ["chat", "upload", "admin"]},
                     headers={"X-Master-Key": master_key})
    return body["key"]


# --------------------------------------------------------------------------- FinanceBench's data

def company(doc_name):
    return doc_name.split("_")[0]


def load_questions(data):
    questions = []
    with open(data / "questions.jsonl") as f:
        for line in f:
            q = json.loads(line)
            evidence = sorted({(e["doc_name"], e["evidence_page_num"] + 1) for e in q["evidence"]})
            texts = {(e["doc_name"], e["evidence_page_num"] + 1): e["evidence_text"] for e in q["evidence"]}
            questions.append({
                "id": q["financebench_id"], "company": q["company"], "doc": q["doc_name"],
                "question": q["question"], "gold": q["answer"],
                # evidence_page_num is 0-based; ragchat counts pages from 1, as PDFBox does
                "evidence": [{"doc": d, "page": p, "text": texts[(d, p)]} for d, p in evidence],
                "gold_number": first_number(q["answer"]),
            })
    return questions


CITATION_MARKER = re.compile(r"\[\d+\]")
# a number not glued to a word before it (FY2023, Q2, 10K... are not amounts): 1,577 / 1577.00 / 0.4
NUMBER = re.compile(r"(?<![A-Za-z0-9.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def numbers(text):
    """Absolute values of the numbers in a text ($, % and signs dropped; "(1,577)" is 1577)."""
    return [float(m.group(1).replace(",", "") + (m.group(2) or "")) for m in NUMBER.finditer(text or "")]


def first_number(gold):
    found = numbers(gold)
    return found[0] if found else None


def has_number(answer, gold_number):
    """True when the answer holds the gold number, within 0.5 % (so "1,577" matches "$1577.00",
    "65.4" matches "65.4%", but "1.3" does not match "1.33")."""
    tolerance = max(abs(gold_number) * 0.005, 0.005)
    return any(abs(n - abs(gold_number)) <= tolerance for n in numbers(CITATION_MARKER.sub(" ", answer or "")))


# --------------------------------------------------------------------------- ingestion

def find_kb(api, key, name):
    body, _ = api.ok("GET", "/api/v1/knowledge-bases", headers={"X-API-Key": key})
    kbs = body if isinstance(body, list) else body.get("knowledgeBases", body.get("items", []))
    for kb in kbs:
        if kb.get("name") == name:
            return kb["id"]
    return None


def find_or_create_kb(api, key, name, description):
    found = find_kb(api, key, name)
    if found:
        return found, False
    kb, _ = api.ok("POST", "/api/v1/knowledge-bases", {"name": name, "description": description},
                   headers={"X-API-Key": key})
    return kb["id"], True


def content_type_of(path):
    if path.suffix == ".md":
        return "text/markdown"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def multipart(paths):
    boundary = uuid.uuid4().hex
    parts = []
    for p in paths:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{p.name}"\r\n'
                     f"Content-Type: {content_type_of(p)}\r\n\r\n".encode())
        parts.append(p.read_bytes())
        parts.append(b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def documents(api, key, kb):
    body, _ = api.ok("GET", f"/api/v1/knowledge-bases/{kb}/documents", headers={"X-API-Key": key})
    return body["documents"]


def instant(text):
    if not text:
        return None
    text = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
    return datetime.fromisoformat(text)


def doc_name(filename):
    """A document's name in the benchmarks: its file name without its extension (.pdf, .md,
    .html, ...)."""
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", filename)


def batches(paths, batch, max_bytes=50 * 1024 * 1024):
    """Groups of at most `batch` files and (unless one file is larger) max_bytes: the service
    takes 200 MB a request."""
    group, size = [], 0
    for p in paths:
        n = p.stat().st_size
        if group and (len(group) >= batch or size + n > max_bytes):
            yield group
            group, size = [], 0
        group.append(p)
        size += n
    if group:
        yield group


def ingest(api, key, name, files, batch, description="benchmark"):
    """Uploads the files not yet in the knowledge base (by file name), waits until every
    document of it is READY or FAILED. Returns (figures, {document id: doc_name})."""
    kb, created = find_or_create_kb(api, key, name, description)
    present = {d["filename"] for d in documents(api, key, kb)}
    missing = [p for p in files if p.name not in present]
    say(f"{name} ({kb}): {len(files) - len(missing)} of {len(files)} files already there, uploading {len(missing)}"
        f" (load {loadavg()})")
    started = time.monotonic()
    duplicates = []
    for group in batches(missing, batch):
        body, content_type = multipart(group)
        answer, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/documents", body, headers={"X-API-Key": key},
                           content_type=content_type)
        duplicates += [(d["filename"], d["duplicateOf"]) for d in answer["documents"] if d.get("duplicateOf")]
    for filename, of in duplicates:
        say(f"{name}: {filename} has the same bytes as document {of}: not a document of its own")
    last_report = 0
    while True:
        # every document of the knowledge base is ours, and an upload's answer comes after its
        # documents are in the catalog: so "all of them final" means done
        docs = documents(api, key, kb)
        done = [d for d in docs if d["status"] in ("READY", "FAILED")]
        if len(done) == len(docs):
            break
        if time.monotonic() - last_report >= 60:
            pages_done = sum((d.get("progress") or {}).get("pagesDone") or 0 for d in docs)
            say(f"{name}: {len(done)}/{len(docs)} documents done, {pages_done} pages parsed,"
                f" {time.monotonic() - started:.0f} s (load {loadavg()})")
            last_report = time.monotonic()
        time.sleep(5)
    wall = time.monotonic() - started if missing else None
    failed = [d for d in docs if d["status"] == "FAILED"]
    for d in failed:
        say(f"{name}: FAILED: {d['filename']}: {d.get('error')}")
    names = {p.name for p in files}
    absent = sorted(names - {d["filename"] for d in docs} - {f for f, _ in duplicates})
    if absent:
        say(f"{name}: {len(absent)} files are not in the knowledge base: {', '.join(absent[:10])}")
    pages = sum(d.get("pages") or 0 for d in docs)
    # from the catalog's own timestamps, so that a re-run on kept data still reports it
    first, last = min(instant(d["createdAt"]) for d in docs), max(instant(d.get("readyAt")) or
                                                                  instant(d["createdAt"]) for d in docs)
    server_seconds = (last - first).total_seconds()
    result = {"knowledgeBase": kb, "name": name, "documents": len(docs), "failed": len(failed), "pages": pages,
              "chunks": sum(d.get("chunks") or 0 for d in docs), "uploadedNow": len(missing),
              "wallSeconds": wall, "catalogSeconds": server_seconds,
              "pagesPerSecond": pages / server_seconds if server_seconds else None,
              "load": loadavg() if missing else None,
              "failedDocuments": [{"filename": d["filename"], "error": d.get("error")} for d in failed],
              "duplicates": [{"filename": f, "duplicateOf": of} for f, of in duplicates]}
    say(f"{name}: {len(docs)} documents final ({len(failed)} failed), {pages} pages, {result['chunks']} chunks,"
        f" {server_seconds:.0f} s from the first upload to the last READY (catalog timestamps)"
        + (f", {wall:.0f} s wall" if wall else "") + f" (load {loadavg()})")
    return result, {d["id"]: doc_name(d["filename"]) for d in docs}


# --------------------------------------------------------------------------- questions

def search(api, key, kb, query, mode, top_k, docs):
    """POST /search; returns ([{doc, page, pageEnd, score}], seconds)."""
    body, seconds = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/search",
                           {"query": query, "topK": top_k, "mode": mode}, headers={"X-API-Key": key})
    return [{"doc": docs.get(r["documentId"], doc_name(r["filename"])), "page": r["page"],
             "pageEnd": r.get("pageEnd") or r["page"], "score": round(r["score"], 5)}
            for r in body["results"]], seconds


def ask(api, key, kb, question):
    """A new session per question, so that no history colours the answer."""
    session, _ = api.ok("POST", "/api/v1/sessions", {"knowledgeBase": kb}, headers={"X-API-Key": key})
    body, seconds = api.ok("POST", f"/api/v1/sessions/{session['sessionId']}/messages", {"message": question},
                           headers={"Authorization": "Bearer " + session["token"]})
    return body, seconds


# --------------------------------------------------------------------------- report helpers

def percentile(values, p):
    """Nearest rank."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def rate(flags):
    flags = [f for f in flags if f is not None]
    return (sum(flags) / len(flags) if flags else None), sum(flags), len(flags)


def f3(x):
    return "–" if x is None else f"{x:.3f}"


def ms(x):
    return "–" if x is None else f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def git_commit():
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
