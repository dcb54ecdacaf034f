"""Shared fixtures: every test gets its own fresh database and a clock it can trust.

The clock: each test starts at the same moment, the moment the run began, unless
`--clock NAME` moves the whole run to one of the awkward moments below, or
`--clock 2027-09-14T12:00@Europe/London` to any local moment in a zone. Time then ticks on
from there, so timeouts still work; the `today` fixture and `tests.factories` read the same
clock. With `--awkward-moments` (as `make test` runs) every test that can depend on the date
runs once more at each awkward moment, in the same run: `test_x[at-leap-day]`.
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
import time_machine

from sciatica import clock
from sciatica.storage.store import Store
from tests.postgres import PostgresUnavailable, postgres_server

_database_numbers = itertools.count()

# Local wall-clock time and the zone it is read in (the zone becomes the process's TZ, which is
# also the person's zone for page tests: AppTest reports no browser time zone).
AWKWARD_MOMENTS: dict[str, tuple[str, str]] = {
    # Still 2027 for the person while the server's UTC clock is already in 2028.
    "new-year": ("2027-12-31T23:30", "America/Los_Angeles"),
    "leap-day": ("2028-02-29T12:00", "Europe/London"),
    # 01:30 does not exist in London that night (01:00 GMT jumps to 02:00 BST): a 23-hour day.
    "clocks-change": ("2027-03-28T01:30", "Europe/London"),
}
_START = pytest.StashKey[datetime]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        type=_moment,
        help="run every test as if it were this awkward moment (one of "
        f"{', '.join(sorted(AWKWARD_MOMENTS))}) or local time in a zone, as "
        "2027-09-14T12:00@Europe/London (browser tests cannot be moved)",
    )
    parser.addoption(
        "--awkward-moments",
        action="store_true",
        help="also run each test that can depend on the date at every awkward moment "
        "(not browser tests, modules marked timeless, or PostgreSQL variants)",
    )


def _moment(text: str) -> tuple[str, str]:
    """An awkward moment's name, or "local-time@zone", as (local wall-clock time, zone)."""
    if text in AWKWARD_MOMENTS:
        return AWKWARD_MOMENTS[text]
    wall, _, zone = text.partition("@")
    try:
        datetime.fromisoformat(wall)
        ZoneInfo(zone)
    except (ValueError, KeyError) as error:
        raise pytest.UsageError(
            f"--clock: {text!r} is neither one of {', '.join(sorted(AWKWARD_MOMENTS))} "
            "nor a local time and zone such as 2027-09-14T12:00@Europe/London"
        ) from error
    return wall, zone


def pytest_configure(config: pytest.Config) -> None:
    moment = config.getoption("--clock")
    if moment is None:
        config.stash[_START] = clock.now()
        return
    wall, zone = moment
    os.environ["TZ"] = zone
    time.tzset()
    config.stash[_START] = datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone))


_BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def _in_browser_folder(item: pytest.Item) -> bool:
    """Whether the test is one of tests/browser (marked `browser` only later, by its conftest)."""
    return _BROWSER_TESTS in Path(str(item.path)).resolve().parents


def _moved_with_the_date(definition: pytest.Item) -> bool:
    """Whether a test runs again at the awkward moments: it can depend on the date.

    Browser tests cannot be moved (their server keeps the machine's clock), modules marked
    `timeless` hold nothing that depends on the date, and PostgreSQL variants run the same date
    code as SQLite on another backend, which the run at the present moment covers.
    """
    return definition.get_closest_marker("timeless") is None and not _in_browser_folder(definition)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.config.getoption("--awkward-moments") and _moved_with_the_date(metafunc.definition):
        metafunc.parametrize(
            "moment", [None, *AWKWARD_MOMENTS], indirect=True, ids=_moment_id, scope="function"
        )


def _moment_id(moment: str | None) -> str:
    return "now" if moment is None else f"at-{moment}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The browser tests first: they take longest, so with the run spread over every core
    # (make test) the short ones fill the gaps at the end instead of waiting on one of them.
    items.sort(key=lambda item: not _in_browser_folder(item))
    if config.getoption("--awkward-moments"):
        kept, left_out = [], []
        for item in items:
            callspec = getattr(item, "callspec", None)
            moved = callspec is not None and callspec.params.get("moment") is not None
            (left_out if moved and "postgresql" in item.name else kept).append(item)
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = kept
    if config.getoption("--clock") is None:
        return
    moved = pytest.mark.skip(reason="the browser tests' server runs on the machine's own clock")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(moved)


@pytest.fixture
def moment(request: pytest.FixtureRequest) -> str | None:
    """The awkward moment this test runs at (`--awkward-moments`), or None for the run's own."""
    name: str | None = getattr(request, "param", None)
    return name


@contextmanager
def _local_zone(zone: str) -> Iterator[None]:
    """The process's own time zone is `zone` (AppTest's person has no browser zone but this)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture(autouse=True)
def _clock(request: pytest.FixtureRequest, moment: str | None) -> Iterator[None]:
    """Every test starts at the run's moment, so a run that crosses midnight stays one day.

    A variant at an awkward moment starts at that moment instead, with the process's zone
    set to the moment's for the length of the test.
    """
    if moment is None:
        with time_machine.travel(request.config.stash[_START], tick=True):
            yield
        return
    wall, zone = AWKWARD_MOMENTS[moment]
    with (
        _local_zone(zone),
        time_machine.travel(datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone)), tick=True),
    ):
        yield


@pytest.fixture
def today() -> date:
    """Today for the person, by the test clock."""
    return clock.today(None)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's data folder (the diary or its backups)."""
    monkeypatch.setenv("SCIATICA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SCIATICA_DATABASE_URL", raising=False)
    monkeypatch.delenv("SCIATICA_BACKUP_DIR", raising=False)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A private PostgreSQL server for the whole run; skipped where it cannot run, but not in CI."""
    try:
        with postgres_server() as url:
            yield url
    except PostgresUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")


def new_postgres_database(admin_url: str, *, template: str = "template1") -> str:
    """A new database on the test server, a copy of `template` (empty by default); its URL."""
    name = f"test_{os.getpid()}_{next(_database_numbers)}"
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> str:
    """A URL to a new, empty PostgreSQL database (for the migrations themselves)."""
    return new_postgres_database(postgres_admin_url)


@pytest.fixture(scope="session")
def _migrated_postgres(postgres_admin_url: str) -> str:
    """The name of a PostgreSQL database migrated to the newest schema once per run."""
    url = new_postgres_database(postgres_admin_url)
    Store.open(url).close()  # no connection may stay open: a template is copied only when idle
    return url.rsplit("/", 1)[1]


@pytest.fixture
def migrated_postgres_url(postgres_admin_url: str, _migrated_postgres: str) -> str:
    """A URL to a PostgreSQL database of its own, at the newest schema and empty.

    Copied by the server from the one migrated at the start of the run (CREATE DATABASE ...
    TEMPLATE), as `migrated_sqlite_url` copies a file.
    """
    return new_postgres_database(postgres_admin_url, template=_migrated_postgres)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL for a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'diary.db'}"


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite diary migrated to the newest schema, once per run, for tests to copy."""
    path = tmp_path_factory.mktemp("migrated") / "diary.db"
    Store.open(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def migrated_sqlite_url(sqlite_url: str, _migrated_sqlite: Path) -> str:
    """A URL for a SQLite file of its own, already at the newest schema and empty.

    A copy of the one migrated at the start of the run: a file copy instead of the migrations
    for each test (migrations themselves are tested on `sqlite_url`, a file that does not exist).
    """
    shutil.copyfile(_migrated_sqlite, sqlite_url.removeprefix("sqlite:///"))
    return sqlite_url


@pytest.fixture
def database_url(migrated_sqlite_url: str) -> str:
    """The database tests run against (SQLite; storage tests override it to add PostgreSQL)."""
    return migrated_sqlite_url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated, empty store."""
    opened = Store.open(database_url)
    yield opened
    opened.close()
