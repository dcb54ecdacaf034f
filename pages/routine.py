"""Routine: build a weekly plan of exercises, keep several, follow one, print or export it."""

import re
from functools import partial
from typing import Any

import streamlit as st
from pydantic import ValidationError

from sciatica import ui
from sciatica.diary.triage import active_alert
from sciatica.documents.calendar import routine_calendar
from sciatica.documents.routine_sheet import dose_table, routine_sheet_pdf
from sciatica.exercises.catalog import Exercise, load_catalog
from sciatica.exercises.models import IntRange
from sciatica.plans.models import MAX_WEEKS, Routine, RoutineInput, RoutineItem, Weekday
from sciatica.plans.routine import (
    DEFAULT_DAYS,
    TEMPLATE_NAMES,
    RoutineRejected,
    check_routine,
    entry_item,
    template,
    week_number,
)

DRAFT = "routine_draft"  # a plain key: the draft survives a visit to another page
CONFIRM_DELETE = "routine_confirm_delete"
PROBLEMS = {
    "name": "Give the routine a name.",
    "items": "Add at least one exercise.",
    "days": "Choose at least one day.",
}

catalog, store, user, today = load_catalog(), ui.store(), ui.user_id(), ui.today()
names = {exercise.id: exercise.name for exercise in catalog.exercises}


def load(routine: RoutineInput | None = None, routine_id: int | None = None) -> None:
    """Put a routine (or an empty one) in the builder; new widget keys pick up its values."""
    version = st.session_state.get(DRAFT, {}).get("v", 0) + 1
    st.session_state[DRAFT] = {
        "v": version,
        "id": routine_id,
        "name": routine.name if routine else "",
        "items": [i for i in routine.items if i.exercise_id in names] if routine else [],
        "days": sorted(routine.days if routine else DEFAULT_DAYS),
        "start": routine.start_date if routine else today,
        "weeks": routine.weeks if routine else RoutineInput.model_fields["weeks"].default,
    }


def move(index: int, step: int) -> None:
    items = st.session_state[DRAFT]["items"]
    items[index], items[index + step] = items[index + step], items[index]


def remove(exercise_id: str, pick_key: str) -> None:
    draft = st.session_state[DRAFT]
    draft["items"] = [item for item in draft["items"] if item.exercise_id != exercise_id]
    st.session_state[pick_key] = [item.exercise_id for item in draft["items"]]


def bounds(field: str) -> tuple[int, int]:
    meta = {type(m).__name__: m for m in RoutineItem.model_fields[field].metadata}
    return meta["Ge"].ge, meta["Le"].le


def dose_inputs(item: RoutineItem, exercise: Exercise, v: int) -> RoutineItem:
    """Number inputs for the dose dimensions the exercise has; returns the edited item."""
    dose, name = exercise.dose, exercise.name
    times = "Times per side" if item.per_side else "Times"
    # (field, label, the catalogue's safe range, the item's value, unit)
    dimensions: list[tuple[str, str, IntRange | None, int | None, str]] = [
        ("sets", f"Sets: {name}", dose.sets, item.sets, ""),
        ("hold_seconds", f"Hold (s): {name}", dose.hold_seconds, item.hold_seconds, " s"),
        ("reps", f"{times}: {name}", dose.reps, item.reps, ""),
        ("minutes", f"Minutes: {name}", dose.minutes, item.minutes, " min"),
    ]
    # (field, label, starting value, help): a dimension the exercise has starts at the item's
    # value, or at the bottom of its safe range when the item has none yet.
    shown = [
        (field, label, value if value is not None else allowed.min, f"Safe range: {allowed}{unit}.")
        for field, label, allowed, value, unit in dimensions
        if allowed is not None
    ]
    if dose.sets is not None:
        rest = f"Rest between sets (s): {name}"
        shown.append(("rest_seconds", rest, item.rest_seconds, "Rest between sets."))
    changes: dict[str, Any] = {}
    columns = st.columns(max(2, len(shown)), vertical_alignment="bottom")
    for column, (field, label, start, hint) in zip(columns, shown, strict=False):
        key = f"rt_{v}_{field}_{exercise.id}"
        low, high = bounds(field)
        st.session_state.setdefault(key, start)
        changes[field] = column.number_input(label, low, high, step=1, key=key, help=hint)
    return item.model_copy(update=changes)


def plain_problems(error: ValidationError) -> list[str]:
    fields = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
    return [PROBLEMS.get(field, f"Check {field}.") for field in sorted(fields)]


def summary(routine: Routine) -> str:
    days = ", ".join(day.label for day in sorted(routine.days))
    week = week_number(routine, day=today)
    when = f"week {week} of {routine.weeks}" if week else f"{routine.weeks} weeks"
    return f"{days} · {when}, from {routine.start_date:%a %d %b %Y}"


def file_stem(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "routine"


if DRAFT not in st.session_state:
    load()
draft = st.session_state[DRAFT]
v = draft["v"]

st.title("Routine")
ui.show_flash()
alert = active_alert(store.latest_check_in(user_id=user))
if alert is not None:
    ui.show_triage(alert)
st.caption("A plan of exercises for set days of the week, building up gently week by week.")

st.subheader("Your routines")
routines = store.list_routines(user_id=user)
if not routines:
    st.caption("No routines saved yet. Build your first one below.")
for routine in routines:
    with st.container(border=True, key=f"routine_{routine.id}"):
        badge = " :green-badge[:material/check: Active]" if routine.active else ""
        st.markdown(f"**{routine.name}**{badge}")
        st.caption(summary(routine))
        st.write(", ".join(names.get(item.exercise_id, "?") for item in routine.items))
        row = st.container(horizontal=True)
        if not routine.active and row.button("Make active", key=f"activate_{routine.id}"):
            store.set_active_routine(user_id=user, routine_id=routine.id)
            ui.flash(f"“{routine.name}” is now the routine you follow.")
        row.button("Edit", key=f"edit_{routine.id}", on_click=load, args=(routine, routine.id))
        if row.button("Delete", key=f"delete_{routine.id}"):
            st.session_state[CONFIRM_DELETE] = routine.id
        row.download_button(
            "Calendar",
            routine_calendar(routine, catalog=catalog),
            file_name=f"{file_stem(routine.name)}.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
            on_click="ignore",
            key=f"ics_{routine.id}",
            help="Add your training days to your calendar (.ics).",
        )
        row.download_button(
            "Print sheet",
            partial(routine_sheet_pdf, routine, catalog=catalog, today=today, country=ui.country()),
            file_name=f"{file_stem(routine.name)}.pdf",
            mime="application/pdf",
            icon=":material/print:",
            on_click="ignore",
            key=f"pdf_{routine.id}",
            help="A printable PDF with pictures, steps and this week's doses.",
        )
        if st.session_state.get(CONFIRM_DELETE) == routine.id:
            st.warning(f"Delete “{routine.name}”? The sessions you logged stay in your diary.")
            confirm = st.container(horizontal=True)
            if confirm.button("Yes, delete it", key=f"confirm_delete_{routine.id}", type="primary"):
                store.delete_routine(user_id=user, routine_id=routine.id)
                st.session_state.pop(CONFIRM_DELETE)
                if draft["id"] == routine.id:
                    load()
                ui.flash(f"Deleted “{routine.name}”.")
            if confirm.button("Keep it", key=f"keep_{routine.id}"):
                st.session_state.pop(CONFIRM_DELETE)
                st.rerun()

st.subheader(f"Change “{draft['name']}”" if draft["id"] else "Build a routine")
with st.container(horizontal=True):
    for name in TEMPLATE_NAMES:
        st.button(
            f"Use the {name.lower()}",
            key=f"template_{name}",
            on_click=lambda name=name: load(template(name, catalog=catalog, start=today)),
        )
    st.button("Start from scratch", key="from_scratch", on_click=load)

for key, value in (("name", draft["name"]), ("days", draft["days"]), ("start", draft["start"])):
    st.session_state.setdefault(f"rt_{v}_{key}", value)
st.session_state.setdefault(f"rt_{v}_weeks", draft["weeks"])
st.session_state.setdefault(f"rt_{v}_pick", [item.exercise_id for item in draft["items"]])
draft["name"] = st.text_input("Routine name", max_chars=80, key=f"rt_{v}_name")
picked = st.multiselect(
    "Add exercises",
    list(names),
    format_func=names.__getitem__,
    key=f"rt_{v}_pick",
    placeholder="Choose exercises from the catalogue",
)
kept = [item for item in draft["items"] if item.exercise_id in picked]
added = [entry_item(catalog.by_id[i]) for i in picked if i not in {k.exercise_id for k in kept}]
draft["items"] = kept + added
for index, item in enumerate(draft["items"]):
    exercise = catalog.by_id[item.exercise_id]
    with st.container(border=True):
        title, tools = st.columns([3, 2], vertical_alignment="center")
        title.markdown(f"**{index + 1}. {exercise.name}**")
        last = index == len(draft["items"]) - 1
        with tools.container(horizontal=True, horizontal_alignment="right"):
            st.button(
                "Up",
                key=f"up_{exercise.id}",
                icon=":material/arrow_upward:",
                type="tertiary",
                on_click=move,
                args=(index, -1),
                disabled=index == 0,
            )
            st.button(
                "Down",
                key=f"down_{exercise.id}",
                icon=":material/arrow_downward:",
                type="tertiary",
                on_click=move,
                args=(index, 1),
                disabled=last,
            )
            st.button(
                "Remove",
                key=f"remove_{exercise.id}",
                icon=":material/close:",
                type="tertiary",
                on_click=remove,
                args=(exercise.id, f"rt_{v}_pick"),
            )
        draft["items"][index] = dose_inputs(item, exercise, v)
if not draft["items"]:
    st.caption("Pick exercises above, or start from a template.")

draft["days"] = st.pills(
    "Days", list(Weekday), selection_mode="multi", format_func=lambda d: d.label, key=f"rt_{v}_days"
)
left, right = st.columns(2)
draft["start"] = left.date_input("Start date", format="DD/MM/YYYY", key=f"rt_{v}_start")
draft["weeks"] = right.number_input("Weeks", 1, MAX_WEEKS, step=1, key=f"rt_{v}_weeks")

if draft["items"]:
    st.markdown("**Week by week**")
    st.caption("Holds, repetitions and minutes build up gently towards the top of each safe range.")
    table = dose_table(draft["items"], weeks=draft["weeks"], catalog=catalog)
    if draft["weeks"] <= 6:
        st.table(table, border="horizontal")
    else:  # too many weeks to fit: a scrolling grid instead
        st.dataframe(table, hide_index=True)

if st.button("Save routine", type="primary", icon=":material/save:"):
    try:
        routine_input = RoutineInput(
            name=draft["name"],
            items=tuple(draft["items"]),
            days=frozenset(draft["days"]),
            start_date=draft["start"],
            weeks=draft["weeks"],
        )
        check_routine(routine_input, catalog=catalog)
    except ValidationError as error:
        problems = plain_problems(error)
    except RoutineRejected as error:
        problems = error.problems
    else:
        editing = draft["id"]
        saved = store.save_routine(
            user_id=user, routine=routine_input, routine_id=editing, activate=editing is None
        )
        load()
        active = " It is now the routine you follow." if saved.active and not editing else ""
        ui.flash(f"Saved “{saved.name}”.{active}")
    st.error(
        "**Not saved.**\n" + "\n".join(f"- {problem}" for problem in problems),
        icon=":material/error:",
    )
