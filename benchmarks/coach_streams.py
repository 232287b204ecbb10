"""How many live 30 fps landmark streams the real server sustains: `.venv/bin/python benchmarks/coach_streams.py`.

Starts `lumbar serve` (uvicorn, SQLite, one process) and opens N WebSocket clients in this process, each
sending a real landmark recording (the shared synthetic pelvic tilt) at 30 frames per second, 3 frames per
message, and timing every answer. For each N it prints the achieved message rate and the feedback latency
(p50/p99), for two paths: the analysis, and a baseline of the same clients and messages against the
consumer's cheapest path (frames before "start": an error answer, no analysis), so that the ratio of the
streams each sustains shows what the analysis costs the server. N doubles from 10 until a count is not
sustained, then is bisected between the last sustained and the first failed count (BISECT_STEPS steps),
so the ratio is not limited to 1, 0.5, 0.25. The two paths take their steps in turn, so that other work
on the machine weighs on both alike, and a count fails only if it fails twice in a row. The load generator shares the machine's cores with the server, as
it would not in use, so the figures are a floor.
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websockets

ROOT = Path(__file__).resolve().parents[1]
CLIP = ROOT.parent / "shared" / "data" / "synthetic" / "pelvic_tilt_landmarks.json"
FPS, BATCH, SECONDS = 30, 3, 8
FIRST_STREAMS, MAX_STREAMS = 10, 1280
BISECT_STEPS = 4   # after the doubling: the count is then known to within 1/16 of the last doubling
SETTLE_S = 2.0     # pause before each step
LATENCY_LIMIT_MS = 100  # p99 above this counts as not sustained (feedback would lag behind the movement)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, data_dir: str) -> subprocess.Popen:
    env = {**os.environ, "LUMBAR_DATA_DIR": data_dir, "SITE_URL": f"http://127.0.0.1:{port}"}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "lumbar", "serve", "--no-browser", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/about/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def session_cookie(port: int) -> str:
    """Local mode signs in requests from this machine; the socket reuses that session."""
    response = urllib.request.urlopen(f"http://127.0.0.1:{port}/")
    cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or [] if c.startswith("sessionid=")]
    if not cookies:
        raise SystemExit("no session cookie: is LUMBAR_MODE local?")
    return cookies[0]


async def stream(url: str, headers: dict, frames: list, analyse: bool, stop_at: float, latencies: list) -> None:
    async with websockets.connect(url, additional_headers=headers, max_size=2**20) as ws:
        if analyse:
            await ws.send(json.dumps({"type": "start", "exercise": "pelvic-tilt", "fps": FPS}))
            await ws.recv()
        start, index = time.monotonic(), 0
        while time.monotonic() < stop_at:
            batch = frames[index:index + BATCH] or frames[:BATCH]
            shift = (index // len(frames)) * frames[-1]["t"]  # keep time increasing when the clip loops
            message = json.dumps({"type": "frames", "frames": [{**f, "t": f["t"] + shift} for f in batch]})
            index = (index + BATCH) % (len(frames) - len(frames) % BATCH)
            sent = time.monotonic()
            await ws.send(message)
            await ws.recv()
            latencies.append((time.monotonic() - sent) * 1000)
            due = start + len(latencies) * BATCH / FPS
            await asyncio.sleep(max(0.0, due - time.monotonic()))


async def load(url: str, headers: dict, frames: list, streams: int, analyse: bool) -> dict:
    stop_at = time.monotonic() + SECONDS
    per_stream = [[] for _ in range(streams)]
    started = time.monotonic()
    await asyncio.gather(*(stream(url, headers, frames, analyse, stop_at, lat) for lat in per_stream))
    elapsed = time.monotonic() - started
    all_ms = sorted(ms for lat in per_stream for ms in lat)
    wanted = streams * SECONDS * FPS / BATCH
    return {
        "streams": streams,
        "rate": len(all_ms) / elapsed,
        "kept_up": len(all_ms) / wanted,
        "p50": statistics.median(all_ms),
        "p99": all_ms[int(len(all_ms) * 0.99) - 1],
    }


def sustained(result: dict) -> bool:
    return result["kept_up"] >= 0.95 and result["p99"] <= LATENCY_LIMIT_MS


class Ramp:
    """The most streams one path sustains: the count doubles from FIRST_STREAMS until it is not sustained,
    then is bisected between the last sustained and the first failed count for BISECT_STEPS steps. A count
    fails only when it fails twice in a row: other work on the machine can spoil one step's p99 (it only
    ever makes a step look worse), and it should not end a ramp."""

    def __init__(self, label: str, analyse: bool):
        self.label, self.analyse = label, analyse
        self.rows: list[dict] = []
        self.sustained_at, self.failed_at, self.bisected = 0, None, 0
        self.next: int | None = FIRST_STREAMS      # the count to try next; None when done
        self.retried: set[int] = set()

    def record(self, result: dict) -> None:
        self.rows.append(result)
        if not sustained(result) and result["streams"] not in self.retried:
            self.retried.add(result["streams"])      # try it once more
            return
        if sustained(result):
            self.sustained_at = result["streams"]
        else:
            self.failed_at = result["streams"]
        if self.failed_at is None:
            self.next = 2 * self.sustained_at if 2 * self.sustained_at <= MAX_STREAMS else None
        elif self.bisected < BISECT_STEPS and self.failed_at - self.sustained_at > 1:
            self.next, self.bisected = (self.sustained_at + self.failed_at) // 2, self.bisected + 1
        else:
            self.next = None

    def summary(self) -> str:
        if self.failed_at is None:
            return f"at least {self.sustained_at}"
        return f"{self.sustained_at} (not {self.failed_at})"


async def measure(url: str, headers: dict, frames: list, ramps: list[Ramp]) -> None:
    """Both ramps, one step of each in turn, so that whatever else the machine does weighs on both alike."""
    while any(ramp.next for ramp in ramps):
        for ramp in ramps:
            if ramp.next:
                await asyncio.sleep(SETTLE_S)     # the previous step's backlog, if any, is not this one's
                row = await load(url, headers, frames, ramp.next, ramp.analyse)
                ramp.record(row)
                print(f"{ramp.label:<22} {row['streams']:>7} {row['rate']:>8.0f} {row['kept_up']:>8.0%} "
                      f"{row['p50']:>7.1f} {row['p99']:>7.1f}", flush=True)


def main() -> None:
    if not CLIP.exists():
        raise SystemExit(f"needs the shared data: {CLIP}")
    frames = json.loads(CLIP.read_text())["frames"]
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        server = start_server(port, data_dir)
        try:
            headers = {"Cookie": session_cookie(port), "Origin": f"http://127.0.0.1:{port}"}
            url = f"ws://127.0.0.1:{port}/ws/coach/"
            print(f"{os.cpu_count()} cores; each stream: {FPS} frames/s in messages of {BATCH}; {SECONDS} s per step; "
                  f"sustained = at least 95% of messages answered and p99 <= {LATENCY_LIMIT_MS} ms\n")
            print(f"{'path':<22} {'streams':>7} {'msgs/s':>8} {'kept up':>8} {'p50 ms':>7} {'p99 ms':>7}", flush=True)
            base, real = Ramp("baseline (no analysis)", False), Ramp("analysis", True)
            asyncio.run(measure(url, headers, frames, [base, real]))
            ratio = real.sustained_at / base.sustained_at if base.sustained_at else float("nan")
            print(f"\nsustained streams: baseline {base.summary()}, with analysis {real.summary()}; ratio {ratio:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
