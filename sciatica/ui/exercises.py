"""The exercise library's pieces: a family's fold, an exercise's card, and the filters' fold.

On a phone every family of the library is a one-line fold, so the guide's six (and the bird
dog among them) are on the first screen; opening one draws its versions and picture only then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

import streamlit as st

from sciatica.exercises.catalog import comfort_options, family
from sciatica.exercises.filters import filter_summary
from sciatica.exercises.library import Family, exercise_figure, ladder_order, versions_label
from sciatica.exercises.models import (
    Catalog,
    Equipment,
    Exercise,
    ExerciseFilter,
    Kind,
    Level,
    Position,
    TargetArea,
)
from sciatica.i18n import N_, _

FIGURE_PX = 400  # wide enough to read, small enough that a standing figure fits
MAIN_VERSION = N_("The main version of this exercise.")
# Filter field -> the multiselect's label and options (shown by each enum's .label).
CHOICES: dict[str, tuple[str, Sequence[StrEnum]]] = {
    "kinds": (N_("Type"), list(Kind)),
    "target_areas": (N_("Target area"), list(TargetArea)),
    "positions": (N_("Position"), list(Position)),
    "equipment": (N_("Equipment"), list(Equipment)),
    "levels": (N_("Level"), list(Level)),
}
EMPTY: dict[str, object] = {"search": "", **{field: [] for field in CHOICES}}


def _bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _details(exercise: Exercise, *, catalog: Catalog, caution: str, steps_folded: bool) -> None:
    """Name, picture, dose and purpose; then the steps, stop rules and sources."""
    st.header(exercise.name, anchor=False)
    st.caption(f"{exercise.kind.label} · {exercise.position.label} · {exercise.level.label}")
    if caution:
        st.warning(caution, icon=":material/person:")
    st.image(exercise_figure(exercise.id), alt=exercise.illustration.alt, width=FIGURE_PX)
    st.markdown(f"**{exercise.dose.describe()}.** {exercise.dose.note or ''}")
    st.write(exercise.purpose)
    if exercise.pregnancy_note:
        st.caption(f":material/pregnant_woman: {exercise.pregnancy_note}")
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
    cited = (catalog.sources_by_id[source_id] for source_id in exercise.sources)
    folded = st.expander(_("How to do it, and when to stop")) if steps_folded else None
    with folded or st.container():
        if not steps_folded:
            st.markdown(_("**How to do it**"))
        doing_well, stop_if = _("**Doing it well**"), _("**Stop if**")
        st.markdown(f"{steps}\n\n{doing_well}\n{_bullets(exercise.form_cues)}")
        st.markdown(f"{stop_if}\n{_bullets(exercise.stop_if)}")
        sources = "; ".join(source.cite() for source in cited)
        st.caption(_("Sources: {sources}").format(sources=sources))


def exercise_card(
    exercise: Exercise, *, catalog: Catalog, caution: str, on_open: Callable[[str], None]
) -> None:
    """One exercise in a bordered card; `on_open(id)` shows another version of it."""
    with st.container(border=True, key=f"card_{exercise.id}"):
        _details(exercise, catalog=catalog, caution=caution, steps_folded=True)
        versions = [
            *family(catalog, exercise_id=exercise.id),
            *comfort_options(catalog, exercise_id=exercise.id),
        ]
        if len(versions) > 1:
            ladder(versions, here=exercise, pick=on_open, key=f"open_{exercise.id}")


def ladder(
    versions: list[Exercise] | tuple[Exercise, ...],
    *,
    here: Exercise,
    pick: Callable[[str], None],
    key: str,
) -> None:
    """A family's versions as steps, easiest first: "you are here", and one tap to any other.

    Comfort options (a softer surface, say) come last and unnumbered: no easier, no harder.
    """
    st.markdown(_("**Versions, easiest first**"))
    steps = ladder_order(versions)
    with st.container(gap=None, key=f"{key}_ladder"):
        for version in steps:
            step = "·" if version.comfort_option else f"{version.ladder}."
            why = version.choose_if or _(MAIN_VERSION)
            if version.id == here.id:
                here_words = _("{step} **{name}**, you are here").format(
                    step=step.replace(".", "\\."),
                    name=version.name,  # "4." is no list
                )
                st.markdown(here_words)  # words only: an icon's code would be read out
            else:
                st.button(
                    f"{step} {version.name}",
                    key=f"{key}_{version.id}",
                    on_click=pick,
                    args=(version.id,),
                    type="tertiary",
                    icon=":material/arrow_forward:",
                )
            st.caption(why)


def family_fold(
    group: Family,
    *,
    catalog: Catalog,
    cautions: dict[str, str],
    on_open: Callable[[str], None],
    expanded: bool = False,
) -> None:
    """A family as one line that opens to its versions (one chosen at a time) and their card.

    What is inside is drawn only while it is open, so a closed family costs nothing.
    """
    root = group.root.id
    fold = st.expander(
        versions_label(group),
        expanded=expanded,
        key=f"family_{root}",
        on_change="rerun",
        icon=":material/self_improvement:",
    )
    if not fold.open:
        return
    with fold:
        by_id = {version.id: version for version in group.versions}
        shown = st.session_state.get(f"_ladder_{root}")  # a plain key: kept across pages
        chosen = by_id.get(shown) if isinstance(shown, str) else None
        chosen = chosen or group.versions[0]  # what matched the filters first

        def choose(exercise_id: str) -> None:
            st.session_state[f"_ladder_{root}"] = exercise_id

        if len(group.versions) > 1:
            ladder(group.versions, here=chosen, pick=choose, key=f"version_{root}")
        with st.container(key=f"card_{chosen.id}"):
            _details(
                chosen, catalog=catalog, caution=cautions.get(chosen.id, ""), steps_folded=False
            )
            st.button(
                _("Open on a page of its own"),
                key=f"own_page_{chosen.id}",
                on_click=on_open,
                args=(chosen.id,),
                type="tertiary",
                icon=":material/open_in_full:",
            )


def clear_filters() -> None:
    """Empty every filter (the button under "nothing matches" calls this back)."""
    for field, empty in EMPTY.items():
        st.session_state[f"ex_{field}"] = empty


def chosen_filter() -> ExerciseFilter:
    """The filter as the widgets hold it."""
    return ExerciseFilter.model_validate(
        {field: st.session_state[f"ex_{field}"] for field in [*EMPTY, "suits_today"]}
    )


def filters_fold() -> ExerciseFilter:
    """The filters' fold, its label saying what is chosen; returns the filter chosen."""
    # Keyed, so it stays open while its label follows each choice.
    with st.expander(
        filter_summary(chosen_filter()), icon=":material/filter_list:", key="ex_filters"
    ):
        st.text_input(
            _("Search"),
            key="ex_search",
            placeholder=_("For example: hamstring, chair, walk"),
            persist_state="session",
        )
        for field, (label, options) in CHOICES.items():
            st.multiselect(
                _(label),
                options,
                key=f"ex_{field}",
                format_func={o: str(getattr(o, "label", o)) for o in options}.__getitem__,
                placeholder=_("Any"),
                persist_state="session",
            )
        st.toggle(_("Suits me today"), key="ex_suits_today", persist_state="session")
    return chosen_filter()
