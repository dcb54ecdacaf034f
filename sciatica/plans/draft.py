"""The routine builder's draft: a frozen model and pure transitions, as in `timer`.

The page keeps one `RoutineDraft` in session state and swaps it for the next one on every
change: exercises picked, moved or removed, a dose typed in, the name, days and start.
Loading another routine (a template, a saved one to change, or a clean sheet) raises `version`,
so the page's widgets, keyed by it, start afresh from the draft's values.

A dose may be set anywhere a routine item allows (`dose_limits`), even outside the exercise's
safe range: the person keeps what they typed, and `to_routine_input` refuses it by name when
they save, as `check_routine` does for any routine. A saved routine loads at its current
doses, and saving it makes the draft's doses the current ones, by the person's own decision:
`save_draft`, the one step that writes, records how they changed in the routine's history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from annotated_types import Ge, Le
from pydantic import ValidationError

from sciatica.exercises.models import Catalog, Exercise
from sciatica.i18n import N_, _
from sciatica.plans.models import (
    Change,
    ItemChange,
    Routine,
    RoutineInput,
    RoutineItem,
    Step,
    Weekday,
)
from sciatica.plans.ports import RoutineRepository
from sciatica.plans.routine import DEFAULT_DAYS, UNITS, RoutineRejected, check_routine, entry_item

DoseField = Literal["sets", "hold_seconds", "reps", "minutes", "rest_seconds"]
# Plain reasons for a form the model refuses, by field; any other field reads "Check <field>."
PROBLEMS = {
    "name": N_("Give the routine a name."),
    "items": N_("Add at least one exercise."),
    "days": N_("Choose at least one day."),
}


def dose_limits(field: DoseField) -> tuple[int, int]:
    """The lowest and highest value a routine item accepts for a dose field."""
    # The limits live once, on RoutineItem's fields; pydantic keeps them as annotated-types.
    metadata = RoutineItem.model_fields[field].metadata
    (low,) = (m.ge for m in metadata if isinstance(m, Ge) and isinstance(m.ge, int))
    (high,) = (m.le for m in metadata if isinstance(m, Le) and isinstance(m.le, int))
    return low, high


@dataclass(frozen=True, slots=True)
class DoseSetting:
    """One number the builder asks for an exercise: its label, starting value and limits."""

    field: DoseField
    label: str
    value: int
    low: int
    high: int
    hint: str


def dose_settings(item: RoutineItem, exercise: Exercise) -> tuple[DoseSetting, ...]:
    """The numbers to ask for an item: each dose dimension its exercise has, then rest."""
    dose, name = exercise.dose, exercise.name
    times = _("Times per side: {name}") if item.per_side else _("Times: {name}")
    fields: tuple[tuple[DoseField, str], ...] = (
        ("sets", _("Sets: {name}").format(name=name)),
        ("hold_seconds", _("Hold (s): {name}").format(name=name)),
        ("reps", times.format(name=name)),
        ("minutes", _("Minutes: {name}").format(name=name)),
    )
    settings = []
    for field, label in fields:
        allowed = getattr(dose, field)
        if allowed is None:
            continue
        value = getattr(item, field)
        low, high = dose_limits(field)
        settings.append(
            DoseSetting(
                field=field,
                label=label,
                # An item without a value yet starts at the bottom of the safe range.
                value=allowed.min if value is None else value,
                low=low,
                high=high,
                hint=_("Safe range: {range}.").format(range=f"{allowed}{UNITS[field]}"),
            )
        )
    if dose.sets is not None:
        low, high = dose_limits("rest_seconds")
        label = _("Rest between sets (s): {name}").format(name=name)
        hint = _("Rest between sets.")
        settings.append(
            DoseSetting(
                field="rest_seconds",
                label=label,
                value=item.rest_seconds,
                low=low,
                high=high,
                hint=hint,
            )
        )
    return tuple(settings)


@dataclass(frozen=True, slots=True)
class RoutineDraft:
    """A routine being built or changed, as the builder holds it until it is saved."""

    start_date: date
    name: str = ""
    items: tuple[RoutineItem, ...] = ()
    days: tuple[Weekday, ...] = tuple(sorted(DEFAULT_DAYS))
    routine_id: int | None = None  # the saved routine being changed; None for a new one
    version: int = 1

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """The exercises in the draft, in order."""
        return tuple(item.exercise_id for item in self.items)

    def clear(self, *, today: date) -> RoutineDraft:
        """A clean sheet in place of this draft: no exercises, the default days, from today."""
        return RoutineDraft(start_date=today, version=self.version + 1)

    def load(
        self, routine: RoutineInput, *, catalog: Catalog, routine_id: int | None = None
    ) -> RoutineDraft:
        """A routine in place of this draft, less any exercise the catalogue no longer has.

        A saved routine loads at its current doses: what the person does now.
        """
        items = routine.current_items if isinstance(routine, Routine) else routine.items
        return RoutineDraft(
            start_date=routine.start_date,
            name=routine.name,
            items=tuple(item for item in items if item.exercise_id in catalog.by_id),
            days=tuple(sorted(routine.days)),
            routine_id=routine_id,
            version=self.version + 1,
        )

    def pick(self, exercise_ids: Iterable[str], *, catalog: Catalog) -> RoutineDraft:
        """Just the picked exercises: those kept stay in order, new ones join at entry dose."""
        picked = [exercise_id for exercise_id in exercise_ids if exercise_id in catalog.by_id]
        kept = tuple(item for item in self.items if item.exercise_id in picked)
        have = {item.exercise_id for item in kept}
        added = tuple(entry_item(catalog.by_id[i]) for i in dict.fromkeys(picked) if i not in have)
        return replace(self, items=kept + added)

    def can_move(self, index: int, step: int) -> bool:
        """Whether the exercise at `index` has a neighbour `step` away (-1 up, 1 down)."""
        return 0 <= index < len(self.items) and 0 <= index + step < len(self.items)

    def move(self, index: int, step: int) -> RoutineDraft:
        """Swap the exercise at `index` with its neighbour `step` away; as it was if none."""
        if not self.can_move(index, step):
            return self
        items = list(self.items)
        items[index], items[index + step] = items[index + step], items[index]
        return replace(self, items=tuple(items))

    def remove(self, exercise_id: str) -> RoutineDraft:
        """The draft without this exercise."""
        items = tuple(item for item in self.items if item.exercise_id != exercise_id)
        return replace(self, items=items)

    def set_dose(self, exercise_id: str, field: DoseField, value: int) -> RoutineDraft:
        """One dose field of one exercise changed, held within the limits a routine allows."""
        low, high = dose_limits(field)
        update: dict[str, int] = {field: min(max(value, low), high)}
        items = tuple(
            item.model_copy(update=update) if item.exercise_id == exercise_id else item
            for item in self.items
        )
        return replace(self, items=items)

    def with_details(self, *, name: str, days: Iterable[Weekday], start_date: date) -> RoutineDraft:
        """The name, training days and first day as the person set them."""
        return replace(self, name=name, days=tuple(days), start_date=start_date)

    def to_routine_input(self, *, catalog: Catalog) -> RoutineInput:
        """The routine to save; RoutineRejected, with plain reasons, if it cannot be saved."""
        try:
            routine = RoutineInput(
                name=self.name,
                items=self.items,
                days=frozenset(self.days),
                start_date=self.start_date,
            )
        except ValidationError as error:
            raise RoutineRejected(plain_problems(error)) from error
        check_routine(routine, catalog=catalog)
        return routine


def plain_problems(error: ValidationError) -> list[str]:
    """One plain sentence per form field the model refused, by field name."""
    fields = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
    return [
        _(PROBLEMS[field]) if field in PROBLEMS else _("Check {field}.").format(field=field)
        for field in sorted(fields)
    ]


# Kept in the routine's history in the language it was saved in.
EDITED = N_("You changed the doses yourself in the routine builder.")


def dose_changes(
    before: Iterable[RoutineItem], after: Iterable[RoutineItem]
) -> tuple[ItemChange, ...]:
    """Each exercise whose dose differs, joined or left, from one list of items to another."""
    old = {item.exercise_id: item for item in before}
    new = {item.exercise_id: item for item in after}
    changed = [ItemChange(before=item, after=new.get(i)) for i, item in old.items()]
    joined = [ItemChange(after=item) for i, item in new.items() if i not in old]
    return tuple(c for c in changed + joined if c.before != c.after)


def save_draft(
    store: RoutineRepository, draft: RoutineDraft, *, user_id: str, catalog: Catalog, today: date
) -> Routine:
    """Check and store the draft: a new routine becomes the one followed, a changed one stays.

    A changed routine is followed at the draft's doses from now on; how they differ from the
    doses it had goes into its history as the person's own edit.
    """
    routine = draft.to_routine_input(catalog=catalog)
    editing = draft.routine_id
    edit = None
    if editing is not None and (saved := store.get_routine(user_id=user_id, routine_id=editing)):
        changes = dose_changes(saved.current_items, routine.items)
        if changes:
            edit = Change(
                day=today,
                step=Step.EDIT,
                sentence=_(EDITED),
                accepted=True,
                changed=True,
                changes=changes,
            )
    return store.save_routine(
        user_id=user_id, routine=routine, routine_id=editing, activate=editing is None, edit=edit
    )
