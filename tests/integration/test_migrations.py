"""Migrations: fresh, old and reopened databases all end with the schema the code declares."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from datetime import UTC, date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event

from sciatica import clock
from sciatica.diary.models import SignAnswer, SignSeen, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Change, Step
from sciatica.plans.routine import template
from sciatica.storage.database import MIGRATIONS_DIR, create_db_engine, migrate, write_transaction
from sciatica.storage.schema import metadata
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, make_flare

FIRST_REVISION = "0001"
FIRST_TABLES = {"users", "check_ins"}
SECOND_REVISION = "0002"
REPLICAS = 3


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """A database that does not exist yet (SQLite) or is empty (PostgreSQL): no migration run."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str) -> None:
    """Upgrade to a revision in one transaction, as the app's migrate() does for the head."""
    config = alembic_config()
    with write_transaction(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade to a revision ("base" for none) in one transaction."""
    config = alembic_config()
    with write_transaction(engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def version(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def schema_differences(engine: Engine) -> list[Any]:
    """What alembic would autogenerate to turn this database into the code's tables."""
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def app_tables(engine: Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}


# The check-in columns every revision has: what an older database is compared on.
FIRST_CHECK_IN_COLUMNS = (
    "user_id, day, leg_pain, back_pain, sbi_leg_pain, sbi_numbness, sbi_weakness, sbi_sitting, "
    "extent, side, walking_interference, sitting_interference, sleeping_interference, "
    "activity_minutes, medication, notes, red_flags, triage_level, created_at, updated_at"
)


def write_check_in(engine: Engine, *, user_id: str, entry: Any, level: TriageLevel) -> None:
    """A check-in written as the app of the database's revision wrote it: with only the
    columns that revision has (the code's Store writes every column of the latest)."""
    table = sa.Table("check_ins", sa.MetaData(), autoload_with=engine)
    now = clock.now()
    values = entry.model_dump() | {
        "user_id": user_id,
        "red_flags": sorted(entry.red_flags),
        "triage_level": level.value,
        "created_at": now,
        "updated_at": now,
    }
    with write_transaction(engine) as connection:
        known = connection.execute(sa.text("SELECT id FROM users WHERE id = :id"), {"id": user_id})
        if known.first() is None:
            connection.execute(
                sa.text("INSERT INTO users (id, created_at) VALUES (:id, :at)"),
                {"id": user_id, "at": now},
            )
        connection.execute(
            sa.insert(table).values({k: v for k, v in values.items() if k in table.c})
        )


def check_in_rows(engine: Engine) -> list[tuple[str, ...]]:
    """Every check-in as the first revision's columns read it, in text, oldest first."""
    with engine.connect() as connection:
        query = f"SELECT {FIRST_CHECK_IN_COLUMNS} FROM check_ins ORDER BY user_id, day"
        return [tuple(str(cell) for cell in row) for row in connection.execute(sa.text(query))]


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on an empty database, with no migration applied."""
    created = create_db_engine(database_url)
    yield created
    created.dispose()


def test_a_fresh_database_is_migrated_to_the_latest_revision(database_url: str) -> None:
    store = Store.open(database_url)
    with store.engine.connect() as connection:
        found = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    store.close()
    assert found == head_revision()


def test_migrations_create_exactly_the_schema_the_code_declares(engine: Engine) -> None:
    migrate(engine)
    # Tables, columns, types, nullability, indexes, unique and foreign keys all match.
    assert schema_differences(engine) == []
    assert app_tables(engine) == set(metadata.tables)
    inspector = sa.inspect(engine)
    for table in metadata.sorted_tables:
        columns = [column["name"] for column in inspector.get_columns(table.name)]
        assert columns == list(table.columns.keys()), table.name
    uniques = inspector.get_unique_constraints("check_ins")
    assert [(u["name"], u["column_names"]) for u in uniques] == [
        ("uq_check_ins_user_day", ["user_id", "day"])
    ]
    # Alembic's comparison does not look at a partial index's condition: checked here.
    (one_active,) = [i for i in inspector.get_indexes("routines") if i["unique"]]
    where = one_active["dialect_options"][f"{engine.dialect.name}_where"]
    assert (one_active["name"], one_active["column_names"]) == (
        "uq_routines_one_active",
        ["user_id"],
    )
    assert str(where).strip("()") == "active"


def test_migrations_name_the_check_constraints_as_the_code_does(engine: Engine) -> None:
    migrate(engine)
    inspector = sa.inspect(engine)
    # Alembic's comparison skips check constraints, so their names are compared here.
    for table in metadata.sorted_tables:
        expected = {
            constraint.name
            for constraint in table.constraints
            if isinstance(constraint, sa.CheckConstraint)
        }
        found = {check["name"] for check in inspector.get_check_constraints(table.name)}
        assert found == expected, table.name


def test_the_migrated_constraints_reject_out_of_range_pain_and_a_second_check_in_a_day(
    database_url: str,
) -> None:
    store = Store.open(database_url)
    store.save_check_in(
        user_id="local", entry=make_check_in(day=days_ago(0)), triage_level=TriageLevel.NONE
    )
    row = {
        "user_id": "local",
        "day": days_ago(1),
        "leg_pain": 0,
        "back_pain": 0,
        "extent": "thigh",
        "walking_interference": 0,
        "sitting_interference": 0,
        "sleeping_interference": 0,
        "activity_minutes": 0,
        "medication": "",
        "notes": "",
        "red_flags": [],
        "no_warning_signs": False,
        "triage_level": "none",
        "created_at": clock.now(),
        "updated_at": clock.now(),
    }
    check_ins = metadata.tables["check_ins"]
    for bad in ({"leg_pain": 11}, {"leg_pain": 0, "back_pain": -1}, {"day": days_ago(0)}):
        with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
            connection.execute(sa.insert(check_ins).values(row | bad))
    assert store.count_check_ins(user_id="local") == 1
    store.close()


def test_opening_an_up_to_date_database_again_changes_nothing(database_url: str) -> None:
    store = Store.open(database_url)
    entry = make_check_in(day=days_ago(1), leg_pain=7, notes="Kept after reopening")
    saved = store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.NONE)
    store.close()

    engine = create_db_engine(database_url)
    statements: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.strip().split(None, 1)[0].upper())

    migrate(engine)
    engine.dispose()
    # Only reads (and the transaction around them): no DDL and no write of any kind.
    assert statements
    assert not {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE"} & set(statements)

    reopened = Store.open(database_url)
    assert version(reopened.engine) == head_revision()
    assert reopened.all_check_ins(user_id="local") == [saved.check_in]
    reopened.close()


def test_check_ins_saved_under_the_first_migration_survive_the_upgrade(engine: Engine) -> None:
    upgrade(engine, FIRST_REVISION)
    assert version(engine) == FIRST_REVISION
    assert app_tables(engine) == FIRST_TABLES
    # Written with the first migration's columns only, as the app of that time would have.
    first = Store(engine)
    entry = make_check_in(day=days_ago(2), leg_pain=6, notes="Before routines existed")
    write_check_in(engine, user_id="ann", entry=entry, level=TriageLevel.URGENT)
    first.set_country(user_id="ann", country="GB")
    written = check_in_rows(engine)

    migrate(engine)

    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    assert check_in_rows(engine) == written
    upgraded = Store(engine)
    (read,) = upgraded.all_check_ins(user_id="ann")
    assert read.model_dump(include=set(entry.model_dump())) == entry.model_dump()
    assert read.triage_level is TriageLevel.URGENT
    assert upgraded.get_country(user_id="ann") == "GB"
    # The tables the later migration added work for the person who was already there.
    routine = template("Starter routine", catalog=load_catalog(), start=days_ago(0))
    saved = upgraded.save_routine(user_id="ann", routine=routine)
    assert upgraded.list_routines(user_id="ann") == [saved]


def test_downgrading_drops_the_later_tables_and_keeps_earlier_data_then_upgrades_again(
    engine: Engine,
) -> None:
    migrate(engine)
    store = Store(engine)
    entry = make_check_in(day=days_ago(0), back_pain=4)
    store.save_check_in(user_id="ann", entry=entry, triage_level=TriageLevel.NONE)
    routine = template("Starter routine", catalog=load_catalog(), start=days_ago(0))
    store.save_routine(user_id="ann", routine=routine)
    written = check_in_rows(engine)

    downgrade(engine, FIRST_REVISION)
    assert version(engine) == FIRST_REVISION
    assert app_tables(engine) == FIRST_TABLES
    assert check_in_rows(engine) == written

    downgrade(engine, "base")
    assert version(engine) is None
    assert app_tables(engine) == set()

    migrate(engine)
    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    assert store.all_check_ins(user_id="ann") == []


def test_the_database_file_is_created_where_the_url_points(tmp_path: Path) -> None:
    path = tmp_path / "nested.db"
    assert not path.exists()
    store = Store.open(f"sqlite:///{path}")
    store.close()
    assert path.is_file()
    engine = create_db_engine(f"sqlite:///{path}")
    assert version(engine) == head_revision()
    assert app_tables(engine) == set(metadata.tables)
    engine.dispose()


def write_as_0002(engine: Engine) -> dict[str, int]:
    """A diary as the app of revision 0002 wrote it: a routine, sessions, three decisions."""
    routine = template("Starter routine", catalog=load_catalog(), start=days_ago(21))
    items = [item.model_dump(mode="json") for item in routine.items]
    now = clock.now()
    ids: dict[str, int] = {}
    with write_transaction(engine) as connection:
        tables = sa.MetaData()
        tables.reflect(bind=connection)
        connection.execute(sa.insert(tables.tables["users"]).values(id="ann", created_at=now))
        ids["routine"] = connection.execute(
            sa.insert(tables.tables["routines"]).values(
                user_id="ann",
                name=routine.name,
                items=items,
                days=[0, 2, 4],
                start_date=routine.start_date,
                weeks=4,
                active=True,
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        for n in range(3):
            ids[f"session{n}"] = connection.execute(
                sa.insert(tables.tables["sessions"]).values(
                    user_id="ann",
                    routine_id=ids["routine"],
                    day=days_ago(6 - 2 * n),
                    pain_before=2,
                    worst_during=2,
                    pain_after=2,
                    leg_response="same",
                    new_numbness_or_weakness=False,
                    outcomes={},
                    notes="",
                    created_at=now,
                )
            ).inserted_primary_key[0]
        for n, (routine_id, step, accepted) in enumerate(
            [
                (ids["routine"], "progress", True),
                (ids["routine"], "keep", False),
                (None, "regress", True),
            ]
        ):
            connection.execute(
                sa.insert(tables.tables["routine_changes"]).values(
                    user_id="ann",
                    routine_id=routine_id,
                    session_id=ids[f"session{n}"],
                    step=step,
                    sentence=f"Decision {n}.",
                    accepted=accepted,
                    created_at=now,
                )
            )
    return ids


def test_routines_and_decisions_written_under_0002_become_current_doses_and_history(
    engine: Engine,
) -> None:
    upgrade(engine, SECOND_REVISION)
    ids = write_as_0002(engine)

    migrate(engine)

    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    assert "weeks" not in {c["name"] for c in sa.inspect(engine).get_columns("routines")}
    store = Store(engine)
    routine = store.get_routine(user_id="ann", routine_id=ids["routine"])
    assert routine is not None
    assert routine.current_items == routine.items  # current doses start as the stored items
    assert len(store.recent_sessions(user_id="ann", limit=10)) == 3
    # The accepted progression is history; the dismissed one is kept but changed nothing; the
    # one without a routine answered nothing that remains.
    decisions = store.decisions(user_id="ann", routine_id=routine.id)
    assert [(d.step, d.accepted, d.changed) for d in decisions] == [
        (Step.PROGRESS, True, True),
        (Step.KEEP, False, False),
    ]
    (change,) = store.routine_history(user_id="ann", routine_id=routine.id)
    assert change.sentence == "Decision 0."
    assert change.day == change.created_at.astimezone(UTC).date()  # they kept only a UTC stamp
    assert change.session_id == ids["session0"]
    # A session may now have more than one decision: a re-evaluated suggestion is a new one.
    store.record_decision(
        user_id="ann",
        routine_id=routine.id,
        session_id=ids["session0"],
        key="progress:again",
        change=Change(day=days_ago(0), step=Step.KEEP, sentence="Again.", accepted=False),
        before=routine.current_items,
    )
    assert len(store.decisions(user_id="ann", routine_id=routine.id)) == 3


def test_downgrading_to_0002_keeps_routines_at_the_doses_reached(engine: Engine) -> None:
    migrate(engine)
    store = Store(engine)
    routine = store.save_routine(
        user_id="ann",
        routine=template("Starter routine", catalog=load_catalog(), start=days_ago(21)),
    )
    higher = (routine.items[0].model_copy(update={"hold_seconds": 25}), *routine.items[1:])
    store.record_decision(
        user_id="ann",
        routine_id=routine.id,
        session_id=None,
        key="k",
        change=Change(
            day=days_ago(0), step=Step.PROGRESS, sentence="Up.", accepted=True, changed=True
        ),
        before=routine.current_items,
        after=higher,
    )

    downgrade(engine, SECOND_REVISION)

    assert version(engine) == SECOND_REVISION
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT items, weeks FROM routines")).one()
    items = row.items if isinstance(row.items, list) else json.loads(row.items)
    assert items[0]["hold_seconds"] == 25
    assert row.weeks == 4
    migrate(engine)
    assert schema_differences(engine) == []


def test_a_person_from_before_languages_keeps_their_country_and_follows_the_browser(
    engine: Engine,
) -> None:
    upgrade(engine, "0004")
    Store(engine).set_country(user_id="ann", country="SE")

    migrate(engine)

    assert schema_differences(engine) == []
    store = Store(engine)
    assert store.get_language(user_id="ann") is None  # no choice yet: the browser decides
    assert store.get_country(user_id="ann") == "SE"
    store.set_language(user_id="ann", language="sv")
    assert store.get_language(user_id="ann") == "sv"

    downgrade(engine, "0004")
    assert version(engine) == "0004"
    assert "language" not in {column["name"] for column in sa.inspect(engine).get_columns("users")}
    assert store.get_country(user_id="ann") == "SE"


def write_active_routines_as_0004(engine: Engine) -> dict[str, int]:
    """Routines as two saves at once could leave them before 0006: several active for a person."""
    routine = template("Starter routine", catalog=load_catalog(), start=days_ago(21))
    items = [item.model_dump(mode="json") for item in routine.items]
    now = clock.now()
    ids: dict[str, int] = {}
    rows = [
        # (name, user, active, changed how many minutes ago)
        ("ann-old", "ann", True, 30),
        ("ann-newest", "ann", True, 5),
        ("ann-middle", "ann", True, 10),
        ("ann-inactive", "ann", False, 1),
        ("bob-only", "bob", True, 60),
        ("cat-first", "cat", True, 0),  # the same moment: the later one (higher id) is kept
        ("cat-second", "cat", True, 0),
    ]
    with write_transaction(engine) as connection:
        tables = sa.MetaData()
        tables.reflect(bind=connection)
        for user in ("ann", "bob", "cat"):
            connection.execute(sa.insert(tables.tables["users"]).values(id=user, created_at=now))
        for name, user, active, minutes in rows:
            stamp = now - timedelta(minutes=minutes)
            ids[name] = connection.execute(
                sa.insert(tables.tables["routines"]).values(
                    user_id=user,
                    name=name,
                    items=items,
                    current_items=items,
                    days=[0, 2, 4],
                    start_date=routine.start_date,
                    active=active,
                    created_at=now - timedelta(minutes=60),
                    updated_at=stamp,
                )
            ).inserted_primary_key[0]
    return ids


def test_0006_leaves_each_person_their_newest_active_routine_and_then_allows_only_one(
    engine: Engine,
) -> None:
    upgrade(engine, "0004")
    ids = write_active_routines_as_0004(engine)

    migrate(engine)

    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    store = Store(engine)
    active = {user: store.active_routine(user_id=user) for user in ("ann", "bob", "cat")}
    assert {user: routine.name for user, routine in active.items() if routine} == {
        "ann": "ann-newest",
        "bob": "bob-only",
        "cat": "cat-second",
    }
    # Nothing else changed: every routine is still there, only no longer active.
    assert len(store.list_routines(user_id="ann")) == 4
    routines_table = metadata.tables["routines"]
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
        connection.execute(
            sa.update(routines_table)
            .where(routines_table.c.id == ids["ann-old"])
            .values(active=True)
        )
    # Another person's active routine is no conflict, and inactive ones are not limited.
    assert [r.active for r in store.list_routines(user_id="cat")] == [True, False]
    store.set_active_routine(user_id="ann", routine_id=ids["ann-old"])
    assert store.active_routine(user_id="ann") == store.get_routine(
        user_id="ann", routine_id=ids["ann-old"]
    )

    downgrade(engine, "0004")
    index_names = {index["name"] for index in sa.inspect(engine).get_indexes("routines")}
    assert "uq_routines_one_active" not in index_names
    migrate(engine)
    assert schema_differences(engine) == []


def _open_when_all_are_ready(database_url: str, start: Any) -> None:
    start.wait()
    Store.open(database_url).close()


@pytest.mark.timeless  # nothing here depends on the date
def test_replicas_opening_a_new_database_at_once_all_start(database_url: str) -> None:
    # Server processes (replicas) each migrate on their first visit; on a new database they
    # could all try to create the tables at once. Processes, not threads: Alembic's migration
    # context is global to a process.
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(REPLICAS)
    processes = [
        spawn.Process(target=_open_when_all_are_ready, args=(database_url, start))
        for _ in range(REPLICAS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0] * REPLICAS
    engine = create_db_engine(database_url)
    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    engine.dispose()


def test_0007_adds_flare_ups_beside_the_check_ins_and_downgrading_removes_only_them(
    engine: Engine,
) -> None:
    upgrade(engine, "0006")
    entry = make_check_in(day=days_ago(1), leg_pain=4)
    write_check_in(engine, user_id="ann", entry=entry, level=TriageLevel.NONE)
    written = check_in_rows(engine)
    assert "flare_entries" not in app_tables(engine)

    migrate(engine)

    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    checks = sa.inspect(engine).get_check_constraints("flare_entries")
    assert {check["name"] for check in checks} == {
        "ck_flare_entries_leg_pain_range",
        "ck_flare_entries_back_pain_range",
    }
    store = Store(engine)
    store.add_flare(user_id="ann", entry=make_flare(days_back=1, wall=time(15), leg_pain=8))
    flares = store.flares_between(user_id="ann", start=days_ago(1), end=days_ago(0))
    assert [flare.leg_pain for flare in flares] == [8]

    downgrade(engine, "0006")
    assert "flare_entries" not in app_tables(engine)
    assert check_in_rows(engine) == written
    migrate(engine)
    assert schema_differences(engine) == []
    assert store.count_flares(user_id="ann") == 0


def check_names(engine: Engine, table: str) -> set[str]:
    return {check["name"] for check in sa.inspect(engine).get_check_constraints(table)}


def test_0008_gives_the_check_ins_checks_their_names_and_keeps_every_row_and_rule(
    engine: Engine,
) -> None:
    upgrade(engine, "0007")
    doubled = {
        "ck_check_ins_ck_check_ins_leg_pain_range",
        "ck_check_ins_ck_check_ins_back_pain_range",
    }
    assert check_names(engine, "check_ins") == doubled
    entry = make_check_in(day=days_ago(3), leg_pain=9, notes="kept through the rename")
    write_check_in(engine, user_id="ann", entry=entry, level=TriageLevel.URGENT)
    written = check_in_rows(engine)

    upgrade(engine, "0008")

    declared = {"ck_check_ins_leg_pain_range", "ck_check_ins_back_pain_range"}
    assert check_names(engine, "check_ins") == declared
    migrate(engine)  # the later revisions leave these names as they are
    assert check_names(engine, "check_ins") == declared
    assert schema_differences(engine) == []
    assert check_in_rows(engine) == written
    # The rule is the same under its new name: pain above 10 is still refused.
    with pytest.raises(sa.exc.IntegrityError, match="leg_pain"), write_transaction(engine) as c:
        c.execute(sa.text("UPDATE check_ins SET leg_pain = 11"))
    assert check_in_rows(engine) == written

    downgrade(engine, "0007")
    assert check_names(engine, "check_ins") == doubled
    assert check_in_rows(engine) == written


def test_0009_reads_every_earlier_answer_as_seen_and_downgrading_drops_still_there(
    engine: Engine, today: date
) -> None:
    upgrade(engine, "0008")
    entry = make_check_in(day=days_ago(20), red_flags=["injury"])
    write_check_in(engine, user_id="ann", entry=entry, level=TriageLevel.URGENT)
    with write_transaction(engine) as connection:
        connection.execute(
            sa.text(
                "INSERT INTO signs_seen (user_id, flag_id, sign_day, seen_on, created_at) "
                "VALUES ('ann', 'injury', :day, :on, CURRENT_TIMESTAMP)"
            ),
            {"day": days_ago(20), "on": days_ago(10)},
        )

    migrate(engine)

    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    store = Store(engine)
    seen = SignSeen(flag_id="injury", sign_day=days_ago(20), seen_on=days_ago(10))
    assert store.signs_seen(user_id="ann") == [seen]  # an earlier record was "I have been seen"
    still = SignSeen(
        flag_id="injury", sign_day=days_ago(20), seen_on=today, answer=SignAnswer.STILL_THERE
    )
    store.record_signs_seen(user_id="ann", seen=[still])

    downgrade(engine, "0008")
    # An older app would read "still there" as "seen" and put the sign to rest: it goes.
    with engine.connect() as connection:
        kept = connection.execute(sa.text("SELECT seen_on FROM signs_seen")).scalars().all()
    assert [str(day) for day in kept] == [str(days_ago(10))]
    migrate(engine)
    assert schema_differences(engine) == []


def test_0012_reads_every_earlier_check_in_as_not_answered_explicitly_and_downgrades(
    engine: Engine,
) -> None:
    upgrade(engine, "0011")
    entry = make_check_in(day=days_ago(3), red_flags=["night_pain"], notes="kept")
    write_check_in(engine, user_id="ann", entry=entry, level=TriageLevel.SOON)
    write_check_in(
        engine, user_id="ann", entry=make_check_in(day=days_ago(2)), level=TriageLevel.NONE
    )

    migrate(engine)

    assert version(engine) == head_revision()
    assert schema_differences(engine) == []
    store = Store(engine)
    earlier = store.all_check_ins(user_id="ann")
    assert [(c.day, c.no_warning_signs, c.red_flags, c.notes) for c in earlier] == [
        (days_ago(3), False, frozenset({"night_pain"}), "kept"),
        (days_ago(2), False, frozenset(), ""),
    ]
    answered = make_check_in(day=days_ago(1), no_warning_signs=True)
    store.save_check_in(user_id="ann", entry=answered, triage_level=TriageLevel.NONE)
    got = store.get_check_in(user_id="ann", day=days_ago(1))
    assert got is not None
    assert got.no_warning_signs

    written = check_in_rows(engine)
    downgrade(engine, "0011")
    # An older app reads the answer as no sign ticked, as it stored it: every day stays.
    assert check_in_rows(engine) == written
    assert [row[1] for row in written] == [str(days_ago(n)) for n in (3, 2, 1)]
    migrate(engine)
    assert schema_differences(engine) == []
    again = Store(engine).get_check_in(user_id="ann", day=days_ago(1))
    assert again is not None
    assert not again.no_warning_signs
