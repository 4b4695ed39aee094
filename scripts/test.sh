#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a Debian machine (redis-server for the
# Redis backend tests, sqlite3 for looking into SQLite files, Node.js with npm and the packages of
# tests/docs-tools for the documentation's diagram check), starts a private redis-server
# on a free loopback port, runs the whole test suite, stops the redis-server again, and ends
# with one line of totals: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v sqlite3 >/dev/null 2>&1 || need_packages+=(sqlite3)
command -v node >/dev/null 2>&1 || need_packages+=(nodejs)
if [ "${#need_packages[@]}" -gt 0 ]; then
    echo "installing: ${need_packages[*]}"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

# Debian's nodejs comes without npm; the NodeSource build carries its own.
if ! command -v npm >/dev/null 2>&1; then
    echo "installing: npm"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >/dev/null
fi

# Mermaid and jsdom, at the versions of the committed lock file, for the documentation tests'
# diagram check; installed again only when the lock file changed since the last install.
docs_tools=tests/docs-tools
if ! cmp -s "$docs_tools/package-lock.json" "$docs_tools/node_modules/.installed-lock.json"; then
    (cd "$docs_tools" && npm ci --no-audit --no-fund --loglevel=error \
        && cp package-lock.json node_modules/.installed-lock.json)
fi

# A loopback port nothing listens on: connecting to it must fail.
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

# A private redis-server for the Redis backend tests, with its append-only file on, as the
# durability tests expect.
work_dir=$(mktemp -d)
redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work_dir" --save "" \
    --appendonly yes --daemonize yes --pidfile "$work_dir/redis.pid" --logfile "$work_dir/redis.log"
cleanup() {
    if [ -f "$work_dir/redis.pid" ]; then kill "$(cat "$work_dir/redis.pid")" 2>/dev/null || true; fi
    sleep 0.2
    rm -rf "$work_dir"
}
trap cleanup EXIT
export JRDLM_TEST_REDIS="127.0.0.1:$redis_port"
JRDLM_TEST_REDIS_SERVER="$(command -v redis-server)"
export JRDLM_TEST_REDIS_SERVER

# Build once, then run each test project in turn: on a small machine, test projects running
# side by side only slow each other's timing-sensitive tests down.
dotnet build JackrabbitDlm.slnx -c Release
status=0
for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" -c Release --no-build --logger "console;verbosity=minimal" \
        --logger "trx" --results-directory "$work_dir/results/$name" "$@" || status=$?
done

# One closing line over every test project, from their result files.
passed=0 failed=0 skipped=0
for trx in "$work_dir"/results/*/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    total=$(value total); executed=$(value executed); ok=$(value passed)
    passed=$((passed + ${ok:-0}))
    failed=$((failed + ${executed:-0} - ${ok:-0}))
    skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
