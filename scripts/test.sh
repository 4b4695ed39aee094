#!/usr/bin/env bash
# Runs every test. Installs what the tests need on a Debian machine (redis-server for the
# Redis backend tests), starts a private redis-server on a free loopback port, runs the
# whole test suite, and stops the redis-server again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v sqlite3 >/dev/null 2>&1 || need_packages+=(sqlite3)
if [ "${#need_packages[@]}" -gt 0 ]; then
    echo "installing: ${need_packages[*]}"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

# A private redis-server for the Redis backend tests, on a port the kernel picks free.
redis_dir=$(mktemp -d)
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_dir" --save "" \
    --appendonly yes --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
stop_redis() {
    if [ -f "$redis_dir/redis.pid" ]; then kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true; fi
    sleep 0.2
    rm -rf "$redis_dir"
}
trap stop_redis EXIT
export JRDLM_TEST_REDIS="127.0.0.1:$redis_port"
export JRDLM_TEST_REDIS_SERVER="$(command -v redis-server)"

dotnet test JackrabbitDlm.slnx -c Release --logger "console;verbosity=normal" "$@"
