"""`make bench`: page reruns against Streamlit's own floor, browser timings and start-up.

Usage:
    python -m bench.run                        # everything; writes bench/results/latest.json
    python -m bench.run --skip-browser         # AppTest reruns only
    python -m bench.run --profile pages/my_data.py [--history 10y]   # where a page's time goes
    python -m bench.run --first-visit          # only the first page in a fresh browser, 2 sizes

Histories are written by `python -m sciatica demo-data` into temporary SQLite databases, with
SCIATICA_DATA_DIR pointing at a temporary folder, so the real user's diary is never touched.
Budgets are reported PASS/FAIL; a missed budget does not fail the command, an error does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.browser import measure_browser
from bench.first_visit import measure_first_visit
from bench.histories import (
    FLARES_PER_DAY,
    HISTORIES,
    SEED,
    build_histories,
    count_check_ins,
    count_flares,
)
from bench.machine import machine
from bench.profiling import profile_page
from bench.report import print_first_visit, print_report, report, write_results
from bench.reruns import measure_reruns
from bench.samples import load
from sciatica.ui.pages import PAGES


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or profile one page); 1 if anything raised an error."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--reruns", type=int, default=30, help="timed AppTest reruns (>= 20)")
    parser.add_argument("--warmups", type=int, default=2, help="untimed reruns after switching")
    parser.add_argument("--samples", type=int, default=5, help="browser samples per figure")
    parser.add_argument("--startups", type=int, default=3, help="server start-ups to time")
    parser.add_argument("--skip-browser", action="store_true", help="AppTest reruns only")
    parser.add_argument("--profile", metavar="PAGE", help="profile one page, e.g. pages/x.py")
    parser.add_argument("--history", choices=sorted(HISTORIES), default="10y")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile")
    parser.add_argument(
        "--first-visit", action="store_true", help="only the first page, fresh browser, 2 sizes"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sciatica-bench-") as tmp:
        root = Path(tmp)
        if args.profile:
            print(f"Writing the {args.history} history ...")
            histories = build_histories(root, [args.history])
            profile_page(args.profile, histories[args.history], reruns=args.reruns, top=args.top)
            return 0
        if args.first_visit:
            print(f"Writing the {args.history} history ...")
            histories = build_histories(root, [args.history])
            (root / "logs").mkdir()
            visit = measure_first_visit(
                histories[args.history], samples=args.samples, log_dir=root / "logs"
            )
            print_first_visit(visit)
            return 0
        if args.reruns < 20:
            parser.error("--reruns must be at least 20")
        result: dict[str, Any] = {"machine": machine()}
        print(f"Pages: {', '.join(p.file for p in PAGES)}")
        print("Writing the histories with `python -m sciatica demo-data` ...")
        started = time.perf_counter()
        histories = build_histories(root, list(HISTORIES))
        result["histories"] = {
            h.name: {
                "days": h.days,
                "seed": SEED,
                "check_ins": count_check_ins(h),
                "flares_per_day": FLARES_PER_DAY,
                "flares": count_flares(h),
            }
            for h in histories.values()
        }
        print(f"AppTest: {len(PAGES)} pages x {len(histories)} histories + floor ...")
        reruns = measure_reruns(PAGES, histories, reruns=args.reruns, warmups=args.warmups)
        print(f"  {reruns['seconds']} s")
        subjects = {(s.name, s.history): s for s in reruns["subjects"]}
        browser = None
        if not args.skip_browser:
            print("Browser: warm server on the 10y history, headless Chromium ...")
            log_dir = root / "logs"
            log_dir.mkdir()
            browser = measure_browser(
                PAGES,
                histories["10y"],
                subjects,
                samples=args.samples,
                startups=args.startups,
                log_dir=log_dir,
            )
            print("Browser: the first page in a fresh browser, at 375x812 and 1280x900 ...")
            try:
                first_visit = measure_first_visit(
                    histories["10y"], samples=args.samples, log_dir=log_dir
                )
            except Exception as error:
                browser["errors"].append(f"first visit: {error}")
            else:
                browser["first_visit"] = first_visit
        result.update(report(PAGES, histories, reruns, browser))
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
