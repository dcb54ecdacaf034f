"""Importing routines: today's files (version 2) and version 3, with current doses and history.

A version 2 file holds a routine with its weekly build-up length (`weeks`) and no doses of its
own: it imports at its items' doses, and from then on only the sessions move it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sciatica.documents.export import ImportRejected, apply_import, export_data, parse_import
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import RoutineItem, Step
from sciatica.plans.routine import template
from sciatica.plans.sessions import decide, next_step
from sciatica.storage.store import Store
from tests import factories
from tests.factories import days_ago, today, version_two_export

CATALOG = load_catalog()


def import_file(store: Store, raw: str) -> None:
    apply_import(store, user_id="local", plan=parse_import(raw, today=today()))


def no_higher(current: tuple[RoutineItem, ...], start: tuple[RoutineItem, ...]) -> bool:
    """Every exercise at or below where it started: no dose above, or an easier version of it."""
    started = {item.exercise_id: item for item in start}
    fields = ("sets", "reps", "hold_seconds", "minutes")

    def easier_version(exercise_id: str) -> bool:
        exercise = CATALOG.by_id[exercise_id]
        return any(
            CATALOG.by_id[begun].family_id == exercise.family_id
            and exercise.ladder < CATALOG.by_id[begun].ladder
            for begun in started
        )

    return all(
        easier_version(item.exercise_id)
        if item.exercise_id not in started
        else all(
            (getattr(item, f) or 0) <= (getattr(started[item.exercise_id], f) or 0) for f in fields
        )
        for item in current
    )


def test_a_version_2_routine_with_only_red_sessions_imports_at_its_own_doses_and_never_progresses(
    store: Store,
) -> None:
    import_file(store, version_two_export(red=True))
    routine = store.active_routine(user_id="local")
    assert routine is not None
    assert routine.current_items == routine.items
    step = next_step(store, user_id="local", catalog=CATALOG, today=today())
    assert step is not None
    assert step.suggestion.step is Step.PAUSE  # the last two sessions were red
    assert "see a physiotherapist" in step.suggestion.sentence
    assert no_higher(step.suggestion.apply(routine.current_items), routine.items)


def test_a_version_2_routine_with_good_sessions_offers_one_step_and_rises_once_accepted(
    store: Store,
) -> None:
    import_file(store, version_two_export(red=False))
    routine = store.active_routine(user_id="local")
    assert routine is not None
    step = next_step(store, user_id="local", catalog=CATALOG, today=today())
    assert step is not None
    assert step.suggestion.step is Step.PROGRESS
    assert len(step.suggestion.changes) == 1
    decide(
        store, user_id="local", catalog=CATALOG, today=today(), key=step.suggestion.key, accept=True
    )
    raised = store.active_routine(user_id="local")
    assert raised is not None
    assert not no_higher(raised.current_items, routine.items)
    changed = [a for a, b in zip(raised.current_items, routine.items, strict=True) if a != b]
    assert len(changed) == 1


def test_version_3_carries_current_doses_and_history_and_version_2_weeks_are_left_behind(
    store: Store, tmp_path: Any
) -> None:
    import_file(store, version_two_export(red=False))
    step = next_step(store, user_id="local", catalog=CATALOG, today=today())
    assert step is not None
    decide(
        store, user_id="local", catalog=CATALOG, today=today(), key=step.suggestion.key, accept=True
    )
    exported = export_data(store, user_id="local")
    (routine,) = exported["routines"]
    assert "weeks" not in routine
    assert routine["current_items"] != routine["items"]
    (change,) = routine["history"]
    assert change["day"] == str(today())
    assert change["step"] == "progress"

    fresh = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    apply_import(fresh, user_id="local", plan=parse_import(json.dumps(exported), today=today()))
    again = fresh.active_routine(user_id="local")
    original = store.active_routine(user_id="local")
    assert again is not None
    assert original is not None
    assert again.current_items == original.current_items
    (imported,) = fresh.routine_history(user_id="local", routine_id=again.id)
    assert (imported.day, imported.sentence) == (today(), step.suggestion.sentence)
    # The imported change answers the sessions before it: no second step up this week.
    later = next_step(fresh, user_id="local", catalog=CATALOG, today=today())
    assert later is not None
    assert later.suggestion.step is Step.KEEP
    fresh.close()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"current_items": [{"exercise_id": "clamshell", "reps": 40}]},
            "repetitions 40 is outside",
        ),
        ({"current_items": []}, "Current items:"),
        ({"weeks": 4}, "Weeks: extra inputs are not permitted"),
        ({"history": [{"day": "soon"}]}, "History:"),
    ],
)
def test_a_bad_version_3_routine_is_rejected_with_the_record_and_reason(
    change: dict[str, Any], problem: str
) -> None:
    start = days_ago(21)
    routine = template("Starter routine", catalog=CATALOG, start=start).model_dump(mode="json")
    record = {
        "key": 1,
        "active": True,
        **routine,
        "days": [0],
        "current_items": routine["items"],
        "history": [],
    }
    raw = json.dumps(
        {
            "format": "sciatica-export",
            "version": 3,
            "exported_at": factories.exported_at(),
            "check_ins": [],
            "routines": [record | change],
            "sessions": [],
        }
    )
    with pytest.raises(ImportRejected) as rejected:
        parse_import(raw, today=today())
    assert any(problem in message for message in rejected.value.problems), rejected.value.problems
