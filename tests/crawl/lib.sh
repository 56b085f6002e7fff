# tests/crawl/lib.sh: shared by the crawler's integration tests, tests/crawl/NAME.test, each run
# as `sh NAME.test TOOLS_DIR` (TOOLS_DIR holds ppid-crawl; CTest passes the build's tools/).
#
# A test sources this file, starts tests/crawl/serve on 127.0.0.1 (start_server), runs
# ppid-crawl (crawl), then asserts with jq over the records (check) and over what the server saw
# (check_stats). Every failed check is reported with what was expected and what came out; the
# test goes on and exits 1 at `finish` if any failed. The server and the scratch directory are
# removed by an EXIT trap, also when the test fails or is interrupted, so no process outlives it.
# Each crawl is bounded by `timeout` (CRAWL_LIMIT seconds): a hanging crawler fails the test.
set -u

crawl_dir=$(cd "$(dirname "$0")" && pwd)
repo_dir=$(cd "$crawl_dir/../.." && pwd)
fixture_dir=$repo_dir/tests/fixtures/kpu-site
test_name=$(basename "$0" .test)
AS_OF=2024-06-30
CRAWL_LIMIT=45   # seconds; a test with several crawls stays under CTest's 120
failures=0
checks=0
server_pid=""
work=""
records=""
SITE="" EPPID="" PORT=""

say() { echo "crawl/$test_name: $*" >&2; }
die() { say "$*"; exit 2; }

cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=""
    fi
    for pid in ${another_pids:-}; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    another_pids=""
    [ -n "${on_cleanup:-}" ] && eval "$on_cleanup"   # a test's own server (tests/crawl/archive.test)
    [ -n "$work" ] && [ -z "${KEEP_WORK:-}" ] && rm -rf "$work"
    return 0
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE   # stderr piped into `head`: still clean up

[ $# -ge 1 ] || die "usage: sh $test_name.test TOOLS_DIR"
[ -d "$1" ] || die "no tools directory: $1"
PATH=$(cd "$1" && pwd):$PATH
export PATH
for needed in python3 jq curl timeout; do
    command -v "$needed" > /dev/null || die "$needed not found"
done
work=$(mktemp -d "${TMPDIR:-/tmp}/ppid-crawl-test.XXXXXX") || die "cannot create a scratch directory"
[ -n "${KEEP_WORK:-}" ] && say "scratch directory: $work"

# copy_site: copies the fixture site to $work/site (sets SITE_DIR) with every file's mtime at
# 2023-08-29T10:00:00Z, so Last-Modified and `modified` are known values, not checkout times.
copy_site() {
    SITE_DIR=$work/site
    cp -R "$fixture_dir" "$SITE_DIR" || die "cannot copy $fixture_dir"
    rm -f "$SITE_DIR/make-documents"
    find "$SITE_DIR" -exec env TZ=UTC touch -t 202308291000.00 {} + || die "cannot set the mtimes"
}

# start_server [--root DIR]: starts tests/crawl/serve in the background and waits for its port;
# sets PORT, SITE (http://127.0.0.1:PORT) and EPPID (http://localhost:PORT, the "other" host).
start_server() {
    : > "$work/serve.port"   # exists before the background job opens it
    python3 "$crawl_dir/serve" "$@" > "$work/serve.port" 2> "$work/serve.err" &
    server_pid=$!
    PORT=$(port_of serve "$server_pid") || { server_pid=""; exit 2; }
    SITE=http://127.0.0.1:$PORT
    EPPID=http://localhost:$PORT
}

# port_of NAME PID: waits for the server PID to print its port on the first line of
# $work/NAME.port and prints it; dies when it exits first or takes over 20 s.
port_of() {
    tries=0
    while [ "$(wc -l < "$work/$1.port")" -lt 1 ]; do
        if ! kill -0 "$2" 2>/dev/null; then
            cat "$work/$1.err" >&2
            die "the test server $1 exited before listening"
        fi
        tries=$((tries + 1))
        [ "$tries" -le 200 ] || die "the test server $1 printed no port within 20 s"
        sleep 0.1
    done
    port=$(head -n 1 "$work/$1.port")
    case $port in ''|*[!0-9]*) die "the test server $1 printed '$port' instead of a port" ;; esac
    echo "$port"
}

# start_another_server NAME OPTION...: a second tests/crawl/serve (a slow office's site, an
# off-site host several offices link), stopped with the first; sets ANOTHER to its
# http://127.0.0.1:PORT. (Not in a subshell: the server ends when the shell that started it does.)
another_pids=""
start_another_server() {
    name=$1
    shift
    : > "$work/$name.port"
    python3 "$crawl_dir/serve" "$@" > "$work/$name.port" 2> "$work/$name.err" &
    another_pids="$another_pids $!"
    ANOTHER=http://127.0.0.1:$(port_of "$name" "$!") || exit 2
}

# stop_server: stops it now (the EXIT trap does it otherwise); the server must not have died.
stop_server() {
    [ -n "$server_pid" ] || return 0
    kill -0 "$server_pid" 2>/dev/null || fail_check "the test server was still running" "it had exited: $(cat "$work/serve.err")"
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=""
    [ -s "$work/serve.err" ] && fail_check "the test server wrote nothing to stderr" "$(head -n 20 "$work/serve.err")"
    return 0
}

# crawl NAME OPTION... URL...: runs ppid-crawl --as-of $AS_OF --quiet OPTION... URL...; the records
# go to $work/NAME.jsonl (then the file later checks read), stderr to $work/NAME.err, the exit
# status to CRAWL_STATUS. The crawl is killed after CRAWL_LIMIT seconds, which ends the test.
# CRAWL_QUIET= (set and empty) leaves --quiet out, for a test of the warnings.
crawl() {
    name=$1
    shift
    records=$work/$name.jsonl
    command -v ppid-crawl > /dev/null || die "ppid-crawl not found in the tools directory"
    # shellcheck disable=SC2086 # empty: no word
    timeout -k 5 "$CRAWL_LIMIT" ppid-crawl --as-of "$AS_OF" ${CRAWL_QUIET---quiet} "$@" > "$records" 2> "$work/$name.err"
    CRAWL_STATUS=$?
    case $CRAWL_STATUS in  # the later checks would only repeat this one: stop here
        124|137) fail_check "ppid-crawl $* to finish within $CRAWL_LIMIT s" "it was still running and was killed"
                 finish ;;
    esac
    checks=$((checks + 1))
    if ! jq -e -s 'length > 0 and (.[-1].type == "crawl_summary") and ([.[] | select(.type == "crawl_summary")] | length == 1)' \
            "$records" > /dev/null 2>&1; then
        fail_check "the output of '$name' is JSON Lines ending with the one crawl_summary record" \
            "$(tail -n 3 "$records" | cut -c1-300)"
    fi
}

fail_check() {  # WHAT FOUND
    failures=$((failures + 1))
    say "FAIL: expected $1"
    [ -n "$2" ] && printf '%s\n' "$2" | sed -n '1,25s/^/    /p' >&2
    return 0
}

# jq definitions shared by the checks; the records are the array `.`, $site and $eppid the two
# base URLs. rec(u): the records for URL u; doc(p)/page(p): the document/page record for
# $site+p (null when absent); summary; has(x): whether array . contains x.
JQ_DEFS='
def rec($u): map(select(.url == $u));
def doc($p): (map(select(.type == "document" and .url == ($site + $p))) | .[0]);
def page($p): (map(select(.type == "page" and .url == ($site + $p))) | .[0]);
def link($u): (map(select(.type == "link" and .url == $u)) | .[0]);
def summary: (map(select(.type == "crawl_summary")) | .[0]);
def has($x): any(.[]?; . == $x);
def failed($class): (.failure.class == $class) or ((.problems // []) | has($class));
'

# check WHAT FILTER [SHOW]: FILTER (jq, over all records as one array) must output true. On
# failure SHOW (a jq filter over the same array; default: nothing) shows what was there.
check() {
    checks=$((checks + 1))
    if jq -e -s --arg site "$SITE" --arg eppid "$EPPID" "$JQ_DEFS $2" "$records" > /dev/null 2> "$work/jq.err"; then
        return 0
    fi
    found=$(cat "$work/jq.err")
    if [ $# -ge 3 ]; then
        found=$found$(jq -c -s --arg site "$SITE" --arg eppid "$EPPID" "$JQ_DEFS $3" "$records" 2>&1 | cut -c1-600)
    fi
    fail_check "$1" "$found"
}

# check_record WHAT URL FILTER: FILTER runs on the one record for URL (any type) and must be
# true; there must be exactly one record for URL. Shows that record on failure.
check_record() {
    check "$1" "rec(\"$2\") | length == 1 and (.[0] | $3)" "rec(\"$2\") | if length == 0 then \"no record for $2\" else .[] end"
}

# stats: saves the server's /_stats to $work/stats.json; stats_reset zeroes the counters.
stats() { curl -sf "$SITE/_stats" > "$work/stats.json" || die "cannot read $SITE/_stats"; }
stats_reset() { curl -sf "$SITE/_stats/reset" > /dev/null || die "cannot reset $SITE/_stats"; }

# check_stats WHAT FILTER: FILTER runs on the last saved /_stats (see tests/crawl/serve), with
# req(p) and bytes(p) the requests and body bytes for path p (0 when never asked for).
check_stats() {
    checks=$((checks + 1))
    defs='def req($p): (.paths[$p].requests // 0); def bytes($p): (.paths[$p].bytes // 0);'
    if jq -e "$defs $2" "$work/stats.json" > /dev/null 2>&1; then
        return 0
    fi
    fail_check "$1" "$(jq -c '{requests, bytes, statuses, paths: (.paths | with_entries(.value |= .requests))}' "$work/stats.json" | cut -c1-1200)"
}

# expect_same_output NAME1 NAME2 WHAT: two crawls wrote byte-identical records.
expect_same_output() {
    checks=$((checks + 1))
    cmp -s "$work/$1.jsonl" "$work/$2.jsonl" ||
        fail_check "$3" "$(diff "$work/$1.jsonl" "$work/$2.jsonl" | cut -c1-300 | head -n 10)"
    return 0
}

# expect_status N: the last crawl exited with status N.
expect_status() {
    checks=$((checks + 1))
    [ "$CRAWL_STATUS" -eq "$1" ] ||
        fail_check "exit status $1" "status $CRAWL_STATUS; stderr: $(head -n 5 "$work/$name.err")"
}

# expect_quiet: the last crawl wrote nothing to stderr (--quiet, records only on stdout).
expect_quiet() {
    checks=$((checks + 1))
    [ -s "$work/$name.err" ] && fail_check "nothing on stderr with --quiet" "$(head -n 5 "$work/$name.err")"
    return 0
}

# finish: stops the server, prints the tally, exits 0 when every check passed, else 1.
finish() {
    stop_server
    if [ "$failures" -gt 0 ]; then
        say "$failures of $checks checks failed"
        exit 1
    fi
    say "all $checks checks passed"
    exit 0
}
