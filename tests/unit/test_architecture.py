"""The layer contracts in pyproject.toml bite: `make lint` fails on an import that breaks one.

Each case copies the project, adds one wrong import, and runs the linters on the copy:
import-linter for the contracts between sciatica's packages, and ruff's banned-api rule, which
sees every file (pages/ and app.py too) and names the banned module.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
RUFF = Path(sys.executable).parent / "ruff"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def ruff_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RUFF), "check", "--no-cache", "--output-format", "concise", "."],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", copy)
    shutil.copy(ROOT / "app.py", copy)
    for folder in ("sciatica", "pages"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("*.pyc"))
    return copy


def with_line_added(path: Path, line: str) -> contextlib.AbstractContextManager[None]:
    """Add one line to a file of the copy for the length of a with block."""

    @contextlib.contextmanager
    def added() -> Iterator[None]:
        original = path.read_text()
        path.write_text(original + f"\n{line}\n")
        try:
            yield
        finally:
            path.write_text(original)

    return added()


def test_the_real_package_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("storage/store.py", "from sciatica.diary import triage", "Storage imports only models"),
        ("diary/models.py", "from sciatica.storage import store", "Models and ports import"),
        ("plans/ports.py", "from sciatica.plans import sessions", "Models and ports import"),
        ("diary/today.py", "import sciatica.storage", "The domain never imports storage"),
        ("plans/history.py", "import sciatica.storage", "The domain never imports storage"),
        ("progress/summary.py", "from sciatica.storage import store", "The domain never imports"),
        ("exercises/library.py", "import sqlite3", "The domain never imports storage"),
        ("plans/routine.py", "import streamlit", "Only sciatica.ui talks to Streamlit"),
        ("progress/summary.py", "import sqlalchemy", "Only sciatica.storage talks SQL"),
        ("ui/tables.py", "import sqlalchemy", "Only sciatica.storage talks SQL"),
        ("storage/base.py", "import streamlit", "Only sciatica.ui talks to Streamlit"),
        ("exercises/catalog.py", "from sciatica.plans import routine", "Layers"),
        ("diary/triage.py", "from sciatica.diary import check_in", "No import cycles"),
    ],
)
def test_an_import_against_a_contract_fails_lint(
    project: Path, module: str, wrong_import: str, contract: str
) -> None:
    with with_line_added(project / "sciatica" / module, f"{wrong_import}  # noqa"):
        result = lint_imports(project)
    assert result.returncode != 0, result.stdout
    broken = [line for line in result.stdout.splitlines() if "BROKEN" in line]
    assert any(contract in line for line in broken), result.stdout
    imported = wrong_import.split()[-1].rsplit(".", 1)[-1]  # the module, or what is taken from it
    assert re.search(rf"-> \S*\b{imported}\b", result.stdout), "the message names the import"


def test_models_are_kept_from_every_other_module_of_their_packages() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (models,) = [c for c in contracts["contracts"] if c["name"].startswith("Models and ports")]
    others = {
        f"sciatica.{path.parent.name}.{path.stem}"
        for package in ("diary", "exercises", "plans")
        for path in (ROOT / "sciatica" / package).glob("*.py")
        if path.stem != "__init__"
    } - set(models["source_modules"])
    assert others <= set(models["forbidden_modules"]), "add the new module to the contract"


def test_the_real_project_passes_the_banned_imports_rule() -> None:
    result = ruff_check(ROOT)
    assert "TID251" not in result.stdout, result.stdout


# Each break added alone to a clean copy fails `make lint`, and the message names the import.
@pytest.mark.parametrize(
    ("path", "wrong_import", "named"),
    [
        ("pages/today.py", "import sqlalchemy", "`sqlalchemy` is banned"),
        ("app.py", "import sqlite3", "`sqlite3` is banned"),
        ("sciatica/ui/tables.py", "import sqlalchemy", "`sqlalchemy` is banned"),
        ("sciatica/documents/pdf.py", "from psycopg import sql", "`psycopg` is banned"),
        ("sciatica/cli.py", "from alembic import command", "`alembic` is banned"),
        ("sciatica/plans/doses.py", "import streamlit", "`streamlit` is banned"),
        ("sciatica/progress/charts.py", "from streamlit import session_state", "`streamlit`"),
    ],
)
def test_a_banned_import_fails_ruff_naming_the_module(
    project: Path, path: str, wrong_import: str, named: str
) -> None:
    with with_line_added(project / path, wrong_import):
        result = ruff_check(project)
    assert result.returncode != 0, result.stdout
    banned = [line for line in result.stdout.splitlines() if "TID251" in line]
    assert any(line.startswith(path) and named in line for line in banned), result.stdout
