"""Issue 15's build-time snapshot experiment: first visits that restore a shipped snapshot.

Today a first visit starts Pyodide from scratch; only a repeat visit restores the memory snapshot
the worker stored after the first answer. This script measures the alternative: a snapshot made
at build time (in Node, exactly as the worker makes it: bench/snapshot_make.mjs) shipped with
the site, gzipped, so that even a first visit restores it. Nothing here changes the real site:

1. make the snapshot from the built site's own engine files (`site/engine/`);
2. copy the built site into a temporary folder (the *variant*): add `engine/snapshot.bin.gz` and
   patch the copy's `calc-worker.mjs` so a visit with no stored snapshot fetches the shipped one
   (`_loadSnapshot`, a promise, started with the worker; the WebAssembly and the standard library
   are fetched in parallel so nothing waits on the snapshot's download);
3. serve the built site and the variant (each on its own port, like GitHub Pages: bench's
   harness) and time cold first results of the protein page on both, interleaved A/B, B/A, …,
   plus the peer page (bench/peer.py), under four profiles: fast (no throttling), 20 Mbit/s +
   40 ms (bench/run.py's server-side link), CPU 4× slower, and both (`--profiles net5` adds
   5 Mbit/s). Each visit also records the CPU seconds Chromium used, in all its processes and
   in the engine's worker thread alone (/proc): a figure other sessions' load does not inflate.

The CPU profile: CDP's `Emulation.setCPUThrottlingRate` slows the page's main thread only, and
Chromium refuses it on a dedicated worker's target ("Operation is only supported for pages, not
workers", Chromium 156), where our engine runs. So the slow CPU is made outside the browser:
every renderer process of our Chromium is stopped and continued (SIGSTOP/SIGCONT) on a duty
cycle, running 1/rate of the time; main thread and worker alike. A busy loop timed on the main
thread and in a worker, with and without it, checks the slowdown at the start of every run
(reported as `calibration`). Results: a table on stdout and bench/snapshot_results.json; the
figures and the decision are in bench/README.md ("Build-time snapshot experiment").

    .venv/bin/python -m bench.snapshot_experiment            # 3 rounds per profile
    .venv/bin/python -m bench.snapshot_experiment --runs 3 --no-peer --profiles fast net5
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from bench.peer import PEER_ENGINE, PEER_PREFIX, peer_url, write_peer_site
from bench.run import (
    CALCULATORS,
    FORM_ANSWERS,
    THROTTLE,
    THROTTLE_LATENCY_MS,
    Calculator,
    Kind,
    bytes_by_kind,
    new_context,
    progress,
    render_table,
    visit_calculator,
    visit_peer,
)
from harness import CHROMIUM, Link, StaticServer, launch_chromium, serving

ROOT = Path(__file__).resolve().parent.parent
MAKER = Path(__file__).with_name("snapshot_make.mjs")
SNAPSHOT_FILE = "snapshot.bin.gz"
PAGE_TIMEOUT_MS = 180_000  # a hang guard only: a 4× slower CPU makes every step slower


# ------------------------------------------------------------------------------ the snapshot


@dataclass(frozen=True)
class Snapshot:
    """The build-time snapshot: its bytes raw and gzipped, and what making it cost in Node."""

    raw_bytes: int
    gzip_bytes: int
    heap_bytes: int
    node_start_ms: float
    node_snapshot_ms: float


def make_snapshot(engine_dir: Path, out: Path) -> Snapshot:
    """Make the snapshot in Node from the site's engine files; write it gzipped to `out`."""
    with tempfile.TemporaryDirectory(prefix="regain-snapshot-") as work:
        raw_file = Path(work) / "snapshot.bin"
        done = subprocess.run(
            ["node", str(MAKER), str(engine_dir), str(raw_file)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if done.returncode != 0:
            msg = f"making the snapshot in Node failed:\n{done.stderr[-2000:]}"
            raise RuntimeError(msg)
        made = json.loads(done.stdout)
        raw = raw_file.read_bytes()
    # What a build would ship: GitHub Pages sends .gz files as they are (application/gzip), so the
    # worker inflates it itself (DecompressionStream); level 9, a build can afford it.
    packed = gzip.compress(raw, 9, mtime=0)
    out.write_bytes(packed)
    return Snapshot(len(raw), len(packed), made["heapBytes"], made["startMs"], made["snapshotMs"])


# Each patch: (text of calc-worker.mjs, what it becomes). Each must occur exactly once, so a
# changed worker stops the experiment instead of measuring something else.
WORKER_PATCHES = (
    (
        'let startedFrom = "fresh";',
        """// Build-time snapshot experiment (bench/snapshot_experiment.py, never shipped): with no
// stored snapshot, restore the one shipped with the site. The WebAssembly and the standard
// library are fetched at once too (Pyodide only asks for them once the snapshot is in), so the
// downloads overlap; Pyodide's own requests then come from the HTTP cache.
async function shippedSnapshot() {
  for (const name of WATCHED_DOWNLOADS) {
    browserFetch(new URL(name, ENGINE_URL)).then((r) => r.arrayBuffer()).catch(() => {});
  }
  const response = await browserFetch(new URL("SNAPSHOT_FILE", ENGINE_URL));
  if (!response.ok) throw new Error(`SNAPSHOT_FILE answered ${response.status}`);
  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

let startedFrom = "fresh";""".replace("SNAPSHOT_FILE", SNAPSHOT_FILE),
    ),
    (
        'async function start() {\n  status("loading", "engine");',
        'async function start() {\n  status("loading", "engine");\n'
        "  const shipped = shippedSnapshot();\n"
        "  shipped.catch(() => {});",
    ),
    (
        "const snapshot = await readSnapshot(snapshotKey(manifest));",
        "const snapshot = (await readSnapshot(snapshotKey(manifest))) ?? shipped;",
    ),
)


def patched_worker(source: str) -> str:
    """The worker of the variant site: a first visit restores the shipped snapshot.

    >>> patched_worker("nothing to patch")
    Traceback (most recent call last):
    ...
    RuntimeError: calc-worker.mjs changed: 'let startedFrom = "fresh";' occurs 0 times, not once
    """
    for old, new in WORKER_PATCHES:
        count = source.count(old)
        if count != 1:
            msg = f"calc-worker.mjs changed: {old!r} occurs {count} times, not once"
            raise RuntimeError(msg)
        source = source.replace(old, new)
    return source


def write_variant(site: Path, folder: Path) -> Snapshot:
    """A copy of the built site that ships the snapshot and restores it on a first visit."""
    shutil.copytree(site, folder, dirs_exist_ok=True)
    snapshot = make_snapshot(site / "engine", folder / "engine" / SNAPSHOT_FILE)
    worker = folder / "javascripts" / "calc-worker.mjs"
    worker.write_text(patched_worker(worker.read_text(encoding="utf-8")), encoding="utf-8")
    return snapshot


# ---------------------------------------------------------------------------- a slow CPU


def descendants(root: int) -> dict[int, bytes]:
    """Every process below `root` (pid -> command line), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces, so split after its closing bracket.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found: dict[int, bytes] = {}
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        try:
            found[pid] = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        todo += children.get(pid, [])
    return found


def browser_cpu_s() -> float:
    """CPU seconds (user + system) used so far by the live processes of our Chromium.

    Unlike wall time, this does not grow when other work on the machine takes the CPU: the
    difference over a visit is the work the visit needed, whatever the load.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in descendants(os.getpid()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def worker_thread_cpu_s() -> float:
    """CPU seconds used by the dedicated worker threads of our Chromium (the engine's thread).

    A cold visit opens a new context, so its renderer holds the one worker of that visit: this
    is the CPU the engine's start-up and first answer needed on its own thread (the browser
    compiles WebAssembly on other threads, counted in `browser_cpu_s` only).
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in renderers():
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                stat = Path(f"/proc/{pid}/task/{tid}/stat").read_text(encoding="utf-8")
            except OSError:
                continue
            name, rest = stat.split("(", 1)[1].rsplit(")", 1)
            if name.startswith("DedicatedWorker"):
                fields = rest.split()
                total += int(fields[11]) + int(fields[12])
    return total / ticks


def renderers() -> list[int]:
    """The renderer processes of the Chromium this script launched (through Playwright)."""
    return [pid for pid, cmd in descendants(os.getpid()).items() if b"--type=renderer" in cmd]


def renice(pids: list[int], nice: int) -> None:
    """Give every thread of these processes the niceness `nice` (Linux: per thread)."""
    for pid in pids:
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in threads:
            with suppress(OSError):
                if os.getpriority(os.PRIO_PROCESS, int(tid)) != nice:
                    os.setpriority(os.PRIO_PROCESS, int(tid), nice)


class CpuThrottle:
    """Run our Chromium's renderer processes 1/rate of the time: a CPU `rate`× slower.

    Every `period_s`, the renderers (page, dedicated worker, service worker: all their threads)
    run for period/rate and are stopped for the rest, as CDP's throttling does to a page's main
    thread. The list of renderers is refreshed each period, so a new one is caught at once.
    With `nice`, every thread of our Chromium also gets that niceness each period (Chromium sets
    its own children's niceness, so inheriting it is not enough).
    """

    def __init__(self, rate: float, *, nice: int = 0, period_s: float = 0.1) -> None:
        self.rate = rate
        self.nice = nice
        self.period_s = period_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped: set[int] = set()

    def __enter__(self) -> CpuThrottle:
        if self.rate > 1 or self.nice:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self._signal(self._stopped, signal.SIGCONT)

    def _signal(self, pids: set[int], sig: signal.Signals) -> None:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                continue
        self._stopped = set() if sig == signal.SIGCONT else set(pids)

    def _run(self) -> None:
        # On a busy machine this thread must wake on time, or the renderers run longer than
        # their share: a real-time priority when allowed (root), else the default.
        with suppress(OSError, AttributeError):
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(10))
        running = self.period_s / self.rate
        while not self._stop.is_set():
            if self.nice:
                renice(list(descendants(os.getpid())), self.nice)
            if self.rate <= 1:
                time.sleep(self.period_s)
                continue
            pids = set(renderers())
            self._signal(self._stopped | pids, signal.SIGCONT)
            time.sleep(running)
            self._signal(pids, signal.SIGSTOP)
            time.sleep(self.period_s - running)


# A fixed amount of work, timed on the page's main thread and in a dedicated worker.
BUSY_LOOP = "let s = 0; const t = performance.now(); for (let i = 0; i < 1e8; i++) s += i % 7;"
CALIBRATE = """async (loop) => {
  const main = new Function(`${loop} return performance.now() - t;`)();
  const source = `${loop} postMessage(performance.now() - t);`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  const inWorker = await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); });
  worker.terminate();
  return { main, worker: inWorker };
}"""


def calibrate(browser: Browser, rate: float, *, nice: int = 0, rounds: int = 3) -> dict[str, float]:
    """How much slower the busy loop runs throttled, on the main thread and in a worker."""
    times: dict[str, list[float]] = {"main": [], "worker": [], "main_slow": [], "worker_slow": []}
    for _ in range(rounds):
        for slow in (False, True):
            context = browser.new_context()
            page = context.new_page()
            page.goto("about:blank")
            with CpuThrottle(rate if slow else 1, nice=nice):
                measured: dict[str, float] = page.evaluate(CALIBRATE, BUSY_LOOP)
            context.close()
            for where in ("main", "worker"):
                times[where + ("_slow" if slow else "")].append(measured[where])
    medians = {key: statistics.median(values) for key, values in times.items()}
    return medians | {
        "main_slowdown": medians["main_slow"] / medians["main"],
        "worker_slowdown": medians["worker_slow"] / medians["worker"],
    }


# -------------------------------------------------------------------------------- visits


@dataclass(frozen=True)
class Profile:
    """A reader's device and connection."""

    name: str
    link: Link | None
    cpu_rate: float

    def settings(self) -> dict[str, float]:
        """The profile for results.json: link rate (Mbit/s, 0 = none), latency, CPU rate."""
        link = self.link
        return {
            "down_mbit_s": link.bytes_per_s * 8 / 1e6 if link else 0.0,
            "latency_ms": link.latency_s * 1000 if link else 0.0,
            "cpu_rate": self.cpu_rate,
        }


PROFILES = {
    "fast": Profile("fast", None, 1),
    "net": Profile("net", THROTTLE, 1),
    "cpu": Profile("cpu", None, 4),
    "net+cpu": Profile("net+cpu", THROTTLE, 4),
    # Not asked for by issue 15: a slower connection, to see where the extra download stops paying.
    "net5": Profile("net5", Link(5, THROTTLE_LATENCY_MS), 1),
}
DEFAULT_PROFILES = ("fast", "net", "cpu", "net+cpu")
VARIANTS = ("cold", "shipped", "peer")


@dataclass(frozen=True)
class Sample:
    """One cold visit: first result and engine ready (ms from navigation), engine bytes sent."""

    profile: str
    variant: str
    first_result_ms: float
    engine_ready_ms: float
    started_from: str
    engine_gzip_bytes: int
    # CPU seconds all of Chromium's processes used from the visit's start to its first result,
    # and those of the engine's worker thread alone (0 for the peer page: no worker).
    cpu_s: float
    worker_cpu_s: float


ENGINE_FROM = """async () => {
  const client = await import(new URL("/javascripts/calc-client.mjs", location.href));
  return client.engineInfo().from;
}"""


class VisitError(RuntimeError):
    """A visit did not measure what it should (e.g. the variant did not restore its snapshot)."""


def visit(
    browser: Browser,
    *,
    server: StaticServer,
    calculator: Calculator,
    profile: Profile,
    variant: str,
    answers: dict[str, Any],
    nice: int = 0,
) -> Sample:
    """One cold visit (new context: empty HTTP cache, no service worker) under `profile`."""
    context = new_context(browser, service_workers=variant != "peer")
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    server.take_log()
    server.link = profile.link
    try:
        with CpuThrottle(profile.cpu_rate, nice=nice):
            cpu_before = browser_cpu_s()
            if variant == "peer":
                measured = visit_peer(page, peer_url(server.url, calculator.name, answers))
                cpu_s = browser_cpu_s() - cpu_before
                worker_cpu_s = 0.0
                started = "peer"
            else:
                measured = visit_calculator(page, server.url, calculator)
                cpu_s = browser_cpu_s() - cpu_before
                worker_cpu_s = worker_thread_cpu_s()
                started = str(page.evaluate(ENGINE_FROM))
                answers.update(page.evaluate(FORM_ANSWERS, calculator.name))
    finally:
        server.link = None
        context.close()
    expected = {"cold": "fresh", "shipped": "snapshot", "peer": "peer"}[variant]
    if started != expected:
        msg = f"{variant} visit started its engine from {started!r}, not {expected!r}"
        raise VisitError(msg)
    log = server.take_log()
    # The peer's engine is the stock package mounted under /peer/pyodide/: engine bytes too.
    engine = bytes_by_kind(log)[Kind.ENGINE].compressed + sum(
        sent.sent_bytes for sent in log if sent.path.startswith(PEER_ENGINE)
    )
    return Sample(
        profile.name,
        variant,
        measured.first_result_ms,
        measured.engine_ready_ms,
        started,
        engine,
        cpu_s,
        worker_cpu_s,
    )


def run_profile(
    browser: Browser,
    *,
    servers: dict[str, StaticServer],
    calculator: Calculator,
    profile: Profile,
    runs: int,
    answers: dict[str, Any],
    variants: tuple[str, ...] = VARIANTS,
    nice: int = 0,
) -> list[Sample]:
    """`runs` rounds of one cold visit per variant, the order turning each round.

    The first round starts with today's site: the peer page needs the answers its form sent.
    """
    samples: list[Sample] = []
    for number in range(runs):
        shift = number % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            sample = visit(
                browser,
                server=servers[variant],
                calculator=calculator,
                profile=profile,
                variant=variant,
                answers=answers,
                nice=nice,
            )
            progress(
                f"  {profile.name} round {number + 1} {variant}: first result "
                f"{sample.first_result_ms / 1000:.2f} s, engine {sample.engine_gzip_bytes:,} B, "
                f"CPU {sample.cpu_s:.2f} s (worker thread {sample.worker_cpu_s:.2f} s)"
            )
            samples.append(sample)
    return samples


# ------------------------------------------------------------------------------ the report


def summary(samples: list[Sample]) -> list[dict[str, Any]]:
    """Per profile and variant: median, min and max first result, engine ready, bytes, ratios."""
    rows: list[dict[str, Any]] = []
    profiles = list(dict.fromkeys(s.profile for s in samples))
    for profile in profiles:
        medians: dict[str, float] = {}
        for variant in VARIANTS:
            mine = [s for s in samples if s.profile == profile and s.variant == variant]
            if not mine:
                continue
            firsts = [s.first_result_ms for s in mine]
            medians[variant] = statistics.median(firsts)
            rows.append(
                {
                    "profile": profile,
                    "variant": variant,
                    "runs": len(mine),
                    "first_result_ms": medians[variant],
                    "min_ms": min(firsts),
                    "max_ms": max(firsts),
                    "engine_ready_ms": statistics.median(s.engine_ready_ms for s in mine),
                    "engine_gzip_bytes": statistics.median(s.engine_gzip_bytes for s in mine),
                    "cpu_s": statistics.median(s.cpu_s for s in mine),
                    "worker_cpu_s": statistics.median(s.worker_cpu_s for s in mine),
                }
            )
        for row in rows[-len(medians) :]:
            row["vs_cold"] = row["first_result_ms"] / medians["cold"] if "cold" in medians else 0
            row["vs_peer"] = row["first_result_ms"] / medians["peer"] if "peer" in medians else 0
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    """The summary as a fixed-width table."""
    lines = [
        [
            "profile",
            "variant",
            "first result (median)",
            "min–max",
            "engine ready",
            "÷ cold",
            "÷ peer",
            "engine kB gzip",
            "CPU s (worker)",
        ]
    ]
    for row in rows:
        lines.append(
            [
                row["profile"],
                row["variant"],
                f"{row['first_result_ms'] / 1000:.2f} s",
                f"{row['min_ms'] / 1000:.2f}–{row['max_ms'] / 1000:.2f} s",
                f"{row['engine_ready_ms'] / 1000:.2f} s",
                f"{row['vs_cold']:.2f}×" if row["vs_cold"] else "–",
                f"{row['vs_peer']:.2f}×" if row["vs_peer"] else "–",
                f"{row['engine_gzip_bytes'] / 1000:,.1f}",
                f"{row['cpu_s']:.2f} ({row['worker_cpu_s']:.2f})",
            ]
        )
    return render_table(lines)


# -------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds per profile (default 3)")
    parser.add_argument(
        "--profiles",
        nargs="+",
        choices=list(PROFILES),
        default=list(DEFAULT_PROFILES),
        help=f"which profiles to run (default: {' '.join(DEFAULT_PROFILES)})",
    )
    parser.add_argument(
        "--peer", action=argparse.BooleanOptionalAction, default=True, help="visit the peer page"
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run the servers and Chromium at this niceness during visits (e.g. -10, as root: "
        "a busy shared machine then gives them about the CPU an idle one would; default 0)",
    )
    parser.add_argument("--calculator", choices=[c.name for c in CALCULATORS], default="protein")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "snapshot_results.json")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be >= 1")
    return args


@contextmanager
def servers(site: Path, variant: Path, peer_dir: Path) -> Iterator[dict[str, StaticServer]]:
    """The built site (with the peer page mounted) and the variant, each on its own port."""
    mounts = {PEER_ENGINE: ROOT / "node_modules" / "pyodide", PEER_PREFIX: peer_dir}
    with ExitStack() as stack:
        base = stack.enter_context(serving(site, mounts=mounts))
        shipped = stack.enter_context(serving(variant))
        for server in (base, shipped):
            server.prime()
        yield {"cold": base, "peer": base, "shipped": shipped}


def run(args: argparse.Namespace) -> int:
    """Make the variant, visit both sites under every profile, print and write the results."""
    site = args.site.resolve()
    if not (site / "engine" / "version.json").is_file():
        print(f"snapshot experiment: no built site at {site}: run `make build`.", file=sys.stderr)
        return 2
    if not CHROMIUM.is_file():
        print(f"snapshot experiment: needs Debian's Chromium at {CHROMIUM}.", file=sys.stderr)
        return 2
    calculator = next(c for c in CALCULATORS if c.name == args.calculator)
    if args.nice:
        # This thread's niceness: the server threads and Playwright's driver started from it
        # inherit it; Chromium's processes get it from CpuThrottle during every visit.
        os.setpriority(os.PRIO_PROCESS, 0, args.nice)
    samples: list[Sample] = []
    with tempfile.TemporaryDirectory(prefix="regain-snapshot-site-") as work:
        variant_dir, peer_dir = Path(work) / "site", Path(work) / "peer"
        progress("making the snapshot in Node and the variant site")
        snapshot = write_variant(site, variant_dir)
        progress(f"  snapshot {snapshot.raw_bytes:,} B raw, {snapshot.gzip_bytes:,} B gzip")
        write_peer_site(peer_dir, [calculator.name])
        with servers(site, variant_dir, peer_dir) as served, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                rate = max(p.cpu_rate for p in PROFILES.values())
                calibration = calibrate(browser, rate, nice=args.nice)
                progress(
                    f"  CPU throttle {rate:g}×: main thread {calibration['main_slowdown']:.1f}× "
                    f"slower, worker {calibration['worker_slowdown']:.1f}× slower"
                )
                answers: dict[str, Any] = {}
                for name in args.profiles:
                    peer = " with the peer" if args.peer else ""
                    progress(f"profile {name}: {args.runs} rounds{peer}")
                    profile = PROFILES[name]
                    samples += run_profile(
                        browser,
                        servers=served,
                        calculator=calculator,
                        profile=profile,
                        runs=args.runs,
                        answers=answers,
                        variants=VARIANTS if args.peer else VARIANTS[:2],
                        nice=args.nice,
                    )
                chromium = browser.version
            finally:
                browser.close()
    rows = summary(samples)
    document = {
        "machine": {
            "nproc": os.cpu_count(),
            "chromium": chromium,
            "loadavg_1min_end": os.getloadavg()[0],
        },
        "settings": {
            "runs": args.runs,
            "nice": args.nice,
            "calculator": calculator.name,
            "profiles": {name: PROFILES[name].settings() for name in args.profiles},
            "cpu_throttle_period_s": CpuThrottle(rate).period_s,
        },
        "snapshot": asdict(snapshot),
        "calibration": calibration,
        "summary": rows,
        "samples": [asdict(s) for s in samples],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(report(rows))
    print(
        f"\nsnapshot {snapshot.raw_bytes:,} B raw / {snapshot.gzip_bytes:,} B gzip; "
        f"1-minute load {os.getloadavg()[0]:.1f}; results in {args.out}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point: `python -m bench.snapshot_experiment`."""
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
