#!/usr/bin/env bash
# Starts or stops a Tansu broker (memory storage) for the tests.
#   Scripts/tansu.sh start [NAME]   prints the bootstrap address (127.0.0.1:PORT) once it answers
#   Scripts/tansu.sh stop [NAME]
# NAME (default none) lets several brokers run side by side, each with its own
# .tools/tansu[-NAME].pid, .addr and .log (the chaos run freezes its own).
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools"
name="tansu${2:+-$2}"
pidfile="$tools/$name.pid"
addrfile="$tools/$name.addr"
logfile="$tools/$name.log"

case "${1:-}" in
start)
    [ -x "$tools/bin/tansu" ] || Scripts/setup-tools.sh
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$tools/bin/tansu" broker \
        --listener-url "tcp://127.0.0.1:$port" \
        --advertised-listener-url "tcp://127.0.0.1:$port" \
        >"$logfile" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
        if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
            echo "127.0.0.1:$port" >"$addrfile"
            echo "127.0.0.1:$port"
            exit 0
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "tansu: the broker exited at start; its log follows" >&2
            cat "$logfile" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "tansu: no answer on 127.0.0.1:$port after 10 s; see $logfile" >&2
    exit 1
    ;;
stop)
    if [ -f "$pidfile" ]; then
        kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile" "$addrfile"
    fi
    ;;
*)
    echo "usage: Scripts/tansu.sh start|stop [NAME]" >&2
    exit 2
    ;;
esac
