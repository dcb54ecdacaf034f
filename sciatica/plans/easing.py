"""Today's session made easier, and the About-me cautions on it (CLINICAL.md 4, 7 and 8).

Two things can ease a day's session without changing the routine itself:

- today's check-in: leg pain 7 or more, or symptoms below the knee (`filters.high_pain_why`);
- the last two sessions were red: building up is paused, and the eased session is offered.

Eased, each exercise becomes the easiest version of its family that is gentle on such a day
(knee bent, ankle relaxed: no slump or straight-leg position, `filters.gentle_today`) and that
the person's About-me answers allow; an exercise with no such version is left out today, by
name. Separately, an exercise that the About-me answers rule out, or that comes with a caution,
carries that caution and its nearest safer version, one tap away in the guided session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sciatica.diary.models import AboutMe
from sciatica.exercises.catalog import family
from sciatica.exercises.filters import gentle_today
from sciatica.exercises.models import Catalog, Exercise
from sciatica.exercises.suitability import safe_alternative, suits
from sciatica.i18n import _
from sciatica.plans.doses import Allowed
from sciatica.plans.models import RoutineItem
from sciatica.plans.routine import PlannedSession, entry_item


@dataclass(frozen=True, slots=True)
class Caution:
    """An About-me caution on one exercise of today's session, and a safer version if any."""

    exercise_id: str
    reason: str
    safer: Exercise | None = None


def about_me_allows(about_me: AboutMe | None, *, today: date) -> Allowed:
    """Whether a version suits the person's About-me answers on this day."""
    return lambda exercise: suits(exercise, about_me, today=today).suits


def gently(allowed: Allowed) -> Allowed:
    """`allowed`, and gentle on a day of high leg pain (no nerve-tension position)."""
    return lambda exercise: gentle_today(exercise) and allowed(exercise)


def easiest_version(catalog: Catalog, exercise_id: str, allowed: Allowed) -> Exercise | None:
    """The easiest version of an exercise's family that is gentle today and allowed."""
    return next(
        (
            version
            for version in family(catalog, exercise_id=exercise_id)
            if gentle_today(version) and allowed(version)
        ),
        None,
    )


def eased(
    session: PlannedSession, *, catalog: Catalog, allowed: Allowed
) -> tuple[PlannedSession, tuple[str, ...]]:
    """The session with each exercise at its easiest gentle version; the names left out."""
    items: list[tuple[RoutineItem, Exercise]] = []
    left_out: list[str] = []
    for item, exercise in session.items:
        version = easiest_version(catalog, exercise.id, allowed)
        if version is None:
            left_out.append(exercise.name)
        elif any(held.id == version.id for _item, held in items):
            continue  # two of one family ease to the same version: do it once
        else:
            items.append((item if version.id == exercise.id else entry_item(version), version))
    return PlannedSession(day=session.day, items=tuple(items)), tuple(left_out)


def cautions(
    session: PlannedSession, *, catalog: Catalog, about_me: AboutMe | None, today: date
) -> tuple[Caution, ...]:
    """The About-me cautions on a session's exercises, each with its safer version if any."""
    found = []
    for _item, exercise in session.items:
        fit = suits(exercise, about_me, today=today)
        if not fit.reason:
            continue
        safer = None
        if not fit.suits:
            alternative = safe_alternative(catalog, exercise.id, about_me, today=today)
            safer = alternative if alternative is not None and alternative != exercise else None
        found.append(Caution(exercise.id, fit.reason, safer))
    return tuple(found)


def eased_reason(*, high_pain: str | None, paused: str | None) -> str:
    """One sentence saying why today's session is eased, quoting what decided it."""
    if paused is not None:
        return _(
            "Your last two sessions made your symptoms worse ({why}), so building up is paused "
            "and today's session uses the easiest version of each exercise; please see a "
            "physiotherapist before you build up again."
        ).format(why=paused)
    return _(
        "Because {why} today, today's session uses the easiest version of each exercise, knee "
        "bent and ankle relaxed; your routine itself stays the same."
    ).format(why=high_pain)


def left_out_words(names: tuple[str, ...]) -> str:
    """'Left out today: Seated sciatic nerve glide.' for exercises with no gentle version."""
    return _("Left out today, as it has no gentler version: {names}.").format(
        names=", ".join(names)
    )


def caution_words(caution: Caution) -> str:
    """A caution as the session shows it before the first step, with its safer version."""
    if caution.safer is None:
        return caution.reason
    return f"{caution.reason} {safer_words(caution.safer)}"


def safer_words(safer: Exercise) -> str:
    """'A safer version: Seated figure-4 stretch.'"""
    return _("A safer version: {safer}.").format(safer=safer.name)
