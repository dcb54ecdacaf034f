"""Diaries that no form would write: dates at the calendar's ends, ids the app never had, and
text that is markup.

The app must open every page over them all the same. The dates are written straight into the
database, past every check a form or an import makes, as an old version, a hand-edited file or
a tool working on the database might have left them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from sciatica.diary.models import AboutMe, SignSeen, TriageLevel
from sciatica.exercises.catalog import load_catalog
from sciatica.plans.models import Change, ExerciseOutcome, ItemChange, Step, Weekday
from sciatica.plans.routine import template
from sciatica.storage import schema
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in, make_session_input

USER = "local"
FIRST_DAY, LAST_DAY = date.min, date(9999, 12, 25)  # 1 January of year 1; Christmas 9999
# One of each kind of hostile text: a markdown image that would load a URL (a tracker), raw
# HTML, a Streamlit colour directive, LaTeX, a markdown link, an HTML link, and bold.
TRACKER = "http://127.0.0.1:9/track.png"
PAYLOADS = (
    f"![t]({TRACKER})",
    "<img src=x onerror=alert(1)>",
    ":red[x]",
    "$$x^2$$",
    "[link](http://evil)",
    '<a href="http://evil">x</a>',
    "**bold**",
)
ALL_PAYLOADS = " ".join(PAYLOADS)  # for the notes and sentences, which hold them all at once
# As many as a routine's name holds, the markup that only shows itself in the page's text.
NAME_PAYLOADS = " ".join(PAYLOADS[1:4] + PAYLOADS[6:])


def diary_with_dates_at_the_ends(database_url: str, extreme: date) -> None:
    """A diary whose every kind of date also holds `extreme`, written around the Store's checks.

    Check-ins, routines (the one followed and another), sessions, a routine's history, About me
    and a sign seen about: each first saved as usual, then its dates moved in SQL.
    """
    store = Store.open(database_url)
    catalog = load_catalog()
    for ago in (4, 3, 2, 1):
        store.save_check_in(
            user_id=USER, entry=make_check_in(day=days_ago(ago)), triage_level=TriageLevel.NONE
        )
    store.save_check_in(
        user_id=USER,
        entry=make_check_in(day=days_ago(5), red_flags=["bowel"]),
        triage_level=TriageLevel.EMERGENCY,
    )
    other = store.save_routine(
        user_id=USER, routine=template("Gentle routine", catalog=catalog, start=days_ago(30))
    )
    followed = store.save_routine(
        user_id=USER, routine=template("Starter routine", catalog=catalog, start=days_ago(10))
    )
    exercise = followed.items[0].exercise_id
    outcomes = {exercise: ExerciseOutcome.DONE}
    for ago in (3, 2):
        store.save_session(
            user_id=USER,
            session=make_session_input(
                day=days_ago(ago), routine_id=followed.id, outcomes=outcomes
            ),
        )
    odd = store.save_session(
        user_id=USER, session=make_session_input(day=days_ago(1), routine_id=followed.id)
    )
    change = Change(day=days_ago(1), step=Step.KEEP, sentence="Keep this dose.", accepted=True)
    store.record_decision(
        user_id=USER,
        routine_id=followed.id,
        session_id=odd.id,
        key="odd",
        change=change,
        before=followed.current_items,
    )
    store.save_about_me(
        user_id=USER,
        answers=AboutMe(pregnant=True, due_date=days_ago(-100), answered_on=days_ago(9)),
    )
    store.record_signs_seen(
        user_id=USER, seen=[SignSeen(flag_id="bowel", sign_day=days_ago(5), seen_on=days_ago(4))]
    )
    with store.engine.begin() as connection:
        # The flagged check-in sits beside the other: one per day.
        beside = extreme + timedelta(days=1 if extreme.year < 2000 else -1)
        for ago, day in ((4, extreme), (5, beside)):
            connection.execute(
                sa.update(schema.check_ins)
                .where(schema.check_ins.c.day == days_ago(ago))
                .values(day=day)
            )
        connection.execute(sa.update(schema.routines).values(start_date=extreme))
        connection.execute(
            sa.update(schema.sessions).where(schema.sessions.c.id == odd.id).values(day=extreme)
        )
        connection.execute(sa.update(schema.routine_decisions).values(day=extreme))
        connection.execute(sa.update(schema.about_me).values(due_date=extreme, answered_on=extreme))
        connection.execute(sa.update(schema.signs_seen).values(sign_day=extreme, seen_on=extreme))
    assert other.id != followed.id
    store.close()


def diary_with_text(database_url: str, text: str, *, name: str | None = None) -> None:
    """A diary whose every free-text field holds `text`: the routine's name (one followed, one
    not; `name` instead where given, as a name holds 80 characters at most), check-in notes
    and medication, session notes and a history sentence.

    Every training day is today's, so Today and Session name the routine in today's plan.
    """
    store = Store.open(database_url)
    catalog = load_catalog()
    store.save_about_me(user_id=USER, answers=AboutMe(answered_on=days_ago(30)))
    for ago in (3, 2, 1, 0):
        entry = make_check_in(day=days_ago(ago), notes=text, medication=text)
        store.save_check_in(user_id=USER, entry=entry, triage_level=TriageLevel.NONE)
    every_day = frozenset(Weekday)
    for start in (days_ago(40), days_ago(20)):  # the second saved is the one followed
        routine = template("Starter routine", catalog=catalog, start=start)
        routine = routine.model_copy(update={"name": name or text, "days": every_day})
        followed = store.save_routine(user_id=USER, routine=routine)
    for ago in (3, 2, 1):
        session = make_session_input(
            day=days_ago(ago),
            routine_id=followed.id,
            notes=text,
            outcomes={item.exercise_id: ExerciseOutcome.DONE for item in followed.items},
        )
        store.save_session(user_id=USER, session=session)
    # An edit of the first exercise's rest, so that it is in the routine's history of changes.
    first, *others = followed.current_items
    rested = first.model_copy(update={"rest_seconds": first.rest_seconds + 15})
    edit = ItemChange(before=first, after=rested)
    change = Change(
        day=days_ago(1), step=Step.EDIT, sentence=text, accepted=True, changed=True, changes=(edit,)
    )
    store.record_decision(
        user_id=USER,
        routine_id=followed.id,
        session_id=None,
        key="payload",
        change=change,
        before=followed.current_items,
        after=(rested, *others),
    )
    store.close()


def diary_with_unknown_ids(database_url: str) -> None:
    """A diary whose stored ids are none the app knows: a warning sign ticked on every check-in,
    every exercise of every routine, and each session's outcome (keyed by an HTML link)."""
    diary_with_text(database_url, "Plain words")
    store = Store.open(database_url)
    routines = schema.routines
    with store.engine.begin() as connection:
        connection.execute(
            sa.update(schema.check_ins).values(red_flags=["made_up"], triage_level="urgent")
        )
        rows = connection.execute(
            sa.select(routines.c.id, routines.c["items"], routines.c.current_items)
        )
        for routine_id, items, current in list(rows):
            connection.execute(
                sa.update(routines)
                .where(routines.c.id == routine_id)
                .values(items=_gone(items), current_items=_gone(current))
            )
        outcomes = {UNKNOWN_LINK: "done", "gone-clamshell": "hurt"}
        connection.execute(sa.update(schema.sessions).values(outcomes=outcomes))
    store.close()


UNKNOWN_LINK = '<a href="http://evil">gone</a>'


def _gone(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item | {"exercise_id": f"gone-{item['exercise_id']}"} for item in items]
