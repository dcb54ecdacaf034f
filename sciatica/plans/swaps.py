"""The active routine checked against About me (CLINICAL.md 7).

When an answer changes, or a pregnancy passes about 16 weeks by its due date, an exercise in the
routine may no longer suit: each such one is offered its nearest safer version at its entry
dose, or is left out where there is none, as one suggestion to accept or dismiss. Nothing
changes until the person decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sciatica.diary.models import AboutMe
from sciatica.exercises.models import Catalog
from sciatica.exercises.suitability import safe_alternative, suits
from sciatica.i18n import _
from sciatica.plans.easing import safer_words
from sciatica.plans.models import ItemChange, Routine, Step
from sciatica.plans.routine import entry_item
from sciatica.plans.suggestion import Suggestion, join_steps


def about_me_swaps(
    routine: Routine, *, catalog: Catalog, about_me: AboutMe | None, today: date
) -> Suggestion | None:
    """Safer versions for the routine's exercises that About me now rules out; None if none."""
    if about_me is None or about_me.under_16:  # under 16 there is no plan to change at all
        return None
    items = routine.current_items
    held = {item.exercise_id for item in items}
    changes: list[ItemChange] = []
    words: list[str] = []
    reasons: list[str] = []
    for item in items:
        exercise = catalog.by_id.get(item.exercise_id)
        if exercise is None:
            continue
        fit = suits(exercise, about_me, today=today)
        if fit.suits:
            continue
        reasons.append(fit.reason)
        safer = safe_alternative(catalog, exercise.id, about_me, today=today)
        if safer is not None and safer.id not in held:
            held.add(safer.id)
            changes.append(ItemChange(before=item, after=entry_item(safer)))
            words.append(
                _("swap the {name} for the {safer}").format(name=exercise.name, safer=safer.name)
            )
        else:
            changes.append(ItemChange(before=item, after=None))
            words.append(_("leave out the {name}").format(name=exercise.name))
    if not changes:
        return None
    why = reasons[0].rstrip(".")
    why = why[:1].lower() + why[1:]
    if all(change.after is None for change in changes) and len(changes) == len(items):
        return Suggestion(
            Step.STEP_BACK,
            _(
                "What you told the app in About me rules out every exercise in your routine "
                "({why}), so build a new routine or ask a physiotherapist what suits you."
            ).format(why=why),
        )
    return Suggestion(
        Step.STEP_BACK,
        _(
            "What you told the app in About me rules out part of your routine ({why}), so {steps}."
        ).format(why=why, steps=join_steps(words)),
        tuple(changes),
    )


@dataclass(frozen=True, slots=True)
class PickerChoices:
    """What the routine builder offers: the exercises that suit, and why others are left out."""

    names: dict[str, str]  # exercise id -> name, in catalogue order
    left_out: tuple[str, ...] = ()  # "Knee-to-chest stretch: left out in pregnancy ..."
    picked_cautions: tuple[str, ...] = ()  # for picked ones that do not suit, with a safer one


def picker_choices(
    catalog: Catalog, *, about_me: AboutMe | None, today: date, picked: Sequence[str] = ()
) -> PickerChoices:
    """The builder's choices under About me: ruled-out exercises are left out, each named with
    its reason and safer version; one already picked stays, with its caution beside it."""
    names: dict[str, str] = {}
    left_out: list[str] = []
    cautions: list[str] = []
    for exercise in catalog.exercises:
        fit = suits(exercise, about_me, today=today)
        if fit.suits:
            names[exercise.id] = exercise.name
            continue
        safer = safe_alternative(catalog, exercise.id, about_me, today=today)
        line = _("{name}: {reason}").format(name=exercise.name, reason=fit.reason)
        if safer is not None:
            line += " " + safer_words(safer)
        if exercise.id in picked:
            names[exercise.id] = exercise.name
            cautions.append(line)
        else:
            left_out.append(line)
    return PickerChoices(names, tuple(left_out), tuple(cautions))
