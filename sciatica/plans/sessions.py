"""Sessions in context: their colour from the diary, the next step, and deciding on it.

`next_step` reads the latest sessions, the check-ins around them, the routine's current doses
and its last change, and asks `progression` what comes next; nothing is stored until the
person decides (`decide`), which checks first that the suggestion still stands. A flare-up well
above its day's check-in since the last session (or yesterday) is mentioned beside the advice
(`NextStep.flare_note`); flare-ups never enter the rules, so the suggestion stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sciatica import clock
from sciatica.diary.flare_mention import flare_mention
from sciatica.diary.ports import DailyRow
from sciatica.diary.today import current_alert
from sciatica.exercises.filters import high_pain_why
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _
from sciatica.plans.classify import ClassifiedSession, Colour, classify_in_diary
from sciatica.plans.easing import about_me_allows, gently
from sciatica.plans.models import Change, Decision, ExerciseOutcome, Routine, Session, Step
from sciatica.plans.ports import PlanDiary
from sciatica.plans.progression import suggest_next_step
from sciatica.plans.suggestion import Suggestion
from sciatica.plans.swaps import about_me_swaps
from sciatica.progress.summary import SessionPoint

HISTORY_SESSIONS = 10
WEEK = timedelta(days=7)


class SuggestionChanged(ValueError):
    """The suggestion decided on is no longer the one that stands (the diary moved on)."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """The suggestion after the latest session, and the decision on it if there is one."""

    suggestion: Suggestion
    latest: ClassifiedSession | None  # the latest session and its colour
    routine: Routine | None
    decision: Decision | None = None
    flare_note: str = ""  # a flare-up well above its day's check-in, mentioned beside the advice

    @property
    def session(self) -> Session | None:
        """The latest session."""
        return self.latest.session if self.latest is not None else None

    @property
    def undecided(self) -> bool:
        """Whether it asks the person to decide and they have not yet."""
        return self.decision is None and self.suggestion.needs_decision and self.routine is not None


def classified_sessions(
    store: PlanDiary, *, user_id: str, today: date, limit: int = HISTORY_SESSIONS
) -> list[ClassifiedSession]:
    """The latest sessions and every one of the last week (oldest first), each classified."""
    recent = {s.id: s for s in store.recent_sessions(user_id=user_id, limit=limit)}
    for session in store.sessions_between(user_id=user_id, start=today - WEEK, end=today):
        recent.setdefault(session.id, session)
    ordered = sorted(recent.values(), key=lambda session: (session.day, session.id))
    if not ordered:
        return []
    rows = store.daily_rows(
        user_id=user_id,
        start=clock.shift(ordered[0].day, -7),
        end=clock.shift(ordered[-1].day, 1),
    )
    leg_pain = {row.day: row.leg_pain for row in rows}
    return [classify_in_diary(session, leg_pain=leg_pain, today=today) for session in ordered]


def next_step(store: PlanDiary, *, user_id: str, catalog: Catalog, today: date) -> NextStep | None:
    """What to do next time, from the latest sessions, the routine and any warning sign.

    About me leads: an exercise in the routine it now rules out is offered its safer version
    first (until that is decided); no step leads into a version About me, or today's high leg
    pain, rules out.
    """
    history = classified_sessions(store, user_id=user_id, today=today)
    routine = store.active_routine(user_id=user_id)
    last_change = store.last_change(user_id=user_id, routine_id=routine.id) if routine else None
    about = store.get_about_me(user_id=user_id)
    alert = (
        standing.triage
        if (standing := current_alert(store, user_id=user_id, today=today))
        else None
    )
    latest = history[-1] if history else None
    if alert is None and routine is not None:
        swap = about_me_swaps(routine, catalog=catalog, about_me=about, today=today)
        if swap is not None and not store.find_decision(
            user_id=user_id, routine_id=routine.id, key=swap.key
        ):
            return NextStep(swap, latest, routine)
    allowed = about_me_allows(about, today=today)
    checked = store.check_ins_between(user_id=user_id, start=today, end=today)
    if checked and high_pain_why(leg_pain=checked[-1].leg_pain, extent=checked[-1].extent):
        allowed = gently(allowed)
    suggestion = suggest_next_step(
        history=history,
        routine=routine,
        catalog=catalog,
        alert=alert,
        last_change=last_change,
        today=today,
        after_surgery=bool(about and about.back_surgery),
        allowed=allowed,
    )
    if suggestion is None:
        return None
    decision = (
        store.find_decision(user_id=user_id, routine_id=routine.id, key=suggestion.key)
        if routine is not None
        else None
    )
    note = flare_note(
        store,
        user_id=user_id,
        since=latest.session.day if latest else None,
        step=suggestion.step,
        today=today,
    )
    return NextStep(suggestion, latest, routine, decision, note)


# Said after the flare-up's sentence, by the step suggested; the step itself never changes.
_AFTER_FLARE = {
    Step.KEEP: N_("Keep the dose."),
    Step.PROGRESS: N_(
        "The suggestion rests on your daily check-ins and sessions; you decide whether to take "
        "the step now."
    ),
}


def flare_note(
    store: PlanDiary, *, user_id: str, since: date | None, step: Step, today: date
) -> str:
    """A flare-up 3 or more points above its day's check-in, yesterday or since the last session.

    Only mentioned: the suggestion rests on check-ins and sessions alone (CLINICAL.md 4).
    """
    start = today - timedelta(days=1) if since is None else max(since, today - timedelta(days=1))
    flares = store.flares_between(user_id=user_id, start=start, end=today)
    if not flares:
        return ""
    rows = store.daily_rows(user_id=user_id, start=start, end=today)
    mention = flare_mention(
        flares, check_in_leg_pain={row.day: row.leg_pain for row in rows}, today=today
    )
    if mention is None:
        return ""
    after = _AFTER_FLARE.get(step)
    return f"{mention.sentence} {_(after)}" if after else mention.sentence


def decide(
    store: PlanDiary, *, user_id: str, catalog: Catalog, today: date, key: str, accept: bool
) -> NextStep:
    """Accept (making its change) or dismiss the suggestion that stands, if it is `key`.

    Raises SuggestionChanged when it no longer stands, e.g. a check-in arrived since it was
    shown; the store refuses a routine that is not the person's own (LookupError).
    """
    step = next_step(store, user_id=user_id, catalog=catalog, today=today)
    if step is None or step.routine is None or step.suggestion.key != key:
        raise SuggestionChanged(_("This suggestion has changed since you saw it: see the new one."))
    suggestion, routine = step.suggestion, step.routine
    changed = accept and bool(suggestion.changes)
    store.record_decision(
        user_id=user_id,
        routine_id=routine.id,
        session_id=step.session.id if step.session else None,
        key=key,
        change=Change(
            day=today,
            step=suggestion.step,
            sentence=suggestion.sentence,
            accepted=accept,
            changed=changed,
            changes=suggestion.changes if changed else (),
        ),
        before=routine.current_items,
        after=suggestion.apply(routine.current_items) if changed else None,
    )
    return step


def colour_words(colour: Colour, *, provisional: bool = False) -> str:
    """How a colour reads to a person; a provisional one says 'so far'."""
    if provisional:
        return {
            Colour.GREEN: _("Green: went well so far"),
            Colour.AMBER: _("Amber: sore but manageable so far"),
            Colour.RED: _("Red: made symptoms worse so far"),
        }[colour]
    return {
        Colour.GREEN: _("Green: went well"),
        Colour.AMBER: _("Amber: sore but manageable"),
        Colour.RED: _("Red: made symptoms worse"),
    }[colour]


def session_points(
    store: PlanDiary, *, user_id: str, start: date, end: date, rows: list[DailyRow]
) -> list[SessionPoint]:
    """Sessions in a period for the progress charts, with next morning's leg pain from `rows`."""
    leg_pain = {row.day: row.leg_pain for row in rows}
    return [
        SessionPoint(
            day=session.day,
            pain_before=session.pain_before,
            worst_during=session.worst_during,
            pain_after=session.pain_after,
            next_morning_leg_pain=leg_pain.get(clock.shift(session.day, 1)),
            exercise_ids=tuple(
                exercise_id
                for exercise_id, outcome in session.outcomes.items()
                if outcome is not ExerciseOutcome.SKIPPED
            ),
        )
        for session in store.sessions_between(user_id=user_id, start=start, end=end)
    ]
