# Shared functions for the .ci/ scripts; source it, do not run it:
#
#     CI_NAME=crash-recovery                # optional: prefixes every message
#     source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Messages      say MSG...; fail MSG... (exits 1)
# JDK           ci_select_jdk: exports JAVA_HOME (JDK 21+) and puts it first on PATH
# httpyac       ci_httpyac: installs the pinned httpyac into .ci/.tools, sets HTTPYAC
# MCP Inspector ci_mcp_inspector: installs the pinned MCP Inspector into .ci/.tools/mcp-inspector,
#               sets MCP_INSPECTOR
# openai (npm)  ci_openai_npm: installs the pinned openai package into .ci/.tools/openai, sets
#               OPENAI_NPM (that prefix)
# Service       ci_work_dir PREFIX; ci_service_init JAR; ci_service_start LOG [NAME=value...];
#               ci_service_stop (see below)
# Helpers       ci_free_port, ci_master_key
#
# shellcheck shell=bash disable=SC2034  # CI_NAME, CI_LOG_TAIL, HTTPYAC... are read by the scripts

CI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CI_MIN_JAVA=21
CI_HTTPYAC_VERSION=6.16.7            # verified against this repository's .http files
CI_MCP_INSPECTOR_VERSION=2.12.0      # its CLI verified against /mcp (runs on Node 20 though it asks for 22)
CI_OPENAI_NPM_VERSION=7.57.0         # verified against /v1 (runs on Node 20 though it asks for 22)
CI_HEALTH_TIMEOUT_SECONDS=${CI_HEALTH_TIMEOUT_SECONDS:-180}   # start-up takes 50-95 s on a busy 2-core machine
CI_LOG_TAIL=${CI_LOG_TAIL:-40}       # lines of each *.log in the work dir shown on failure
CI_JAVA_OPTS=${CI_JAVA_OPTS:-}       # JVM options of the started service (benchmarks: the vector module)
CI_HEALTH_POLL_SECONDS=${CI_HEALTH_POLL_SECONDS:-1}   # benchmarks poll finer to time the start-up

say()  { printf '==> %s%s\n' "${CI_NAME:+$CI_NAME: }" "$*"; }
fail() { printf '==> %sFAILED: %s\n' "${CI_NAME:+$CI_NAME }" "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# JDK: the same choice the Maven build makes (root pom: maven-toolchains-plugin
# select-jdk-toolchain, version [21,)): the JDK Maven runs on ($JAVA_HOME, else
# java on PATH) when it is 21+, else a discovered one, LTS releases first, then
# one named by a JAVA<n>_HOME variable, then the newest.
# ---------------------------------------------------------------------------

# ci_jdk_major HOME: the major version of the JDK at HOME, nothing if HOME is
# not a JDK (java and javac both required: Maven compiles).
ci_jdk_major() {
    local home=$1 spec
    [[ -x $home/bin/java && -x $home/bin/javac ]] || return 0
    spec=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = //p')
    spec=${spec#1.}          # 1.8 -> 8
    [[ $spec =~ ^[0-9]+$ ]] && echo "$spec"
    return 0
}

# ci_find_jdk: prints the JAVA_HOME to use, nothing if there is no JDK 21+.
ci_find_jdk() {
    local home major dir var lts env_flag
    if [[ -n ${JAVA_HOME:-} ]]; then
        major=$(ci_jdk_major "$JAVA_HOME")
        if [[ -n $major ]] && ((major >= CI_MIN_JAVA)); then echo "$JAVA_HOME"; return 0; fi
    fi
    if command -v java >/dev/null 2>&1; then
        home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        major=$(ci_jdk_major "$home")
        if [[ -n $major ]] && ((major >= CI_MIN_JAVA)); then echo "$home"; return 0; fi
    fi
    # Where maven-toolchains-plugin 3.2 looks on Linux.
    local -a candidates=() env_homes=()
    for var in $(compgen -e); do
        [[ $var == JAVA*_HOME ]] || continue
        env_homes+=("$(readlink -f "${!var}" || true)")
        candidates+=("${!var}")
    done
    for dir in ~/.jdks ~/.m2/jdks ~/.sdkman/candidates/java ~/.gradle/jdks ~/.jenv/versions \
        ~/.jbang/cache/jdks ~/.asdf/installs ~/.jabba/jdk /usr/jdk /usr/java /opt/java /usr/lib/jvm; do
        [[ -d $dir ]] && candidates+=("$dir"/*)
    done
    for home in "${candidates[@]}"; do
        home=$(readlink -f "$home") || continue
        major=$(ci_jdk_major "$home")
        if [[ -z $major ]] || ((major < CI_MIN_JAVA)); then continue; fi
        case $major in 21 | 25) lts=0 ;; *) lts=1 ;; esac
        env_flag=1
        for dir in "${env_homes[@]}"; do [[ $dir == "$home" ]] && env_flag=0; done
        printf '%s %s %s %s\n' "$lts" "$env_flag" "$major" "$home"
    done | sort -u | sort -k1,1n -k2,2n -k3,3nr | head -n 1 | cut -d' ' -f4-
}

ci_select_jdk() {
    local home
    home=$(ci_find_jdk)
    [[ -n $home ]] || fail "ragchat needs a JDK $CI_MIN_JAVA or newer and none was found (checked \$JAVA_HOME, java on PATH, JAVA*_HOME, /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks, ~/.m2/jdks, ~/.gradle/jdks): install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21) or point JAVA_HOME at it"
    export JAVA_HOME=$home
    export PATH="$JAVA_HOME/bin:$PATH"
    say "JDK: $JAVA_HOME (Java $(ci_jdk_major "$JAVA_HOME"))"
}

# ---------------------------------------------------------------------------
# httpyac, pinned, in .ci/.tools (git-ignored), never installed globally
# ---------------------------------------------------------------------------
ci_httpyac() {
    HTTPYAC="$CI_ROOT/.ci/.tools/node_modules/.bin/httpyac"
    if [[ -x $HTTPYAC ]] && [[ $("$HTTPYAC" --version 2>/dev/null) == "$CI_HTTPYAC_VERSION" ]]; then
        say "httpyac $CI_HTTPYAC_VERSION already in .ci/.tools"
    else
        say "npm: installing httpyac@$CI_HTTPYAC_VERSION into .ci/.tools"
        npm install --no-save --no-audit --no-fund --loglevel=error \
            --prefix "$CI_ROOT/.ci/.tools" "httpyac@$CI_HTTPYAC_VERSION" >/dev/null
    fi
    [[ $("$HTTPYAC" --version) == "$CI_HTTPYAC_VERSION" ]] || fail "httpyac $CI_HTTPYAC_VERSION not runnable from $HTTPYAC"
}

# ci_npm_prefix PACKAGE VERSION DIR: the pinned npm package in a prefix of its own under
# .ci/.tools (an npm install --no-save into .ci/.tools itself would prune httpyac); installs
# it unless that version is there already.
ci_npm_prefix() {
    local package=$1 version=$2 prefix="$CI_ROOT/.ci/.tools/$3" installed
    installed=$(node -p "require('$prefix/node_modules/$package/package.json').version" 2>/dev/null || true)
    if [[ $installed == "$version" ]]; then
        say "$package $version already in .ci/.tools/$3"
    else
        say "npm: installing $package@$version into .ci/.tools/$3"
        mkdir -p "$prefix"
        npm install --no-save --no-audit --no-fund --loglevel=error --engine-strict=false \
            --prefix "$prefix" "$package@$version" >/dev/null
    fi
}

# The official MCP Inspector: its CLI mode is the MCP client of .ci/agents-walkthrough.
ci_mcp_inspector() {
    ci_npm_prefix @modelcontextprotocol/inspector "$CI_MCP_INSPECTOR_VERSION" mcp-inspector
    MCP_INSPECTOR="$CI_ROOT/.ci/.tools/mcp-inspector/node_modules/.bin/mcp-inspector"
    [[ -x $MCP_INSPECTOR ]] || fail "MCP Inspector $CI_MCP_INSPECTOR_VERSION not runnable from $MCP_INSPECTOR"
}

# The official openai package, the OpenAI client of .ci/openai-client.mjs.
ci_openai_npm() {
    ci_npm_prefix openai "$CI_OPENAI_NPM_VERSION" openai
    OPENAI_NPM="$CI_ROOT/.ci/.tools/openai"
    [[ -f $OPENAI_NPM/node_modules/openai/index.mjs ]] || fail "openai $CI_OPENAI_NPM_VERSION not installed in $OPENAI_NPM"
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

# ci_free_port: a free TCP port on 127.0.0.1.
ci_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local p
    for _ in {1..50}; do
        p=$((20000 + RANDOM % 40000))
        # nothing listening if the connect fails
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    return 1
}

# ci_master_key: a random throw-away master key, 48 URL-safe characters.
ci_master_key() {
    local key
    key=$(LC_ALL=C tr -dc 'A-Za-z0-9_-' </dev/urandom | head -c 48 || true)
    ((${#key} == 48)) || return 1
    echo "$key"
}

# ---------------------------------------------------------------------------
# The packaged service
#
#   ci_work_dir PREFIX      makes CI_WORK (a temporary directory) and sets the
#                           exit trap: it stops the service and every PID in
#                           CI_PIDS, prints the last CI_LOG_TAIL lines of each
#                           $CI_WORK/*.log if the script fails, removes CI_WORK
#   ci_service_init JAR     copies JAR to $CI_WORK/ragchat.jar (a rebuild during
#                           the run cannot pull it away) and sets SERVICE_PORT,
#                           SERVICE_MASTER_KEY and SERVICE_URL (https://127.0.0.1:port)
#   ci_service_start NAME [VAR=value...]
#                           starts it (log $CI_WORK/NAME.log, data $CI_WORK/data,
#                           certificate $CI_WORK/certs, extra environment as given)
#                           with CI_JAVA_OPTS, and waits for /actuator/health to be
#                           UP (polled every CI_HEALTH_POLL_SECONDS); sets SERVICE_PID
#                           and SERVICE_STARTUP_SECONDS (start to healthy)
#   ci_service_stop         TERM, then KILL after 10 s
# ---------------------------------------------------------------------------
CI_WORK=""
CI_PIDS=()
SERVICE_PID=""

ci_work_dir() {
    CI_WORK=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    trap ci_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

ci_cleanup() {
    local rc=$? pid log
    set +e
    ci_service_stop
    for pid in "${CI_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    if ((rc != 0)) && [[ -n $CI_WORK ]]; then
        for log in "$CI_WORK"/*.log; do
            [[ -s $log ]] && { echo "==> last $CI_LOG_TAIL lines of $log:"; tail -n "$CI_LOG_TAIL" "$log"; }
        done
    fi
    [[ -n $CI_WORK ]] && rm -rf "$CI_WORK"
    exit "$rc"
}

ci_service_init() {
    local jar=$1
    [[ -f $jar ]] || fail "jar not found: $jar (build it, or point RAGCHAT_JAR at one)"
    [[ -n $CI_WORK ]] || fail "ci_service_init: call ci_work_dir first"
    cp "$jar" "$CI_WORK/ragchat.jar"
    SERVICE_PORT=$(ci_free_port) || fail "could not find a free port"
    SERVICE_MASTER_KEY=$(ci_master_key) || fail "could not generate a master key"
    SERVICE_URL="https://127.0.0.1:$SERVICE_PORT"
}

ci_service_start() {
    local name=$1 started started_ns
    shift
    say "service: starting ragchat.jar on $SERVICE_URL (work dir $CI_WORK${*:+, $*})"
    (
        cd "$CI_WORK" || exit 1
        export SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$SERVICE_PORT" \
            RAGCHAT_DATA_DIR="$CI_WORK/data" RAGCHAT_MASTER_KEY="$SERVICE_MASTER_KEY" \
            RAGCHAT_TLS_CERT="$CI_WORK/certs/server.crt" RAGCHAT_TLS_KEY="$CI_WORK/certs/server.key"
        for var in "$@"; do export "${var?}"; done
        # shellcheck disable=SC2086
        exec "$JAVA_HOME/bin/java" $CI_JAVA_OPTS -jar ragchat.jar </dev/null >"$CI_WORK/$name.log" 2>&1
    ) &
    SERVICE_PID=$!

    say "service: waiting for $SERVICE_URL/actuator/health (up to ${CI_HEALTH_TIMEOUT_SECONDS}s)"
    started=$SECONDS
    started_ns=$(date +%s%N)
    until [[ $(curl -sk --max-time 5 "$SERVICE_URL/actuator/health" 2>/dev/null || true) == *'"status":"UP"'* ]]; do
        kill -0 "$SERVICE_PID" 2>/dev/null || fail "service exited during start-up"
        ((SECONDS - started < CI_HEALTH_TIMEOUT_SECONDS)) || fail "service not healthy after ${CI_HEALTH_TIMEOUT_SECONDS}s"
        sleep "$CI_HEALTH_POLL_SECONDS"
    done
    SERVICE_STARTUP_SECONDS=$(awk -v a="$started_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    say "service: UP after ${SERVICE_STARTUP_SECONDS}s"
}

ci_service_stop() {
    [[ -n $SERVICE_PID ]] || return 0
    if kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" 2>/dev/null
        for _ in {1..20}; do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SERVICE_PID" 2>/dev/null
    fi
    wait "$SERVICE_PID" 2>/dev/null
    SERVICE_PID=""
    return 0
}
