#!/usr/bin/env python3
"""Loads a page in headless Chromium, lets it run for some seconds of real
time, then prints its DOM to stdout and saves a PNG screenshot.

    Scripts/browser-snapshot.py URL --seconds 8 --screenshot out.png [--width 1400 --height 1250]

Chromium's own --dump-dom and --screenshot capture a page as soon as it has
loaded, or after a *virtual* time budget in which the page's clock races ahead
of the world: a dashboard that polls a live server sees only a fraction of a
second of it. This drives Chromium over the DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages ending in NUL on file descriptors 3
and 4), so the page runs in real time. Python's standard library only.
"""
import argparse
import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, executable, width, height):
        self.profile = tempfile.mkdtemp(prefix="newswire-chromium-")
        to_child_read, self.to_child = os.pipe()
        self.from_child, from_child_write = os.pipe()

        def map_pipes():
            # Out of the way first, so neither end is overwritten by the other's dup2.
            read_end = fcntl.fcntl(to_child_read, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_child_write, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=map_pipes,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self.buffer = b""
        self.next_id = 0

    def call(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" not in self.buffer:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no answer to {method} within {timeout} s")
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium closed the pipe during {method}: {self.process.stderr.read().decode(errors='replace')[-2000:]}")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError, OSError):
            self.process.kill()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1250)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    arguments = parser.parse_args()

    browser = Browser(arguments.chromium, arguments.width, arguments.height)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": arguments.width, "height": arguments.height, "deviceScaleFactor": 1, "mobile": False}, session)
        browser.call("Page.enable", session=session)
        browser.call("Page.navigate", {"url": arguments.url}, session)
        time.sleep(arguments.seconds)
        dom = browser.call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML", "returnByValue": True},
                           session)["result"]["value"]
        png = browser.call("Page.captureScreenshot", {"format": "png"}, session)["data"]
        with open(arguments.screenshot, "wb") as file:
            file.write(base64.b64decode(png))
        sys.stdout.write(dom)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
