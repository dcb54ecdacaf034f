"""A routine's doses now and how they came to be, in words: for the Routine page and the PDFs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sciatica import i18n
from sciatica.exercises.models import Catalog
from sciatica.i18n import N_, _
from sciatica.plans.models import Change, ItemChange, Routine, RoutineItem, Step
from sciatica.plans.ports import Plans
from sciatica.plans.routine import describe_item

RECENT_CHANGES = 5


@dataclass(frozen=True, slots=True)
class RoutineSummary:
    """The routine followed, each exercise at its dose now, and its latest changes."""

    name: str
    doses: tuple[str, ...]  # "Clamshell: 12 times per side (started at 10 times per side)"
    changes: tuple[str, ...]  # "Mon 07 Dec 2026: accepted “Two good sessions since ...”"


UNKNOWN_EXERCISE = N_("An exercise no longer in the catalogue")


def _name(item: RoutineItem, catalog: Catalog) -> str:
    # Names come from the catalogue only: a stored id is whatever a file or an old version wrote.
    exercise = catalog.by_id.get(item.exercise_id)
    return exercise.name if exercise is not None else _(UNKNOWN_EXERCISE)


def _lower(words: str) -> str:
    return words[:1].lower() + words[1:]


def _family(exercise_id: str, catalog: Catalog) -> str | None:
    exercise = catalog.by_id.get(exercise_id)
    return exercise.family_id if exercise is not None else None


def dose_lines(routine: Routine, *, catalog: Catalog) -> tuple[str, ...]:
    """Each exercise at its current dose, with where it started when that differs.

    An exercise swapped for an easier or harder one of its family names the one it replaced.
    """
    started = {item.exercise_id: item for item in routine.items}
    families = {_family(item.exercise_id, catalog): item for item in routine.items}
    lines = []
    for item in routine.current_items:
        name, dose = _name(item, catalog), describe_item(item)
        line = _("{exercise}: {dose}").format(exercise=name, dose=dose)
        first = started.get(item.exercise_id)
        replaced = families.get(_family(item.exercise_id, catalog))
        if first is not None and first != item:
            line = _("{exercise}: {dose} (started at {first})").format(
                exercise=name, dose=dose, first=_lower(describe_item(first))
            )
        elif first is None and replaced is not None:
            line = _("{exercise}: {dose} (in place of the {replaced})").format(
                exercise=name, dose=dose, replaced=_name(replaced, catalog)
            )
        lines.append(line)
    return tuple(lines)


def item_change_words(change: ItemChange, *, catalog: Catalog) -> str:
    """One exercise's change, e.g. 'Clamshell: 10 times per side, now 12 times per side'."""
    before, after = change.before, change.after
    if before is None:
        if after is None:
            return ""
        return _("{exercise} added: {dose}").format(
            exercise=_name(after, catalog), dose=_lower(describe_item(after))
        )
    if after is None:
        return _("{exercise} left out").format(exercise=_name(before, catalog))
    if before.exercise_id != after.exercise_id:
        return _("{exercise} swapped for {other}: {dose}").format(
            exercise=_name(before, catalog),
            other=_name(after, catalog),
            dose=_lower(describe_item(after)),
        )
    was, now = _lower(describe_item(before)), _lower(describe_item(after))
    return _("{exercise}: {was}, now {now}").format(
        exercise=_name(after, catalog), was=was, now=now
    )


def change_line(change: Change, *, as_text: Callable[[str], str] = str) -> str:
    """A change as the history lists it: its day, and the suggestion accepted (or the edit).

    The sentence is stored, so it may come from a file: a page passes `as_text` to escape it.
    """
    sentence = as_text(change.sentence)
    day = i18n.format_date(change.day, "EEE dd MMM y")
    if change.step is Step.EDIT:
        return _("{day}: {sentence}").format(day=day, sentence=sentence)
    return _("{day}: accepted “{sentence}”").format(day=day, sentence=sentence)


def routine_summary(
    routine: Routine, history: Sequence[Change], *, catalog: Catalog
) -> RoutineSummary:
    """The routine's doses now and its latest changes (`history` newest first)."""
    return RoutineSummary(
        name=routine.name,
        doses=dose_lines(routine, catalog=catalog),
        changes=tuple(change_line(change) for change in history[:RECENT_CHANGES]),
    )


def active_routine_summary(
    store: Plans, *, user_id: str, catalog: Catalog
) -> RoutineSummary | None:
    """The summary of the routine the person follows, if any."""
    routine = store.active_routine(user_id=user_id)
    if routine is None:
        return None
    history = store.routine_history(user_id=user_id, routine_id=routine.id, limit=RECENT_CHANGES)
    return routine_summary(routine, history, catalog=catalog)
