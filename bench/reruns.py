"""Page reruns under AppTest, against the floor: Streamlit's own cost for a ten-year chart.

Each page is opened as the server opens it: `AppTest.from_file("app.py")`, run, `switch_page`,
run, then untimed warm-up reruns. The timed `at.run()` calls go round-robin over every page,
both histories and the floor (floor_page.py), so load from other processes hits them alike.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.histories import History
from bench.samples import load, median, summary
from sciatica.ui.pages import PageSpec

APP = ROOT / "app.py"
FLOOR = Path(__file__).resolve().parent / "floor_page.py"
APPTEST_TIMEOUT_S = 60


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
        """Its timings, or the error that stopped it being measured."""
        if self.error or not self.wall_ms:
            return {"error": self.error or "not measured"}
        return {
            **summary(self.wall_ms),
            "cpu_median_ms": median(self.cpu_ms),
            "charts": self.charts,
            "title": self.title,
        }


@contextlib.contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the duration, then put the old values back."""
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


def open_subject(page: PageSpec | None, history: History | None, warmups: int) -> Subject:
    """AppTest.from_file(app.py), run, switch_page(page), run, then warm-up reruns."""
    from streamlit.testing.v1 import AppTest  # noqa: TID251 - the benchmark drives Streamlit

    env = history.env() if history else {}
    subject = Subject(page.title if page else "floor", history.name if history else None, env)
    try:
        with environment(env):
            app = subject.app = AppTest.from_file(
                str(APP if page else FLOOR), default_timeout=APPTEST_TIMEOUT_S
            )
            app.run()
            if page and check(subject):
                app.switch_page(page.file)
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
    pages: Sequence[PageSpec], histories: dict[str, History], *, reruns: int, warmups: int
) -> dict[str, Any]:
    """The floor and every page with every history, `reruns` timed reruns each."""
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
