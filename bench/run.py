"""`make bench`: page reruns against Streamlit's own floor, browser timings and start-up.

Usage:
    python -m bench.run                        # everything; writes bench/results/latest.json
    python -m bench.run --skip-browser         # AppTest reruns only
    python -m bench.run --profile pages/my_data.py [--history 10y]   # where a page's time goes

Histories are written by `python -m sciatica demo-data` into temporary SQLite databases, with
SCIATICA_DATA_DIR pointing at a temporary folder, so the real user's diary is never touched.
Budgets are reported PASS/FAIL; a missed budget does not fail the command, an error does.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import logging
import os
import platform
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from sciatica import clock
from sciatica.ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
FLOOR = Path(__file__).resolve().parent / "floor_page.py"
RESULTS = Path(__file__).resolve().parent / "results"
HISTORIES = {"1y": 365, "10y": 3650}
SEED = 1
APPTEST_TIMEOUT_S = 60
BROWSER_TIMEOUT_MS = 30_000
STARTUP_TIMEOUT_S = 60.0

# Budgets from the issue "Performance: a benchmark against Streamlit's own floor".
MAX_RATIO_TO_FLOOR = 3.0  # a page's median rerun at 10 years, over the floor's
MAX_GROWTH_10Y_1Y = 1.3  # a page's median rerun at 10 years, over the same at 1 year
MAX_SAVE_MS = 300.0  # pressing "Save check-in" until "Saved" shows
MAX_NAVIGATION_MS = 1000.0  # navigation until the page is idle with its charts drawn


# --------------------------------------------------------------------------------------------
# Pages, histories, the machine


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the app."""

    path: str  # as given to st.Page, e.g. "pages/check_in.py"
    title: str | None  # the literal title=..., if any
    default: bool


def discover_pages() -> list[Page]:
    """The app's pages, from PAGES in sciatica/ui/pages.py, in sidebar order."""
    return [Page(path=p.file, title=p.title, default=p.default) for p in PAGES]


def label(page: Page) -> str:
    return page.title or Path(page.path).stem


@dataclass(frozen=True, slots=True)
class History:
    """A demo history in its own temporary data folder."""

    name: str
    days: int
    data_dir: Path

    @property
    def url(self) -> str:
        return f"sqlite:///{self.data_dir / 'sciatica.db'}"

    def env(self) -> dict[str, str]:
        return {"SCIATICA_DATABASE_URL": self.url, "SCIATICA_DATA_DIR": str(self.data_dir)}


def clean_environ() -> dict[str, str]:
    """This process's environment without any SCIATICA_* setting of the real user."""
    return {k: v for k, v in os.environ.items() if not k.startswith("SCIATICA_")}


def build_histories(root: Path, names: Sequence[str]) -> dict[str, History]:
    """Write each history with `python -m sciatica demo-data`, in parallel."""
    histories = {name: History(name, HISTORIES[name], root / name) for name in names}
    running = []
    for history in histories.values():
        history.data_dir.mkdir(parents=True)
        command = [sys.executable, "-m", "sciatica", "demo-data"]
        command += ["--days", str(history.days), "--seed", str(SEED)]
        env = {**clean_environ(), **history.env()}
        running.append((history, subprocess.Popen(command, cwd=ROOT, env=env, **_capture())))
    for history, process in running:
        out, err = process.communicate(timeout=300)
        if process.returncode != 0:
            raise RuntimeError(f"demo-data --days {history.days} failed:\n{out}{err}")
        print(f"  {history.name}: {out.strip()}")
    return histories


def _capture() -> dict[str, Any]:
    return {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}


def count_check_ins(history: History) -> int:
    import sqlite3

    with contextlib.closing(sqlite3.connect(history.data_dir / "sciatica.db")) as db:
        return int(db.execute("SELECT count(*) FROM check_ins").fetchone()[0])


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "streamlit": version("streamlit"),
        "plotly": version("plotly"),
        "platform": platform.platform(),
        "date": clock.now().isoformat(timespec="seconds"),
        "git": f"{commit}{' + local changes' if dirty else ''}",
        "load_at_start": load(),
    }


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, timeout=10, check=True, **_capture())
    except (OSError, subprocess.SubprocessError):
        return ""
    return str(done.stdout).strip()


def stats(samples_ms: Sequence[float]) -> dict[str, Any]:
    ordered = sorted(samples_ms)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "min_ms": round(ordered[0], 1),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
        "max_ms": round(ordered[-1], 1),
        "n": len(ordered),
        "samples_ms": [round(s, 1) for s in samples_ms],
    }


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# --------------------------------------------------------------------------------------------
# AppTest reruns


@dataclass(slots=True)
class Subject:
    """One AppTest session kept on one page with one history (or the floor)."""

    name: str
    history: str | None
    env: dict[str, str]
    app: Any = None  # streamlit.testing.v1.AppTest
    wall_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    title: str | None = None
    charts: int = 0
    error: str | None = None

    def summary(self) -> dict[str, Any]:
        if self.error or not self.wall_ms:
            return {"error": self.error or "not measured"}
        return {
            **stats(self.wall_ms),
            "cpu_median_ms": _median(self.cpu_ms),
            "charts": self.charts,
            "title": self.title,
        }


def quiet_streamlit() -> None:
    """AppTest outside a server logs 'missing ScriptRunContext' warnings: not ours to show."""
    name = "streamlit.runtime.scriptrunner_utils.script_run_context"
    logging.getLogger(name).addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )


def check(subject: Subject) -> bool:
    """Whether the last run went well; records the page's exception if not."""
    if subject.app.exception and subject.error is None:
        messages = "; ".join(str(e.message) for e in subject.app.exception)
        subject.error = f"raised: {messages}"[:500]
        print(f"  ERROR {subject.name} ({subject.history}) {subject.error}")
    return subject.error is None


def open_subject(page: Page | None, history: History | None, warmups: int) -> Subject:
    """AppTest.from_file(app.py), run, switch_page(page), run, then warm-up reruns."""
    from streamlit.testing.v1 import AppTest  # noqa: TID251 - the benchmark drives Streamlit

    env = history.env() if history else {}
    subject = Subject(label(page) if page else "floor", history.name if history else None, env)
    try:
        with environment(env):
            app = subject.app = AppTest.from_file(
                str(APP if page else FLOOR), default_timeout=APPTEST_TIMEOUT_S
            )
            app.run()
            if page and check(subject):
                app.switch_page(page.path)
            for _ in range(1 + warmups):
                if check(subject):
                    app.run()
    except Exception as error:  # one broken page must not stop the others being measured
        subject.error = f"{type(error).__name__}: {error}"[:500]
        print(f"  ERROR {subject.name} ({subject.history}) {subject.error}")
        return subject
    if check(subject):
        titles = [t.value for t in app.title]
        subject.title = str(titles[0]) if titles else None
        subject.charts = len(app.get("plotly_chart"))
        if page and not page.default and subject.title == "Sciatica diary":
            raise RuntimeError("the app shows its login screen: run the benchmark without [auth]")
    return subject


def rerun_all(subjects: list[Subject], reruns: int) -> None:
    """Time `at.run()` round-robin over every subject, so load drifts hit all of them alike."""
    for round_ in range(reruns):
        # Rotate the order each round: no subject always runs straight after a heavy one.
        shift = round_ % len(subjects)
        for subject in subjects[shift:] + subjects[:shift]:
            if subject.error:
                continue
            with environment(subject.env):
                wall, cpu = time.perf_counter(), time.process_time()
                subject.app.run()
                cpu = time.process_time() - cpu
                wall = time.perf_counter() - wall
            if check(subject):
                subject.wall_ms.append(wall * 1000)
                subject.cpu_ms.append(cpu * 1000)


def measure_reruns(
    pages: list[Page], histories: dict[str, History], *, reruns: int, warmups: int
) -> dict[str, Any]:
    quiet_streamlit()
    os.chdir(ROOT)
    floor = open_subject(None, None, warmups)
    if floor.error:
        raise RuntimeError(f"the floor page failed: {floor.error}")
    subjects = [floor]
    for history in histories.values():
        for page in pages:
            subjects.append(open_subject(page, history, warmups))
    load_before = load()
    started = time.perf_counter()
    rerun_all(subjects, reruns)
    elapsed = time.perf_counter() - started
    if floor.error:
        raise RuntimeError(f"the floor page failed: {floor.error}")
    return {
        "reruns": reruns,
        "warmups": warmups,
        "seconds": round(elapsed, 1),
        "load_before": load_before,
        "load_after": load(),
        "floor": floor.summary(),
        "subjects": subjects,
    }


def _median(values: Sequence[float]) -> float:
    return round(statistics.median(values), 1)


# --------------------------------------------------------------------------------------------
# The browser

# Idle as tests/browser/helpers.py defines it, plus: no skeleton left (Streamlit loads each kind
# of widget's code on first use and shows a grey skeleton until then), on the expected path,
# showing the expected title, and every Plotly chart drawn (.main-svg). Records when it first
# held, in the page's own clock (ms since navigation start).
_READY_JS = """([path, title, charts]) => {
    const app = document.querySelector("[data-testid='stApp']");
    const ready = app !== null
        && app.dataset.testScriptState === "notRunning"
        && document.querySelector("[data-stale='true']") === null
        && document.querySelector("[data-testid='stStatusWidgetRunningIcon']") === null
        && document.querySelector("[data-testid='stSkeleton']") === null
        && location.pathname === path
        && (title === null || (document.querySelector("h1")?.textContent ?? "").trim() === title)
        && [...document.querySelectorAll("[data-testid='stPlotlyChart']")].filter(
            (chart) => chart.querySelector(".main-svg") !== null).length >= charts;
    if (ready && window.__benchReady === undefined) window.__benchReady = performance.now();
    return ready;
}"""
_SAVED_JS = """() => {
    const saved = [...document.querySelectorAll("[data-testid='stAlert']")].some((alert) =>
        alert.closest("[data-stale='true']") === null
        && /^Saved\\b/.test(
            (alert.querySelector("[data-testid='stMarkdownContainer']")?.textContent ?? "")
                .trim()));
    if (saved && window.__benchReady === undefined) window.__benchReady = performance.now();
    return saved;
}"""
# Stamps the moment of the next click in the page's clock, before Streamlit sees it.
_ARM_JS = """() => {
    window.__benchReady = undefined;
    window.__benchClick = undefined;
    document.addEventListener("click", () => { window.__benchClick ??= performance.now(); },
        {capture: true, once: true});
}"""


class Server:
    """`python -m sciatica.ui.server`, as `make run` starts it, on a free port."""

    def __init__(self, history: History, log_dir: Path) -> None:
        self.history = history
        self.log_dir = log_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.starts = 0

    def start(self) -> float:
        """Start the server; returns the time (s) from process start to health ok."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{port}"
        self.starts += 1
        command = [sys.executable, "-m", "sciatica.ui.server", "--server.port", str(port)]
        command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
        command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        env = {**clean_environ(), **self.history.env()}
        with (
            open(self.log_dir / f"server-{self.starts}.out", "wb") as out,
            open(self.log_dir / f"server-{self.starts}.err", "wb") as err,
        ):
            started = time.perf_counter()
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)
        deadline = started + STARTUP_TIMEOUT_S
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as answer:
                    if answer.read().decode().strip() == "ok":
                        return started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.02)  # polling a process
        self.stop()
        raise RuntimeError(f"server not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n{self.log()}")

    def log(self) -> str:
        return (self.log_dir / f"server-{self.starts}.err").read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass(frozen=True, slots=True)
class Target:
    """A page as the browser sees it."""

    name: str
    link: int  # its index among the sidebar's links
    path: str  # location.pathname once there
    title: str | None  # its st.title, from AppTest
    charts: int  # Plotly charts it draws, from AppTest with the same history


def wait_ready(tab: Any, target: Target) -> float:
    """Wait until the page is idle and drawn; returns when that first held (page clock, ms)."""
    tab.wait_for_function(_READY_JS, arg=[target.path, target.title, target.charts], polling="raf")
    return float(tab.evaluate("window.__benchReady"))


def open_url(tab: Any, base: str, target: Target) -> float:
    """A fresh session on the page's URL: ms from navigation start to ready."""
    tab.goto(base + target.path)
    return wait_ready(tab, target)


def click_link(tab: Any, target: Target) -> float:
    """Click the page's sidebar link: ms from the click to ready."""
    tab.evaluate(_ARM_JS)
    tab.locator("[data-testid='stSidebarNav'] a").nth(target.link).click()
    ready = wait_ready(tab, target)
    return ready - float(tab.evaluate("window.__benchClick"))


def save_check_in(tab: Any, base: str, target: Target) -> float:
    """On a freshly loaded check-in page, ms from pressing Save to "Saved" showing."""
    open_url(tab, base, target)
    tab.evaluate(_ARM_JS)
    tab.get_by_role("button", name="Save check-in").click()
    tab.wait_for_function(_SAVED_JS, polling="raf")
    took = float(tab.evaluate("window.__benchReady - window.__benchClick"))
    tab.evaluate(_ARM_JS)
    wait_ready(tab, target)  # let the run finish before the next sample
    return took


def sidebar_paths(tab: Any, pages: list[Page]) -> list[str]:
    """The sidebar's paths, one per registered page, in order."""
    links = tab.locator("[data-testid='stSidebarNav'] a")
    links.first.wait_for()
    hrefs = [str(h) for h in links.evaluate_all("links => links.map(a => a.href)")]
    if len(hrefs) != len(pages):
        raise RuntimeError(f"sidebar has {len(hrefs)} links for {len(pages)} pages: {hrefs}")
    return [urllib.parse.urlsplit(href).path or "/" for href in hrefs]


def _short_error(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300]


def measure_browser(
    pages: list[Page],
    history: History,
    subjects: dict[tuple[str, str | None], Subject],
    *,
    samples: int,
    startups: int,
    log_dir: Path,
) -> dict[str, Any]:
    """Start-up, then each page by URL and by sidebar click, then Save check-in; warm server."""
    from playwright.sync_api import sync_playwright

    from sciatica.ui.harness import launch_chromium

    server = Server(history, log_dir)
    result: dict[str, Any] = {"history": history.name, "samples": samples, "errors": []}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        result["chromium"] = browser.version

        def new_tab() -> tuple[Any, Any]:
            context = browser.new_context(viewport={"width": 1200, "height": 1000})
            context.set_default_timeout(BROWSER_TIMEOUT_MS)
            return context, context.new_page()

        def subject_of(page: Page) -> Subject:
            return subjects[(label(page), history.name)]

        try:
            home = next((p for p in pages if p.default), pages[0])
            ok = subject_of(home).error is None
            home_target = Target(
                label(home),
                pages.index(home),
                "/",
                subject_of(home).title if ok else None,
                subject_of(home).charts if ok else 0,
            )
            # Start-up: process start -> health ok -> first page idle and drawn (cold browser).
            startup = []
            for start_number in range(startups):
                if start_number:
                    server.stop()
                context, tab = new_tab()
                started = server.start()
                healthy = time.perf_counter()
                open_url(tab, server.url, home_target)
                served = time.perf_counter()
                startup.append(
                    {
                        "health_ms": round((healthy - started) * 1000, 1),
                        "first_page_ms": round((served - started) * 1000, 1),
                    }
                )
                context.close()
            result["startup"] = {
                "health_ms": _median([s["health_ms"] for s in startup]),
                "first_page_ms": _median([s["first_page_ms"] for s in startup]),
                "n": len(startup),
                "samples": startup,
            }

            context, tab = new_tab()
            open_url(tab, server.url, home_target)
            targets = [
                Target(label(page), index, path, subject_of(page).title, subject_of(page).charts)
                for index, (page, path) in enumerate(
                    zip(pages, sidebar_paths(tab, pages), strict=True)
                )
                if subject_of(page).error is None
            ]
            broken: dict[str, str] = {}

            def attempt(target: Target, measure: Callable[[], float], into: list[float]) -> None:
                if target.name in broken:
                    return
                try:
                    into.append(measure())
                except Exception as error:  # a page that never gets drawn: note it, go on
                    broken[target.name] = _short_error(error)
                    print(f"  ERROR browser {target.name}: {broken[target.name]}")

            warm: list[float] = []
            for target in targets:  # every page once, untimed: imports, caches, lazy code
                attempt(target, partial(open_url, tab, server.url, target), warm)

            load_before = load()
            opened: dict[str, list[float]] = {t.name: [] for t in targets}
            for _ in range(samples):
                for target in targets:
                    attempt(target, partial(open_url, tab, server.url, target), opened[target.name])

            # In-app navigation: click through the sidebar in order, round and round, so each
            # page is reached from the one before it (the first from the last).
            clicked: dict[str, list[float]] = {t.name: [] for t in targets}
            cycle = [t for t in targets if t.name not in broken]
            if len(cycle) > 1:
                open_url(tab, server.url, cycle[-1])
                for _ in range(samples):
                    for target in cycle:
                        attempt(target, partial(click_link, tab, target), clicked[target.name])
                        if target.name in broken:  # where the tab is now is unknown
                            open_url(tab, server.url, cycle[-1])
            result["pages"] = {
                t.name: {
                    "path": t.path,
                    "charts": t.charts,
                    "open_url": stats(opened[t.name]) if opened[t.name] else None,
                    "sidebar": stats(clicked[t.name]) if clicked[t.name] else None,
                    **({"error": broken[t.name]} if t.name in broken else {}),
                }
                for t in targets
            }
            result["pages_load"] = [load_before, load()]

            # Save check-in -> "Saved", on a freshly loaded check-in page each time.
            check_in = next(
                (t for t in targets if pages[t.link].path.endswith("check_in.py")), None
            )
            if check_in is not None and check_in.name not in broken:
                saves: list[float] = []
                for _ in range(samples + 1):  # the first save is a warm-up
                    attempt(check_in, lambda: save_check_in(tab, server.url, check_in), saves)
                if len(saves) > 1:
                    result["save_check_in"] = stats(saves[1:])
            result["load_after"] = load()
            result["errors"] += [f"browser {name}: {error}" for name, error in broken.items()]
            context.close()
        except Exception as error:
            result["errors"].append(f"browser: {_short_error(error)}")
            print(f"  ERROR browser: {error}")
        finally:
            server.stop()
            browser.close()
    return result


# --------------------------------------------------------------------------------------------
# Report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _budget(name: str, value: float, limit: float) -> dict[str, Any]:
    return {"budget": name, "value": value, "limit": limit, "pass": value <= limit}


def ratio_budget(page: str) -> str:
    return f"{page}: rerun at 10y <= {MAX_RATIO_TO_FLOOR:g}x floor"


def growth_budget(page: str) -> str:
    return f"{page}: 10y/1y <= {MAX_GROWTH_10Y_1Y:g}"


def report(
    pages: list[Page], histories: dict[str, History], reruns: dict[str, Any], browser: Any
) -> dict[str, Any]:
    """The table's rows and every budget's verdict."""
    subjects = {(s.name, s.history): s for s in reruns["subjects"]}
    floor = reruns["floor"]["median_ms"]
    budgets: list[dict[str, Any]] = []
    rows = []
    for page in pages:
        name = label(page)
        row: dict[str, Any] = {"page": name, "path": page.path}
        for history in histories:
            row[history] = subjects[(name, history)].summary()
        ten = row.get("10y", {}).get("median_ms")
        one = row.get("1y", {}).get("median_ms")
        if ten is not None:
            row["ratio_to_floor"] = round(ten / floor, 2)
            budgets.append(_budget(ratio_budget(name), row["ratio_to_floor"], MAX_RATIO_TO_FLOOR))
        if ten is not None and one is not None:
            row["growth_10y_1y"] = round(ten / one, 2)
            budgets.append(_budget(growth_budget(name), row["growth_10y_1y"], MAX_GROWTH_10Y_1Y))
        rows.append(row)
    for name, page in (browser or {}).get("pages", {}).items():
        for key, what in (("open_url", "open URL"), ("sidebar", "sidebar click")):
            if page[key]:
                budgets.append(
                    _budget(
                        f"{name}: {what} -> drawn <= {MAX_NAVIGATION_MS:g} ms",
                        page[key]["median_ms"],
                        MAX_NAVIGATION_MS,
                    )
                )
    if browser and "save_check_in" in browser:
        budgets.append(
            _budget(
                f"Save check-in -> Saved <= {MAX_SAVE_MS:g} ms",
                browser["save_check_in"]["median_ms"],
                MAX_SAVE_MS,
            )
        )
    errors = [
        f"{s.name} ({s.history}): {s.error}" for s in reruns["subjects"] if s.error is not None
    ]
    return {
        "rows": rows,
        "floor": {**reruns["floor"], "what": "one Plotly line chart of 3,650 points"},
        "budgets": budgets,
        "errors": errors + list((browser or {}).get("errors", [])),
    }


def print_report(result: dict[str, Any]) -> None:
    m = result["machine"]
    print()
    print(
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, Streamlit "
        f"{m['streamlit']}, {m['date']}, git {m['git']}"
    )
    r = result["reruns"]
    print(
        f"AppTest reruns: median of {r['reruns']} after {r['warmups']} warm-ups, round-robin; "
        f"load average {r['load_before'][0]} -> {r['load_after'][0]}"
    )
    floor = result["floor"]
    print(f"Floor (one Plotly line chart, 3,650 points): {floor['median_ms']:.1f} ms")
    budgets = {b["budget"]: b for b in result["budgets"]}
    print()
    header = f"{'page':<12} {'ms 1y':>8} {'ms 10y':>8} {'10y/floor':>10} {'10y/1y':>7}  budgets"
    print(header)
    print("-" * len(header))
    for row in result["rows"]:
        name = row["page"]
        marks = [("<=3x floor", ratio_budget(name)), ("10y/1y<=1.3", growth_budget(name))]
        verdicts = "  ".join(
            f"{short} {verdict(budgets[key]['pass'])}" for short, key in marks if key in budgets
        )
        failed = [row[h]["error"] for h in HISTORIES if "error" in row.get(h, {})]
        if failed:
            verdicts = f"ERROR {failed[0][:60]}"
        print(
            f"{name:<12} {_fmt(row.get('1y', {}).get('median_ms')):>8} "
            f"{_fmt(row.get('10y', {}).get('median_ms')):>8} "
            f"{_fmt(row.get('ratio_to_floor'), 'x'):>10} {_fmt(row.get('growth_10y_1y')):>7}  "
            f"{verdicts}"
        )
    browser = result.get("browser")
    if browser and "pages" in browser:
        print()
        print(
            f"Browser, warm server, {browser['history']} history, median of {browser['samples']} "
            f"(Chromium {browser['chromium']}; load {browser['pages_load'][0][0]} -> "
            f"{browser['load_after'][0]}):"
        )
        print(f"{'page':<12} {'open URL ms':>12} {'sidebar ms':>11}  budget <= 1 s")
        for name, page in browser["pages"].items():
            times = [
                page[key]["median_ms"] if page[key] else None for key in ("open_url", "sidebar")
            ]
            known = [t for t in times if t is not None]
            mark = verdict(all(t <= MAX_NAVIGATION_MS for t in known)) if known else ""
            if "error" in page:
                mark = f"ERROR {page['error'][:60]}"
            print(f"{name:<12} {_fmt(times[0], '', 0):>12} {_fmt(times[1], '', 0):>11}  {mark}")
        if "save_check_in" in browser:
            save = browser["save_check_in"]["median_ms"]
            print(
                f"Save check-in -> 'Saved': {save:.0f} ms  "
                f"{verdict(save <= MAX_SAVE_MS)} (<= {MAX_SAVE_MS:g} ms)"
            )
    if browser and "startup" in browser:
        s = browser["startup"]
        print(
            f"Start-up, {browser['history']} history (process start -> health ok / first page "
            f"idle and drawn, median of {s['n']}): {s['health_ms']:.0f} ms / "
            f"{s['first_page_ms']:.0f} ms"
        )
    failed = [b for b in result["budgets"] if not b["pass"]]
    print()
    print(f"Budgets: {len(result['budgets']) - len(failed)} PASS, {len(failed)} FAIL")
    for b in failed:
        print(f"  FAIL {b['budget']}: {b['value']}")
    for error in result["errors"]:
        print(f"  ERROR {error}")


def _fmt(value: float | None, suffix: str = "", digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def write_results(result: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(result, indent=2, default=_json_default) + "\n"
    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"{stamp}.json").write_text(text, encoding="utf-8")
    latest = RESULTS / "latest.json"
    latest.write_text(text, encoding="utf-8")
    return latest


def _json_default(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


# --------------------------------------------------------------------------------------------
# Profiling one page


def profile_page(page_path: str, history: History, *, reruns: int, top: int) -> None:
    """cProfile of AppTest reruns of one page: where the time goes, in ms per rerun."""
    quiet_streamlit()
    os.chdir(ROOT)
    pages = {p.path: p for p in discover_pages()}
    if page_path not in pages:
        raise SystemExit(f"{page_path} is not one of PAGES: {sorted(pages)}")
    subject = open_subject(pages[page_path], history, warmups=2)
    if subject.error:
        raise SystemExit(f"{page_path} cannot be profiled: {subject.error}")
    profiler = cProfile.Profile()
    # AppTest runs each script run on a new thread: start the profiler inside that thread.

    def hook(*_: object) -> None:
        profiler.enable()

    threading.setprofile(hook)
    started = time.perf_counter()
    try:
        with environment(subject.env):
            for _ in range(reruns):
                subject.app.run()
    finally:
        threading.setprofile(None)
        profiler.disable()
    wall = (time.perf_counter() - started) * 1000 / reruns
    check(subject)
    print(f"{page_path}, {history.name}: {wall:.0f} ms per rerun under cProfile ({reruns} runs)")
    table = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    for order, column in (("cumulative (self + callees)", 3), ("self time", 2)):
        print(f"\nTop {top} by {order}, ms per rerun:")
        print(f"{'self':>8} {'cumul':>8} {'calls':>8}  function  file:line")
        rows = sorted(table.items(), key=lambda item: item[1][column], reverse=True)[:top]
        for (path, line, function), (_, calls, self_s, cumulative_s, _) in rows:
            print(
                f"{self_s * 1000 / reruns:8.1f} {cumulative_s * 1000 / reruns:8.1f} "
                f"{calls / reruns:8.0f}  {function}  {_short(path)}:{line}"
            )


def _short(path: str) -> str:
    """A path relative to the repository or to site-packages."""
    if path.startswith(str(ROOT)):
        return path[len(str(ROOT)) + 1 :]
    marker = "site-packages/"
    return path.split(marker, 1)[1] if marker in path else path


# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--reruns", type=int, default=30, help="timed AppTest reruns (>= 20)")
    parser.add_argument("--warmups", type=int, default=2, help="untimed reruns after switching")
    parser.add_argument("--samples", type=int, default=5, help="browser samples per figure")
    parser.add_argument("--startups", type=int, default=3, help="server start-ups to time")
    parser.add_argument("--skip-browser", action="store_true", help="AppTest reruns only")
    parser.add_argument("--profile", metavar="PAGE", help="profile one page, e.g. pages/x.py")
    parser.add_argument("--history", choices=sorted(HISTORIES), default="10y")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sciatica-bench-") as tmp:
        root = Path(tmp)
        if args.profile:
            print(f"Writing the {args.history} history ...")
            histories = build_histories(root, [args.history])
            profile_page(args.profile, histories[args.history], reruns=args.reruns, top=args.top)
            return 0
        if args.reruns < 20:
            parser.error("--reruns must be at least 20")
        result: dict[str, Any] = {"machine": machine()}
        pages = discover_pages()
        print(f"Pages: {', '.join(p.path for p in pages)}")
        print("Writing the histories with `python -m sciatica demo-data` ...")
        started = time.perf_counter()
        histories = build_histories(root, list(HISTORIES))
        result["histories"] = {
            h.name: {"days": h.days, "seed": SEED, "check_ins": count_check_ins(h)}
            for h in histories.values()
        }
        print(f"AppTest: {len(pages)} pages x {len(histories)} histories + floor ...")
        reruns = measure_reruns(pages, histories, reruns=args.reruns, warmups=args.warmups)
        print(f"  {reruns['seconds']} s")
        subjects = {(s.name, s.history): s for s in reruns["subjects"]}
        browser = None
        if not args.skip_browser:
            print("Browser: warm server on the 10y history, headless Chromium ...")
            log_dir = root / "logs"
            log_dir.mkdir()
            browser = measure_browser(
                pages,
                histories["10y"],
                subjects,
                samples=args.samples,
                startups=args.startups,
                log_dir=log_dir,
            )
        result.update(report(pages, histories, reruns, browser))
        result["reruns"] = {k: v for k, v in reruns.items() if k not in ("floor", "subjects")}
        if browser:
            result["browser"] = browser
        result["machine"]["load_at_end"] = load()
        result["seconds"] = round(time.perf_counter() - started, 1)
        print_report(result)
        written = write_results(result)
        print(f"\nWrote {written.relative_to(ROOT)} ({result['seconds']:.0f} s)")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
