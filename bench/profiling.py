"""`--profile pages/x.py`: cProfile of one page's AppTest reruns, in ms per rerun."""

from __future__ import annotations

import cProfile
import os
import pstats
import threading
import time

from bench import ROOT
from bench.histories import History
from bench.reruns import check, environment, open_subject, quiet_streamlit
from sciatica.ui.pages import PAGES


def profile_page(page_file: str, history: History, *, reruns: int, top: int) -> None:
    """Print where one page's reruns spend their time: the top functions, in ms per rerun."""
    quiet_streamlit()
    os.chdir(ROOT)
    pages = {p.file: p for p in PAGES}
    if page_file not in pages:
        raise SystemExit(f"{page_file} is not one of PAGES: {sorted(pages)}")
    subject = open_subject(pages[page_file], history, warmups=2)
    if subject.error:
        raise SystemExit(f"{page_file} cannot be profiled: {subject.error}")
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
    print(f"{page_file}, {history.name}: {wall:.0f} ms per rerun under cProfile ({reruns} runs)")
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
