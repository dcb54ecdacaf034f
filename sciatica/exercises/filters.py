"""Pure functions that choose from the catalogue: filters, their URL form, today's adjustment.

Owns which exercises match a filter (`filter_exercises`), which filters to loosen when none do
(`suggest_loosening`), a filter as URL query parameters and back, and the gentler start that
high or far-reaching leg pain calls for (`today_adjustment`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from sciatica.exercises.models import (
    Catalog,
    Equipment,
    Exercise,
    ExerciseFilter,
    Kind,
    Level,
    Movement,
    Position,
    TargetArea,
    TodayAdjustment,
)
from sciatica.i18n import N_, _

# High leg pain, or symptoms reaching below the knee, suggest an irritable nerve root: start
# gently, offer easier variants first, and leave out slumped or straight-leg positions, which
# tension the nerve (CLINICAL.md sections 4, 5 and 8; NICE CKS sciatica).
GENTLE_FROM_LEG_PAIN = 7
FAR_EXTENTS = {
    "below_knee": N_("your symptoms reach below the knee"),
    "foot": N_("your symptoms reach into your foot"),
}

# Filter fields a user can loosen, with the names the page shows for them.
_DIMENSIONS = {
    "search": N_("Search"),
    "kinds": N_("Type"),  # the Exercises page labels this filter "Type"
    "target_areas": N_("Target area"),
    "positions": N_("Position"),
    "equipment": N_("Equipment"),
    "levels": N_("Level"),
}
SUITS_TODAY = N_("Suits me today")


def _matches(exercise: Exercise, flt: ExerciseFilter, *, gentle_only: bool) -> bool:
    text = " ".join((exercise.name, exercise.purpose, *exercise.steps)).casefold()
    return (
        all(word in text for word in flt.search.casefold().split())
        and (not flt.kinds or exercise.kind in flt.kinds)
        and (not flt.target_areas or not flt.target_areas.isdisjoint(exercise.target_areas))
        and (not flt.positions or exercise.position in flt.positions)
        and (not flt.equipment or not flt.equipment.isdisjoint(exercise.equipment))
        and (not flt.levels or exercise.level in flt.levels)
        and (not gentle_only or gentle_today(exercise))
    )


def gentle_today(exercise: Exercise) -> bool:
    """Gentle on a day of high or far-reaching leg pain: gentle, and no nerve-tension position.

    A seated hamstring stretch, knee straight and trunk leaning forward, is a slump: gentle on
    other days, not on these (CLINICAL.md 8).
    """
    return exercise.level is Level.GENTLE and Movement.NERVE_TENSION not in exercise.movements


def filter_exercises(
    catalog: Catalog, flt: ExerciseFilter, *, gentle_only: bool = False, easier_first: bool = False
) -> list[Exercise]:
    """Exercises matching the filter, grouped by family; main exercise first unless easier_first."""
    roots = [exercise.id for exercise in catalog.exercises if exercise.parent is None]

    main_ladder = {ex.id: ex.ladder for ex in catalog.exercises if ex.parent is None}

    def order(exercise: Exercise) -> tuple[int, int, bool]:
        # A comfort option sits just after its main exercise.
        ladder = main_ladder[exercise.family_id] if exercise.comfort_option else exercise.ladder
        main_first = 0 if ladder == main_ladder[exercise.family_id] and not easier_first else ladder
        return roots.index(exercise.family_id), main_first, exercise.comfort_option

    found = [ex for ex in catalog.exercises if _matches(ex, flt, gentle_only=gentle_only)]
    return sorted(found, key=order)


def suggest_loosening(
    catalog: Catalog, flt: ExerciseFilter, *, gentle_only: bool = False
) -> list[str]:
    """Names of the filters to loosen when nothing matches (as the page labels them)."""
    if filter_exercises(catalog, flt, gentle_only=gentle_only):
        return []
    active = [field for field in _DIMENSIONS if getattr(flt, field)]
    helpful = [
        _(_DIMENSIONS[field])
        for field in active
        if filter_exercises(catalog, _without(flt, field), gentle_only=gentle_only)
    ]
    if gentle_only and filter_exercises(catalog, flt):
        helpful.append(_(SUITS_TODAY))
    return helpful or [_(_DIMENSIONS[field]) for field in active]


def _without(flt: ExerciseFilter, field: str) -> ExerciseFilter:
    return flt.model_copy(update={field: ExerciseFilter.model_fields[field].default})


# Query-string keys and the filter fields they carry.
_PARAMS: dict[str, tuple[str, type[StrEnum]]] = {
    "kind": ("kinds", Kind),
    "area": ("target_areas", TargetArea),
    "position": ("positions", Position),
    "equipment": ("equipment", Equipment),
    "level": ("levels", Level),
}
_TRUE = {"1", "true", "yes", "on"}


def filter_to_query_params(flt: ExerciseFilter) -> dict[str, list[str]]:
    """The filter as URL query parameters, leaving out anything unset."""
    params = {"q": [flt.search]} if flt.search else {}
    for key, (field, _enum) in _PARAMS.items():
        values: frozenset[StrEnum] = getattr(flt, field)
        if values:
            params[key] = sorted(value.value for value in values)
    if flt.suits_today:
        params["today"] = ["1"]
    return params


def filter_from_query_params(params: Mapping[str, Any]) -> ExerciseFilter:
    """A filter from URL query parameters, ignoring unknown keys and values."""

    def strings(key: str) -> list[str]:
        value = params.get(key)
        items = [value] if isinstance(value, str) else value
        return [item for item in items if isinstance(item, str)] if isinstance(items, list) else []

    chosen: dict[str, Any] = {"search": next(iter(strings("q")), "")}
    for key, (field, enum) in _PARAMS.items():
        known = {member.value for member in enum}
        chosen[field] = frozenset(enum(value) for value in strings(key) if value in known)
    chosen["suits_today"] = any(value.strip().casefold() in _TRUE for value in strings("today"))
    return ExerciseFilter.model_validate(chosen)


def high_pain_why(*, leg_pain: int | None, extent: str | None) -> str | None:
    """What in a check-in calls for the gentler start, quoted: 'your leg pain is 8/10 and ...'."""
    reasons = []
    if leg_pain is not None and leg_pain >= GENTLE_FROM_LEG_PAIN:
        reasons.append(_("your leg pain is {pain}/10").format(pain=leg_pain))
    far = FAR_EXTENTS.get(str(extent))  # str() so a StrEnum such as LegExtent works too
    if far is not None:
        reasons.append(_(far))
    if not reasons:
        return None
    if len(reasons) > 1:
        return _("{first} and {second}").format(first=reasons[0], second=reasons[1])
    return reasons[0]


def today_adjustment(*, leg_pain: int | None, extent: str | None) -> TodayAdjustment:
    """Gentle exercises and easier variants first when leg pain is high or reaches far down."""
    why = high_pain_why(leg_pain=leg_pain, extent=extent)
    if why is None:
        return TodayAdjustment(gentle_only=False, easier_first=False)
    reason = _(
        "Because {why} today, only gentle exercises are shown, easier versions first, and none "
        "with a straight leg or a slump, which can strain the nerve."
    ).format(why=why)
    return TodayAdjustment(gentle_only=True, easier_first=True, reason=reason)


def filter_summary(flt: ExerciseFilter) -> str:
    """The filters fold's label: 'Filters' and what is on, e.g. 'Filters: Seated, suits me today'.

    A search is named, not quoted: the label reads as markdown, and the words are the person's.
    """
    on = [_("search")] if flt.search else []
    for field, _enum in _PARAMS.values():
        values: frozenset[StrEnum] = getattr(flt, field)
        on += sorted(str(getattr(value, "label", value)) for value in values)
    if flt.suits_today:
        on.append(_("suits me today"))
    return _("Filters: {chosen}").format(chosen=", ".join(on)) if on else _("Filters")
