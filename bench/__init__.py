"""The performance benchmark: `make bench` (see the Performance section of README.md).

    run.py          the command: `python -m bench` or `python -m bench.run`
    histories.py    1 and 10 years of demo data, each in its own temporary folder
    reruns.py       AppTest reruns of every page against the floor (floor_page.py)
    profiling.py    cProfile of one page's reruns (`--profile`)
    tab.py          in a browser tab: when a page counts as drawn; open, click, save
    startup.py      server process start -> health ok -> first page drawn
    browser.py      the browser figures: start-up, every page by URL and by click, saving
    budgets.py      the limits and their PASS/FAIL
    report.py       the table printed at the end and the JSON in bench/results/
    samples.py      medians, percentiles and the load average
    machine.py      what the figures were measured on

The pages come from PAGES in sciatica/ui/pages.py, the list app.py builds its navigation from;
the server and Chromium from sciatica/ui/harness.py, shared with the browser tests.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
