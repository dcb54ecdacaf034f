"""No read of another person's diary bypasses `open_patient_diary`: the code is walked to see.

Every diary read names whose diary it reads with `user_id=`. Walking every module above
storage (app.py, pages/ and sciatica/ but sciatica/storage, which takes the id it is given),
each `user_id=` must be one of:

- the logged-in person's own id: `ui.user_id()`, or a name `user` / `user_id` that is a
  function's parameter (passed down from a caller checked here too) or bound to `ui.user_id()`;
  on the command line, the configured local diary (`Settings().user_id`); in the demo, its own
  diary named as a constant;
- a patient's id taken from a `PatientDiary` (`diary.owner_id`, or a name bound to it), where
  the diary is a parameter annotated `PatientDiary` or comes from `open_patient_diary(...)`.

And only `open_patient_diary` makes a `PatientDiary`, after it has logged the view; the raw
share and log queries are called only by sciatica/sharing and the export.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeless

ROOT = Path(__file__).resolve().parents[2]
OWN_NAMES = {"user", "user_id"}
SHARE_QUERIES = {"shares_of", "shares_for", "log_view", "views_of", "end_share", "add_share"}
MAY_QUERY_SHARES = {"sciatica/sharing/access.py", "sciatica/documents/export_sharing.py"}
Scope = ast.Module | ast.FunctionDef | ast.AsyncFunctionDef


def modules() -> Iterator[tuple[str, ast.Module]]:
    paths = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    paths += [
        path
        for path in sorted((ROOT / "sciatica").rglob("*.py"))
        if "storage" not in path.relative_to(ROOT / "sciatica").parts
    ]
    for path in paths:
        name = str(path.relative_to(ROOT))
        yield name, ast.parse(path.read_text(encoding="utf-8"), filename=name)


def _own_statements(scope: Scope) -> Iterator[ast.AST]:
    """The nodes of a scope, not those of the functions defined inside it."""
    stack: list[ast.AST] = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


def _called(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return None


def _bindings(scope: Scope) -> dict[str, list[ast.AST | None]]:
    """What each name of the scope is bound to (None: a parameter, checked where it is called)."""
    bound: dict[str, list[ast.AST | None]] = {}
    if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
        arguments = scope.args
        for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            bound.setdefault(arg.arg, []).append(
                ast.Name("PatientDiary") if "PatientDiary" in annotation else None
            )
    for node in _own_statements(scope):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(node.value)
                elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    for name, value in zip(target.elts, node.value.elts, strict=False):
                        if isinstance(name, ast.Name):
                            bound.setdefault(name.id, []).append(value)
        elif isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Name):
            bound.setdefault(node.target.id, []).append(node.iter)
    return bound


def _is_diary(name: str, bound: dict[str, list[ast.AST | None]]) -> bool:
    values = bound.get(name, [])
    return (
        bool(values)
        and all(
            (isinstance(value, ast.Name) and value.id == "PatientDiary")
            or _called(value) == "open_patient_diary"
            for value in values
            if value is not None
        )
        and None not in values
    )


def _is_own_id(value: ast.AST | None) -> bool:
    return value is None or _called(value) == "user_id"


def _allowed(value: ast.expr, bound: dict[str, list[ast.AST | None]]) -> bool:
    if _called(value) == "user_id":
        return True
    if isinstance(value, ast.Attribute) and value.attr == "user_id":
        # The configured local diary (`Settings().user_id`), as the command line reads it.
        return isinstance(value.value, ast.Name) and all(
            _called(bound_to) == "Settings" for bound_to in bound.get(value.value.id, [None])
        )
    if isinstance(value, ast.Attribute) and value.attr == "owner_id":
        return isinstance(value.value, ast.Name) and _is_diary(value.value.id, bound)
    if isinstance(value, ast.Name):
        values = bound.get(value.id, [])
        if value.id in OWN_NAMES:
            return all(_is_own_id(bound_to) for bound_to in values) if values else True
        return bool(values) and all(
            bound_to is not None and _allowed(bound_to, bound)  # type: ignore[arg-type]
            for bound_to in values
        )
    return False


def bypasses(tree: ast.Module, name: str) -> list[str]:
    """Each `user_id=` in the module that names a diary neither the person's nor opened."""
    found = []
    module_bound = _bindings(tree)
    scopes: list[Scope] = [tree]
    scopes += [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for scope in scopes:
        bound = {**module_bound, **_bindings(scope)} if scope is not tree else module_bound
        for node in _own_statements(scope):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                demo = name.startswith("sciatica/demo/") and isinstance(keyword.value, ast.Constant)
                if keyword.arg == "user_id" and not demo and not _allowed(keyword.value, bound):
                    found.append(f"{name}:{node.lineno}: user_id={ast.unparse(keyword.value)}")
            if _called(node) in SHARE_QUERIES and name not in MAY_QUERY_SHARES:
                found.append(f"{name}:{node.lineno}: {_called(node)} outside sciatica/sharing")
            if _called(node) == "PatientDiary" and not (
                name == "sciatica/sharing/access.py"
                and isinstance(scope, ast.FunctionDef)
                and scope.name == "open_patient_diary"
            ):
                found.append(f"{name}:{node.lineno}: a PatientDiary made outside the gate")
    return found


def test_every_read_of_a_diary_is_the_persons_own_or_through_the_gate() -> None:
    found = [problem for name, tree in modules() for problem in bypasses(tree, name)]
    assert found == []


def test_the_gate_logs_the_view_before_it_hands_out_the_diary() -> None:
    tree = dict(modules())["sciatica/sharing/access.py"]
    [gate] = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "open_patient_diary"
    ]
    calls = [node for node in ast.walk(gate) if isinstance(node, ast.Call)]
    logged = [node.lineno for node in calls if _called(node) == "log_view"]
    made = [node.lineno for node in calls if _called(node) == "PatientDiary"]
    assert logged
    assert made
    assert max(logged) < min(made)


def test_the_walk_looks_at_the_patients_page_and_the_my_data_section() -> None:
    names = {name for name, _tree in modules()}
    assert {"pages/patients.py", "sciatica/ui/patients.py", "sciatica/ui/sharing.py"} <= names
    patients = dict(modules())["sciatica/ui/patients.py"]
    reads = [
        keyword
        for node in ast.walk(patients)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "user_id"
    ]
    assert len(reads) >= 5  # the walk has something to check there


@pytest.mark.parametrize(
    "code",
    [
        # A patient's id from the list of shares, not from an opened (and logged) diary.
        "def page(store, viewer):\n"
        "    for share in patients(store, viewer=viewer, now=now):\n"
        "        store.all_check_ins(user_id=share.owner_id)\n",
        # An id from the address or the session.
        "owner = st.query_params['patient']\nstore.daily_rows(user_id=owner, start=a, end=b)\n",
        "store.all_check_ins(user_id=st.session_state['patients_open'])\n",
        # The person's own name rebound to someone else's id.
        "user = st.query_params['who']\nstore.all_check_ins(user_id=user)\n",
        # A diary made by hand, skipping the share check and the log.
        "diary = PatientDiary(owner_id=x, owner_label='', expires_at=t, what=w)\n",
        # The share queries used directly.
        "store.shares_for(email=e, subject=s, now=n)\n",
    ],
)
def test_a_read_that_bypasses_the_gate_is_found(code: str) -> None:
    assert bypasses(ast.parse(code), "pages/example.py")


def test_reads_through_the_gate_pass() -> None:
    code = (
        "def page(store, viewer, owner_id):\n"
        "    diary = open_patient_diary(store, viewer=viewer, owner_id=owner_id, what=w, now=n)\n"
        "    owner = diary.owner_id\n"
        "    store.all_check_ins(user_id=owner)\n"
        "    store.daily_rows(user_id=diary.owner_id, start=a, end=b)\n"
        "def card(store, diary: PatientDiary):\n"
        "    store.active_routine(user_id=diary.owner_id)\n"
        "user = ui.user_id()\n"
        "store.all_check_ins(user_id=user)\n"
    )
    assert bypasses(ast.parse(code), "pages/example.py") == []
