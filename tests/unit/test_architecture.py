"""The layer contracts in pyproject.toml bite: `make lint` fails on an import that breaks one.

Each case copies the package, adds one wrong import, and runs import-linter on the copy.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


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


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", copy)
    shutil.copytree(ROOT / "sciatica", copy / "sciatica", ignore=shutil.ignore_patterns("*.pyc"))
    return copy


def test_the_real_package_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("storage/store.py", "from sciatica.diary import triage", "Storage imports only models"),
        ("diary/models.py", "from sciatica.storage import store", "Models import nothing"),
        ("plans/routine.py", "import streamlit", "Only sciatica.ui talks to Streamlit"),
        ("progress/summary.py", "import sqlalchemy", "only storage talks SQL"),
        ("exercises/catalog.py", "from sciatica.plans import routine", "Layers"),
        ("diary/triage.py", "from sciatica.diary import check_in", "No import cycles"),
    ],
)
def test_an_import_against_a_contract_fails_lint(
    project: Path, module: str, wrong_import: str, contract: str
) -> None:
    path = project / "sciatica" / module
    original = path.read_text()
    path.write_text(original + f"\n{wrong_import}  # noqa\n")
    try:
        result = lint_imports(project)
    finally:
        path.write_text(original)
    assert result.returncode != 0, result.stdout
    broken = [line for line in result.stdout.splitlines() if "BROKEN" in line]
    assert any(contract in line for line in broken), result.stdout


def test_models_are_kept_from_every_other_module_of_their_packages() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (models,) = [c for c in contracts["contracts"] if c["name"].startswith("Models import")]
    others = {
        f"sciatica.{path.parent.name}.{path.stem}"
        for package in ("diary", "exercises", "plans")
        for path in (ROOT / "sciatica" / package).glob("*.py")
        if path.stem != "__init__"
    } - set(models["source_modules"])
    assert others <= set(models["forbidden_modules"]), "add the new module to the contract"
