"""Sharing with a clinician on SQLite and PostgreSQL: consent, revocation, expiry, the log.

Alice shares with Carol, a clinician; Dave is a stranger. Every read of Alice's diary by
another login goes through `open_patient_diary`, which checks the share at that moment and logs
the view; the export holds the shares and the log, and deleting the diary ends both.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine

from sciatica import clock
from sciatica.diary.models import TriageLevel
from sciatica.documents.export import export_data, parse_import
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.routine import template
from sciatica.sharing.access import (
    AccessDenied,
    Login,
    PatientDiary,
    SharingRefused,
    active_shares,
    open_patient_diary,
    patients,
    share_with,
    stop_sharing,
)
from sciatica.sharing.models import Share, ViewKind
from sciatica.sharing.overview import patient_overview
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, today

ALICE = Login(user_id="oidc:issuer|alice", email="alice@example.org", subject="alice-sub")
CAROL = Login(user_id="oidc:issuer|carol", email="carol@example.org", subject="carol-sub")
DAVE = Login(user_id="oidc:issuer|dave", email="dave@example.org", subject="dave-sub")


def alice_shares_with(
    store: Store, clinician: str = "Carol@Example.org", *, days: int = 90
) -> Share:
    """Alice's check-in of today, and her diary shared with Carol through `days` from today."""
    store.save_check_in(
        user_id=ALICE.user_id, entry=make_check_in(leg_pain=6), triage_level=TriageLevel.NONE
    )
    return share_with(
        store,
        owner=ALICE,
        grantee=clinician,
        last_day=days_ago(-days),
        today=today(),
        timezone=None,
        now=clock.now(),
    )


def open_for(store: Store, viewer: Login, what: ViewKind = ViewKind.PROGRESS) -> PatientDiary:
    return open_patient_diary(
        store, viewer=viewer, owner_id=ALICE.user_id, what=what, now=clock.now()
    )


def test_a_share_lets_the_clinician_read_the_check_in_and_logs_the_view(store: Store) -> None:
    alice_shares_with(store)
    assert [share.owner_label for share in patients(store, viewer=CAROL, now=clock.now())] == [
        "alice@example.org"
    ]
    diary = open_for(store, CAROL)
    assert diary.owner_label == "alice@example.org"
    assert [entry.leg_pain for entry in store.all_check_ins(user_id=diary.owner_id)] == [6]
    [view] = store.views_of(owner_id=ALICE.user_id)
    assert (view.viewer, view.what) == ("carol@example.org", ViewKind.PROGRESS)


def test_a_share_by_subject_matches_exactly(store: Store) -> None:
    alice_shares_with(store, "carol-sub")
    assert patients(store, viewer=CAROL, now=clock.now())
    assert not patients(store, viewer=Login(user_id="x", subject="CAROL-SUB"), now=clock.now())


def test_a_stranger_is_refused_and_nothing_is_logged(store: Store) -> None:
    alice_shares_with(store)
    assert patients(store, viewer=DAVE, now=clock.now()) == []
    with pytest.raises(AccessDenied):
        open_for(store, DAVE)
    # An unverified address (the login has none) and a made-up diary id grant nothing either.
    with pytest.raises(AccessDenied):
        open_for(store, Login(user_id="y", email=None, subject="someone"))
    with pytest.raises(AccessDenied):
        open_patient_diary(
            store, viewer=CAROL, owner_id=DAVE.user_id, what=ViewKind.PROGRESS, now=clock.now()
        )
    assert store.views_of(owner_id=ALICE.user_id) == []


def test_a_stopped_share_grants_nothing_at_once(store: Store) -> None:
    share = alice_shares_with(store)
    open_for(store, CAROL)
    assert stop_sharing(store, owner=ALICE, share_id=share.id, now=clock.now())
    assert patients(store, viewer=CAROL, now=clock.now()) == []
    with pytest.raises(AccessDenied):
        open_for(store, CAROL)
    assert active_shares(store, owner=ALICE, now=clock.now()) == []
    # Only the owner can stop it, and only once.
    assert not stop_sharing(store, owner=DAVE, share_id=share.id, now=clock.now())
    assert not stop_sharing(store, owner=ALICE, share_id=share.id, now=clock.now())
    assert len(store.views_of(owner_id=ALICE.user_id)) == 1


def test_a_share_ends_by_itself_after_its_last_day(store: Store) -> None:
    alice_shares_with(store, days=1)
    open_for(store, CAROL)
    # Two days on, by the injectable clock: the share has run out.
    with time_machine.travel(clock.now() + timedelta(days=2, hours=1), tick=False):
        assert patients(store, viewer=CAROL, now=clock.now()) == []
        with pytest.raises(AccessDenied):
            open_for(store, CAROL)


def test_the_default_share_lasts_ninety_days(store: Store) -> None:
    share = alice_shares_with(store)
    # It runs through the day 90 days from today, where the person is, and ends at midnight.
    last_moment = share.expires_at - timedelta(microseconds=1)
    assert clock.day_at(last_moment, None) == days_ago(-90)
    assert clock.day_at(share.expires_at, None) == days_ago(-91)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "Type the clinician's login"),
        ("   ", "Type the clinician's login"),
        ("ALICE@example.org", "That is your own login"),
        ("alice-sub", "That is your own login"),
        ("carol\n@example.org", "That is not a login"),
        ("c" * 400, "That is not a login"),
    ],
)
def test_sharing_with_oneself_or_no_one_is_refused_and_stores_nothing(
    store: Store, typed: str, problem: str
) -> None:
    with pytest.raises(SharingRefused, match=problem):
        share_with(
            store,
            owner=ALICE,
            grantee=typed,
            last_day=days_ago(-90),
            today=today(),
            timezone=None,
            now=clock.now(),
        )
    assert store.shares_of(owner_id=ALICE.user_id) == []


def test_a_second_share_with_the_same_clinician_is_refused(store: Store) -> None:
    alice_shares_with(store)
    with pytest.raises(SharingRefused, match="already share"):
        alice_shares_with(store, "carol@example.org")
    assert len(store.shares_of(owner_id=ALICE.user_id)) == 1


def test_the_patients_card_reads_through_the_opened_diary(store: Store) -> None:
    alice_shares_with(store)
    store.save_check_in(
        user_id=ALICE.user_id,
        entry=make_check_in(day=days_ago(8), leg_pain=8),
        triage_level=TriageLevel.NONE,
    )
    diary = open_for(store, CAROL, ViewKind.PATIENTS)
    card = patient_overview(store, diary, catalog=load_catalog(), today=today())
    assert card.name == "alice@example.org"
    assert card.warning is None
    assert card.leg_pain == (
        "Leg pain: 6.0/10 on average over the last 7 days, against 8.0/10 the 7 before."
    )
    assert card.last_check_in == "Last check-in: today."
    assert card.sessions == "Sessions: 0 in the last two weeks; no routine is followed."


def test_a_standing_warning_sign_is_on_the_card(store: Store) -> None:
    alice_shares_with(store)
    store.save_check_in(
        user_id=ALICE.user_id,
        entry=make_check_in(red_flags=["saddle"]),
        triage_level=TriageLevel.EMERGENCY,
    )
    card = patient_overview(
        store, open_for(store, CAROL, ViewKind.PATIENTS), catalog=load_catalog(), today=today()
    )
    assert card.warning is not None


def test_the_export_holds_the_shares_and_the_whole_log_and_imports_again(store: Store) -> None:
    alice_shares_with(store)
    for what in (ViewKind.PATIENTS, ViewKind.PROGRESS, ViewKind.REPORT):
        open_for(store, CAROL, what)
    data = export_data(store, user_id=ALICE.user_id)
    assert data["version"] == 5
    assert [share["clinician"] for share in data["shares"]] == ["Carol@Example.org"]
    assert data["shares"][0]["ended_at"] is None
    assert [(view["viewer"], view["what"]) for view in data["access_log"]] == [
        ("carol@example.org", "report"),
        ("carol@example.org", "progress"),
        ("carol@example.org", "patients"),
    ]
    # Carol's own export says nothing of Alice's diary.
    theirs = export_data(store, user_id=CAROL.user_id)
    assert (theirs["shares"], theirs["access_log"], theirs["check_ins"]) == ([], [], [])
    # The file imports again; a share in it is a record, not a new grant.
    plan = parse_import(json.dumps(data), today=today())
    assert [entry.leg_pain for entry in plan.check_ins] == [6]


def test_deleting_the_diary_ends_every_share_and_deletes_the_log(store: Store) -> None:
    alice_shares_with(store)
    open_for(store, CAROL)
    store.delete_user_data(user_id=ALICE.user_id)
    assert patients(store, viewer=CAROL, now=clock.now()) == []
    with pytest.raises(AccessDenied):
        open_for(store, CAROL)
    assert store.shares_of(owner_id=ALICE.user_id) == []
    assert store.views_of(owner_id=ALICE.user_id) == []


def test_the_patients_card_names_the_routine_its_doses_and_the_sessions_planned(
    store: Store,
) -> None:
    alice_shares_with(store)
    routine = template("Starter routine", catalog=load_catalog(), start=days_ago(30))
    saved = store.save_routine(user_id=ALICE.user_id, routine=routine)
    store.set_active_routine(user_id=ALICE.user_id, routine_id=saved.id)
    card = patient_overview(
        store, open_for(store, CAROL, ViewKind.PATIENTS), catalog=load_catalog(), today=today()
    )
    assert card.routine == "Starter routine"
    assert len(card.doses) == len(routine.items)
    assert all(": " in dose for dose in card.doses)  # "Clamshell: 10 reps per side..."
    assert card.sessions.startswith("Sessions: 0 in the last two weeks, of ")
