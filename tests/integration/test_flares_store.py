"""Flare-ups in the database, on SQLite and PostgreSQL: each person's own, several a day."""

from __future__ import annotations

from datetime import time

import pytest
import sqlalchemy as sa

from sciatica import clock
from sciatica.diary.flares import add_flare, change_flare, delete_flare, recent_flares
from sciatica.diary.models import FlareInput, TriageLevel
from sciatica.diary.ports import FlareDay
from sciatica.storage.schema import flare_entries
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, make_flare

USER, OTHER = "local", "someone-else"


def test_several_flare_ups_a_day_are_kept_beside_the_one_check_in(store: Store) -> None:
    check_in = make_check_in(day=days_ago(1), leg_pain=4)
    store.save_check_in(user_id=USER, entry=check_in, triage_level=TriageLevel.NONE)
    entries = [
        make_flare(days_back=1, wall=time(9, 30), leg_pain=6, triggers=("sitting",)),
        make_flare(days_back=1, wall=time(14, 5), leg_pain=8, triggers=("driving",)),
        make_flare(
            days_back=1, wall=time(21), leg_pain=3, triggers=(), helped=("lying_down", "heat")
        ),
    ]
    saved = [add_flare(store, user_id=USER, entry=entry) for entry in reversed(entries)]
    assert len({flare.id for flare in saved}) == 3
    found = store.flares_between(user_id=USER, start=days_ago(1), end=days_ago(1))
    # Oldest first, each as entered, its moment in UTC.
    assert [flare.model_dump(include=set(FlareInput.model_fields)) for flare in found] == [
        entry.model_dump() for entry in entries
    ]
    assert all(flare.at.utcoffset() is not None for flare in found)
    assert store.all_check_ins(user_id=USER)[0].leg_pain == 4
    rows = store.flare_rows(user_id=USER, start=days_ago(1), end=days_ago(0))
    assert [(row.leg_pain, row.triggers, row.helped) for row in rows] == [
        (6, ("sitting",), ()),
        (8, ("driving",), ()),
        (3, (), ("lying_down", "heat")),
    ]
    assert store.flare_days(user_id=USER, start=days_ago(3), end=days_ago(0)) == [
        FlareDay(days_ago(1), 3, 8, 3)
    ]


def test_a_flare_up_can_be_changed_and_deleted_by_its_owner_only(store: Store) -> None:
    mine = add_flare(store, user_id=USER, entry=make_flare(days_back=1))
    theirs = add_flare(store, user_id=OTHER, entry=make_flare(days_back=1, leg_pain=9))
    changed = change_flare(
        store, user_id=USER, flare_id=mine.id, entry=make_flare(days_back=1, leg_pain=5)
    )
    assert changed.leg_pain == 5
    assert changed.created_at == mine.created_at
    assert changed.updated_at >= mine.updated_at
    for action in (
        lambda: change_flare(store, user_id=USER, flare_id=theirs.id, entry=make_flare()),
        lambda: delete_flare(store, user_id=USER, flare_id=theirs.id),
        lambda: delete_flare(store, user_id=USER, flare_id=theirs.id + 1000),
    ):
        with pytest.raises(LookupError):
            action()
    assert [f.leg_pain for f in recent_flares(store, user_id=OTHER, today=days_ago(0))] == [9]
    delete_flare(store, user_id=USER, flare_id=mine.id)
    assert recent_flares(store, user_id=USER, today=days_ago(0)) == []
    assert store.count_flares(user_id=OTHER) == 1


def test_recent_flare_ups_are_today_and_yesterday_only(store: Store) -> None:
    for back in (0, 1, 2):
        add_flare(store, user_id=USER, entry=make_flare(days_back=back, leg_pain=back + 4))
    recent = recent_flares(store, user_id=USER, today=days_ago(0))
    assert [flare.leg_pain for flare in recent] == [5, 4]


def test_flare_ups_alone_make_a_diary_not_empty_and_deleting_it_deletes_them(
    store: Store,
) -> None:
    add_flare(store, user_id=USER, entry=make_flare())
    add_flare(store, user_id=OTHER, entry=make_flare())
    assert not store.diary_is_empty(user_id=USER)
    store.delete_user_data(user_id=USER)
    assert store.diary_is_empty(user_id=USER)
    assert store.count_flares(user_id=USER) == 0
    assert store.count_flares(user_id=OTHER) == 1


def test_the_database_refuses_out_of_range_pain_whatever_writes_it(store: Store) -> None:
    add_flare(store, user_id=USER, entry=make_flare())
    row = {
        "user_id": USER,
        "day": days_ago(0),
        "at": clock.now(),
        "leg_pain": 3,
        "triggers": [],
        "helped": [],
        "note": "",
        "created_at": clock.now(),
        "updated_at": clock.now(),
    }
    for bad in ({"leg_pain": 11}, {"back_pain": -1}):
        with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
            connection.execute(sa.insert(flare_entries).values(row | bad))
    assert store.count_flares(user_id=USER) == 1
