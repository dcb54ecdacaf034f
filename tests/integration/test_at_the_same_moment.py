"""Several sessions writing one person's diary at the same moment: two tabs, two replicas.

Each test releases its threads together (threading.Barrier) against one Store, as the sessions
of one server share it; on PostgreSQL each thread has its own connection and transaction.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from sciatica.demo import write_demo_data
from sciatica.diary.models import AboutMe, SignSeen, TriageLevel
from sciatica.documents.export import ImportPlan, apply_import, export_data, parse_import
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Routine
from sciatica.plans.routine import template
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless

SESSIONS = 4
ROUNDS = 20
CATALOG = load_catalog()


def at_once(*work: Callable[[], object]) -> list[BaseException]:
    """Run each callable in its own thread, all released together; the errors they raised."""
    start = threading.Barrier(len(work), timeout=30)
    errors: list[BaseException] = []

    def run(job: Callable[[], object]) -> None:
        start.wait()
        try:
            job()
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer never finished"
    return errors


def routines_for(store: Store, user: str, count: int) -> list[Routine]:
    """`count` saved routines of the user's, each a different plan; the last one is active."""
    return [
        store.save_routine(
            user_id=user,
            routine=template("Starter routine", catalog=CATALOG, start=days_ago(7 * number)),
        )
        for number in range(count)
    ]


def active_ids(store: Store, user: str) -> list[int]:
    return [routine.id for routine in store.list_routines(user_id=user) if routine.active]


def test_switching_the_active_routine_in_four_sessions_at_once_leaves_exactly_one_active(
    store: Store,
) -> None:
    choices = [routine.id for routine in routines_for(store, "ann", SESSIONS)]
    for round_number in range(ROUNDS):
        # Each session picks another routine; the order rotates so each wins some rounds.
        picks = choices[round_number % SESSIONS :] + choices[: round_number % SESSIONS]
        errors = at_once(
            *(
                lambda chosen=chosen: store.set_active_routine(user_id="ann", routine_id=chosen)
                for chosen in picks
            )
        )
        assert errors == [], f"round {round_number}"
        (active,) = active_ids(store, "ann")
        assert active in choices
    assert len(store.list_routines(user_id="ann")) == SESSIONS


def test_saving_new_routines_and_switching_at_once_leaves_exactly_one_active(
    store: Store,
) -> None:
    existing = [routine.id for routine in routines_for(store, "ann", 2)]
    saved: list[Routine] = []
    for round_number in range(ROUNDS):
        new = [
            template("Gentle routine", catalog=CATALOG, start=days_ago(round_number * 2 + n))
            for n in range(2)
        ]
        errors = at_once(
            lambda: store.set_active_routine(user_id="ann", routine_id=existing[0]),
            lambda: store.set_active_routine(user_id="ann", routine_id=existing[1]),
            *(
                lambda plan=plan: saved.append(store.save_routine(user_id="ann", routine=plan))
                for plan in new
            ),
        )
        assert errors == [], f"round {round_number}"
        (active,) = active_ids(store, "ann")
        assert active in existing + [routine.id for routine in saved]
    assert len(store.list_routines(user_id="ann")) == 2 + 2 * ROUNDS


def test_one_persons_switches_never_touch_anothers_active_routine(store: Store) -> None:
    (bobs,) = routines_for(store, "bob", 1)
    choices = [routine.id for routine in routines_for(store, "ann", 2)]
    for _ in range(5):
        errors = at_once(
            *(
                lambda chosen=chosen: store.set_active_routine(user_id="ann", routine_id=chosen)
                for chosen in choices
            ),
            lambda: store.save_routine(
                user_id="bob", routine=bobs, routine_id=bobs.id, activate=True
            ),
        )
        assert errors == []
        assert len(active_ids(store, "ann")) == 1
        assert active_ids(store, "bob") == [bobs.id]


def diary_file(store: Store, today: date) -> str:
    """An export with check-ins, routines with history, sessions, About me and signs seen about.

    No country: setting it updates the person's row first thing, which would make imports
    wait for each other even without the lock that these tests are about.
    """
    write_demo_data(store, user_id="source", days=40, seed=3, end=today)
    store.save_about_me(user_id="source", answers=AboutMe(osteoporosis=True, answered_on=today))
    store.record_signs_seen(
        user_id="source",
        seen=[SignSeen(flag_id="bowel", sign_day=days_ago(3), seen_on=days_ago(2))],
    )
    store.save_routine(
        user_id="source",
        routine=template("Gentle routine", catalog=CATALOG, start=days_ago(60)),
        activate=False,
    )
    return json.dumps(export_data(store, user_id="source"))


def comparable(store: Store, user: str) -> dict[str, Any]:
    """The user's export without what differs between two databases: the time and the ids."""
    data = export_data(store, user_id=user)
    del data["exported_at"]
    keys = {routine["key"]: number for number, routine in enumerate(data["routines"])}
    for routine in data["routines"]:
        routine["key"] = keys[routine["key"]]
    for session in data["sessions"]:
        session["routine_key"] = keys.get(session["routine_key"])
    return data


def a_diary_already_kept(store: Store, user: str) -> None:
    """What the person had before importing: a check-in on a day the file has, and a routine."""
    store.save_check_in(
        user_id=user,
        entry=make_check_in(day=days_ago(1), leg_pain=9, notes="Kept in the diary"),
        triage_level=TriageLevel.NONE,
    )
    store.save_routine(
        user_id=user, routine=template("Starter routine", catalog=CATALOG, start=days_ago(100))
    )


@pytest.mark.parametrize("with_check_ins", [True, False], ids=["whole-diary", "no-check-ins"])
@pytest.mark.parametrize("replace_existing", [True, False], ids=["replace", "keep"])
def test_four_imports_of_the_same_file_at_once_leave_what_one_import_leaves(
    store: Store, today: date, replace_existing: bool, with_check_ins: bool
) -> None:
    # Without check-ins nothing else makes the imports wait for each other: two saves of the
    # same day collide on its unique key, and the later one waits for the earlier to commit.
    plan: ImportPlan = parse_import(diary_file(store, today), today=today)
    if not with_check_ins:
        plan = dataclasses.replace(plan, check_ins=[])
    for user in ("once", "four-at-once"):
        a_diary_already_kept(store, user)

    apply_import(store, user_id="once", plan=plan, replace_existing=replace_existing)
    errors = at_once(
        *(
            lambda: apply_import(
                store, user_id="four-at-once", plan=plan, replace_existing=replace_existing
            )
            for _ in range(SESSIONS)
        )
    )

    assert errors == []
    once = comparable(store, "once")
    assert once["sessions"]
    assert once["signs_seen"]
    # The diary held something, so it keeps its own About me (none) and settings: a file
    # never changes who the person is without "Replace" (tests/app/test_import_keeps_who_you_are).
    assert once["about_me"] is None
    assert len(once["routines"]) == 3  # the person's own and the file's two
    assert len(once["check_ins"]) > 1 if with_check_ins else len(once["check_ins"]) == 1
    kept = next(c for c in once["check_ins"] if c["day"] == days_ago(1).isoformat())
    assert (kept["notes"] == "Kept in the diary") is not (replace_existing and with_check_ins)
    assert comparable(store, "four-at-once") == once
    assert len(active_ids(store, "four-at-once")) == 1
