"""The exercise card: picture, dose, steps, stop rules, sources and the other versions."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from sciatica.exercises.catalog import comfort_options, family
from sciatica.exercises.library import exercise_figure
from sciatica.exercises.models import Catalog, Exercise

FIGURE_PX = 400  # wide enough to read, small enough that a standing figure fits


def _bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def exercise_card(
    exercise: Exercise, *, catalog: Catalog, caution: str, on_open: Callable[[str], None]
) -> None:
    """One exercise in a bordered card; `on_open(id)` shows another version of it."""
    with st.container(border=True, key=f"card_{exercise.id}"):
        st.header(exercise.name, anchor=False)
        st.caption(f"{exercise.kind.label} · {exercise.position.label} · {exercise.level.label}")
        if caution:
            st.warning(caution, icon=":material/person:")
        st.image(exercise_figure(exercise.id), alt=exercise.illustration.alt, width=FIGURE_PX)
        st.markdown(f"**{exercise.dose.describe()}.** {exercise.dose.note or ''}")
        st.write(exercise.purpose)
        if exercise.pregnancy_note:
            st.caption(f":material/pregnant_woman: {exercise.pregnancy_note}")
        with st.expander("How to do it, and when to stop"):
            steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
            st.markdown(f"{steps}\n\n**Doing it well**\n{_bullets(exercise.form_cues)}")
            st.markdown(f"**Stop if**\n{_bullets(exercise.stop_if)}")
            cited = (catalog.sources_by_id[source_id] for source_id in exercise.sources)
            st.caption("Sources: " + "; ".join(source.cite() for source in cited))
        versions = [
            *family(catalog, exercise_id=exercise.id),
            *comfort_options(catalog, exercise_id=exercise.id),
        ]
        others = [other for other in versions if other is not exercise]
        if others:
            st.markdown("**Other versions of this exercise**")
        for other in others:
            with st.container(gap=None):
                st.button(
                    other.name,
                    key=f"open_{exercise.id}_{other.id}",
                    on_click=on_open,
                    args=(other.id,),
                    type="tertiary",
                    icon=":material/arrow_forward:",
                )
                st.caption(other.choose_if or "The main version of this exercise.")
