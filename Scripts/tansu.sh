#!/usr/bin/env bash
# Starts or stops a Tansu broker (memory storage) for the tests, one per checkout
# and name.
#   Scripts/tansu.sh start [NAME]   prints the bootstrap address (127.0.0.1:PORT) once it answers
#   Scripts/tansu.sh stop [NAME]
# NAME (default none) lets several brokers run side by side, each with its own
# .tools/tansu[-NAME].pid, .addr and .log (the chaos run freezes its own).
# Never leaves a broker behind: a start that fails (the broker exits, or does
# not answer within 30 s, or the script is interrupted) stops the broker it
# started, and a start first stops one a previous run left under that name.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools"
name="tansu${2:+-$2}"
pidfile="$tools/$name.pid"
addrfile="$tools/$name.addr"
logfile="$tools/$name.log"

# Stops the broker named in the pid file (only if that process is a tansu),
# waiting up to 5 s for it to exit before killing it.
stop_broker() {
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if [ -n "$pid" ] && grep -qa tansu "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "tansu: broker $pid did not exit on SIGTERM within 5 s; killing it" >&2
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$pidfile" "$addrfile"
}

case "${1:-}" in
start)
    [ -x "$tools/bin/tansu" ] || Scripts/setup-tools.sh
    stop_broker
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$tools/bin/tansu" broker \
        --listener-url "tcp://127.0.0.1:$port" \
        --advertised-listener-url "tcp://127.0.0.1:$port" \
        >"$logfile" 2>&1 &
    echo $! >"$pidfile"
    started=no
    trap '[ "$started" = yes ] || stop_broker' EXIT
    trap 'exit 1' INT TERM HUP
    deadline=$((SECONDS + 30))
    while [ "$SECONDS" -lt "$deadline" ]; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "127.0.0.1:$port" >"$addrfile"
            echo "127.0.0.1:$port"
            started=yes
            exit 0
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "tansu: the broker exited at start; its log follows" >&2
            cat "$logfile" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "tansu: no answer on 127.0.0.1:$port within 30 s, so the broker was stopped; see $logfile" >&2
    exit 1
    ;;
stop)
    stop_broker
    ;;
*)
    echo "usage: Scripts/tansu.sh start|stop [NAME]" >&2
    exit 2
    ;;
esac
