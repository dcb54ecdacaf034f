"""One clock: nothing but sciatica/clock.py reads the wall clock, and no module dates itself.

Dates computed when a module is imported (a `TODAY = ...` constant, a parametrize table built
from today) go stale the moment the calendar moves on, and cannot be moved by the test clock.
"""

from __future__ import annotations

import ast
import subprocess
from datetime import date
from pathlib import Path

import pytest

from sciatica import clock

ROOT = Path(__file__).resolve().parents[2]
THE_CLOCK = Path("sciatica/clock.py")

# Calls that read the machine's clock, by the dotted name they are written with.
WALL_CLOCK_READS = {
    "datetime.now",
    "datetime.today",
    "datetime.utcnow",
    "date.today",
    "datetime.datetime.now",
    "datetime.datetime.today",
    "datetime.datetime.utcnow",
    "datetime.date.today",
    "time.time",
    "time.time_ns",
    "time.localtime",
    "time.gmtime",
}
# Calls that give "today" or "now" by the app's own clock or the tests' helpers.
CLOCK_CALLS = {"today", "now", "days_ago", "clock.today", "clock.now", "factories.today"}


def python_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [Path(name) for name in listed if (ROOT / name).is_file()]


def dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def calls(tree: ast.AST) -> list[tuple[int, str]]:
    return [
        (node.lineno, name)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and (name := dotted(node.func))
    ]


def import_time_nodes(module: ast.Module) -> list[ast.AST]:
    """What runs on import: top-level statements, decorators and defaults, not function bodies."""
    found: list[ast.AST] = []
    for statement in module.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            found += statement.decorator_list + statement.args.defaults
            found += [d for d in statement.args.kw_defaults if d is not None]
        elif isinstance(statement, ast.ClassDef):
            found += statement.decorator_list + [
                node
                for node in statement.body
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
        else:
            found.append(statement)
    return found


def test_the_project_is_found() -> None:
    files = python_files()
    assert THE_CLOCK in files
    assert Path("tests/unit/test_one_clock.py") in files


@pytest.mark.parametrize("path", python_files(), ids=str)
def test_only_the_clock_module_reads_the_wall_clock(path: Path) -> None:
    if path == THE_CLOCK:
        return
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    reads = [f"line {line}: {name}()" for line, name in calls(tree) if name in WALL_CLOCK_READS]
    assert not reads, f"use sciatica.clock (or the test clock) instead: {reads}"


@pytest.mark.parametrize("path", python_files(), ids=str)
def test_no_module_computes_a_date_when_imported(path: Path) -> None:
    module = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    dated = [
        f"line {line}: {name}()"
        for node in import_time_nodes(module)
        for line, name in calls(node)
        if name in CLOCK_CALLS
    ]
    assert not dated, f"compute days inside functions or tests, not at import: {dated}"


def test_the_checker_sees_a_wall_clock_read_and_an_import_time_date() -> None:
    source = (
        "import datetime\nTODAY = datetime.date.today()\n"
        "@mark(day=clock.today(None))\ndef f(): pass\n"
    )
    tree = ast.parse(source)
    assert [name for _, name in calls(tree) if name in WALL_CLOCK_READS] == ["datetime.date.today"]
    names = [name for node in import_time_nodes(tree) for _, name in calls(node)]
    assert "clock.today" in names


def test_the_test_clock_is_where_the_run_asked(request: pytest.FixtureRequest, today: date) -> None:
    assert clock.today(None) == today
    moment = request.config.getoption("--clock")  # (local wall-clock time, zone), or None
    if moment is not None:
        wall, _zone = moment
        assert today == date.fromisoformat(wall[:10])
