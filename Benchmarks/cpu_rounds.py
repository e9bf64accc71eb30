"""The timing loop the Python peers of the text benchmarks share: run the
work once to warm up, then repeat it until `seconds` of thread CPU time have
passed, and print one machine-readable line like TextBench's:
`<name> bytes=… articles=… rounds=… seconds=… mbps=… aps=…`."""
import sys
import time


def arguments():
    """(seconds, paths) from `[--seconds S] FILE…` (default 2 seconds)."""
    args = sys.argv[1:]
    seconds = 2.0
    if args[:1] == ["--seconds"]:
        seconds = float(args[1])
        args = args[2:]
    return seconds, args


def report(name, run_once, seconds, total_bytes, count):
    run_once()
    rounds = 0
    start = time.thread_time()
    while True:
        run_once()
        rounds += 1
        elapsed = time.thread_time() - start
        if elapsed >= seconds:
            break
    print(f"{name} bytes={total_bytes} articles={count} rounds={rounds} seconds={elapsed:.3f} "
          f"mbps={total_bytes * rounds / elapsed / 1e6:.2f} aps={count * rounds / elapsed:.0f}")
