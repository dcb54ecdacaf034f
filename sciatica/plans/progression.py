"""When does the dose go up? The next step after the latest session (CLINICAL.md 4 and 9).

The routine's current doses are its state; this module only proposes a change, and the person
decides. The rules, in the order they are checked:

1. A warning sign in the latest check-in pauses every exercise suggestion.
2. Red (see `classify`) always leads to a step back (`step_backs`): the exercise marked "This
   hurt", or with none marked, the session as a whole through one exercise. Two reds in a row
   pause building up and recommend seeing a physiotherapist.
3. An exercise marked "This hurt" in a session that was not red steps back first (`step_backs`);
   it never steps up while it was marked in any session since the routine's last change.
4. Amber keeps the dose.
5. Progress, one variable of one exercise (`doses.step_up`), only when all of these hold:
   the last two settled sessions since the last change were green and confirmed by next
   morning's check-in (a provisional session waits, one not confirmed breaks the run); no
   session in the last 7 days was red; the routine has not changed in the last 7 days.
   Otherwise keep the dose, saying which of these is missing. A step up never leads into a
   version the person's About-me answers or today's leg pain rule out (`allowed`).

Every suggestion says why in one sentence. Its `key` names what it rests on, so a decision
answers exactly one suggestion: when next morning's check-in changes the picture, the
suggestion changes and asks again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sciatica import clock, i18n
from sciatica.diary.triage import Triage
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _
from sciatica.plans.classify import ClassifiedSession, Colour, Confirmation
from sciatica.plans.doses import Allowed, anything, step_up
from sciatica.plans.models import Decision, Routine, Step
from sciatica.plans.step_backs import after_hurt, after_red, answered, marked_hurt
from sciatica.plans.suggestion import Suggestion, changes_of, keep

__all__ = ["AFTER_SURGERY", "Suggestion", "suggest_next_step"]

CHANGE_EVERY_DAYS = 7  # at most one change a week
RED_BLOCKS_DAYS = 7  # no building up while a session in the last week was red
COUNT_WORDS = {2: N_("Two"), 3: N_("Three"), 4: N_("Four"), 5: N_("Five")}
# A suggestion's sentence is kept with a decision, in the language it was decided in.
WARNING = N_(
    "Exercise suggestions are paused because of a warning sign in your latest check-in; "
    "please follow the advice shown."
)


AFTER_SURGERY = N_(
    "That went well. After back surgery, follow the programme your surgeon or physiotherapist "
    "gave you: the app suggests no step up of its own, so keep the same dose."
)


def suggest_next_step(
    *,
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    alert: Triage | None,
    last_change: Decision | None,
    today: date,
    after_surgery: bool = False,
    allowed: Allowed = anything,
) -> Suggestion | None:
    """The next step after the latest session (`history` oldest first); None without sessions.

    `last_change` is the routine's latest decision that changed its doses, if any. After back
    surgery in the last 6 months (About me), the app offers no step up of its own: the surgeon's
    or physiotherapist's programme leads; keeping or easing a dose still applies. `allowed`
    says which versions may be offered now (About me, today's leg pain): no step leads into
    another.
    """
    if alert is not None:
        return Suggestion(Step.WARNING, _(WARNING))
    if not history:
        return None
    latest = history[-1]
    if latest.colour is Colour.RED:
        return after_red(history, routine, catalog, last_change, allowed)
    if routine is not None and not answered(latest, last_change) and marked_hurt(latest, routine):
        return after_hurt(latest, routine, catalog, allowed)
    if latest.colour is Colour.AMBER:
        why = latest.classification.reasons[0]
        sore = _("Your last session was sore but manageable ({why}), so keep the same dose.")
        return keep(sore.format(why=why), latest)
    if after_surgery:
        return keep(_(AFTER_SURGERY), latest)
    return _after_good(history, routine, catalog, last_change, today, allowed)


def _after_good(
    history: Sequence[ClassifiedSession],
    routine: Routine | None,
    catalog: Catalog,
    last_change: Decision | None,
    today: date,
    allowed: Allowed,
) -> Suggestion:
    latest = history[-1]
    if routine is None:
        return keep(_("That went well: keep going at the same dose."), latest)
    reds = [
        s
        for s in history
        if s.colour is Colour.RED and today - s.session.day < timedelta(days=RED_BLOCKS_DAYS)
    ]
    if reds:
        worse = i18n.format_day(reds[-1].session.day)
        return keep(
            _(
                "That went well, but your session on {day} made your symptoms worse, so keep "
                "this dose for a week after it."
            ).format(day=worse),
            latest,
        )
    if last_change is not None and today - last_change.day < timedelta(days=CHANGE_EVERY_DAYS):
        ready = clock.shift(last_change.day, CHANGE_EVERY_DAYS)
        return keep(
            _(
                "Going well; your routine changed on {changed}, so keep this dose until "
                "{ready}: one change a week at most."
            ).format(changed=i18n.format_day(last_change.day), ready=i18n.format_day(ready)),
            latest,
        )
    # Sessions on the day of a change count as before it: the change usually answers them.
    since = last_change.day if last_change is not None else clock.shift(routine.start_date, -1)
    settled = [
        s
        for s in history
        if s.session.routine_id == routine.id
        and s.session.day > since
        and not s.classification.provisional
    ]
    run: list[ClassifiedSession] = []
    for session in reversed(settled):
        if not session.classification.confirmed_green:
            break
        run.insert(0, session)
    if len(run) < 2:
        return keep(_not_yet(latest, len(run)), latest)
    blocked = {e for s in history if s.session.day > since for e in marked_hurt(s, routine)}
    move = step_up(routine.current_items, catalog=catalog, allowed=allowed, blocked=blocked)
    if move is None:
        full = _("Going well, and your routine is at its full dose, so keep it up.")
        return keep(full, latest)
    count = _(COUNT_WORDS[len(run)]) if len(run) in COUNT_WORDS else str(len(run))
    start = clock.shift(since, 1) if last_change is None else since
    return Suggestion(
        Step.PROGRESS,
        _("{count} good sessions since {day}, next mornings no worse, so you could {step}.").format(
            count=count, day=i18n.format_date(start, "d MMM"), step=move.words
        ),
        changes_of([move]),
        tuple(s.session.id for s in run[-2:]),
    )


def _not_yet(latest: ClassifiedSession, greens: int) -> str:
    """Why a good session does not build up yet."""
    if latest.classification.confirmation is Confirmation.WAITING:
        return _("That went well so far; tomorrow's check-in will confirm it, so keep this dose.")
    if latest.classification.confirmation is Confirmation.NOT_CONFIRMED:
        return _(
            "There was no check-in the morning after your last session, so it is not confirmed: "
            "keep this dose."
        )
    if greens == 1:
        return _(
            "That went well: keep this dose, and after one more good session you can build up."
        )
    return _(
        "Keep this dose: two good sessions in a row, each settled by next morning, come first."
    )
