"""The exercise library: what to list for a filter and the latest check-in, and its pictures.

The list is of families (an exercise with its easier and harder versions), in catalogue order:
the source guide's six first (data/exercises.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sciatica import i18n
from sciatica.clock import relative_day
from sciatica.diary.models import AboutMe, CheckInInput
from sciatica.diary.triage import Triage
from sciatica.exercises.catalog import load_catalog
from sciatica.exercises.figures import exercise_figure_svg
from sciatica.exercises.filters import (
    filter_exercises,
    high_pain_why,
    suggest_loosening,
    today_adjustment,
)
from sciatica.exercises.models import Catalog, Exercise, ExerciseFilter, Movement
from sciatica.exercises.suitability import suits
from sciatica.i18n import N_, Language, _, ngettext

NOTHING_TO_GO_ON = N_(
    "You have not checked in yet, so there is nothing to go on: every exercise is shown."
)
NO_CHANGE_TODAY = N_("Your latest check-in does not call for any change: every exercise is shown.")
NOT_TODAY = N_(
    "Not for today: with your leg pain high or reaching far down, a straight leg or a slump can "
    "strain the nerve. Choose a version with the knee bent and the ankle relaxed, or leave it "
    "for a calmer day."
)


@dataclass(frozen=True, slots=True)
class LibraryView:
    """What the exercise list shows: an alert instead of exercises, or the matching ones."""

    alert: Triage | None
    exercises: tuple[Exercise, ...]
    today_note: str | None
    loosen: tuple[str, ...]
    cautions: dict[str, str] = field(default_factory=dict)  # exercise id -> About-me caution
    left_out: int = 0  # how many "Suits me today" left out because of About me


def library_view(
    catalog: Catalog,
    flt: ExerciseFilter,
    *,
    latest: CheckInInput | None,
    today: date | None = None,
    standing: Triage | None = None,
    about_me: AboutMe | None = None,
) -> LibraryView:
    """Filter the catalogue; with 'suits me today', adjust it to the latest check-in and About me.

    A warning sign that stands (`standing`, the one state every page reads) pauses every
    exercise; one the person has been seen about no longer does, whatever the latest check-in.
    Without 'suits me today', exercises that do not suit the person stay listed, with the reason.
    """
    alert = standing
    if alert is not None:
        # An emergency or urgent warning sign pauses every exercise suggestion (CLINICAL.md 4).
        return LibraryView(alert=alert, exercises=(), today_note=None, loosen=())
    gentle_only = easier_first = False
    note = None
    high_today = latest is not None and high_pain_why(
        leg_pain=latest.leg_pain, extent=latest.extent
    )
    if flt.suits_today and latest is None:
        note = _(NOTHING_TO_GO_ON)
    elif flt.suits_today and latest is not None:
        adjustment = today_adjustment(leg_pain=latest.leg_pain, extent=latest.extent)
        gentle_only, easier_first = adjustment.gentle_only, adjustment.easier_first
        note = adjustment.reason or _(NO_CHANGE_TODAY)
        if today is not None and latest.day < today:
            when = relative_day(latest.day, today=today)
            later = _("This goes by your check-in from {when}; check in today for a closer fit.")
            note += " " + later.format(when=when)
    found = filter_exercises(catalog, flt, gentle_only=gentle_only, easier_first=easier_first)
    on = today if today is not None else date.max  # unknown day: assume the later months
    fits = {exercise.id: suits(exercise, about_me, today=on) for exercise in found}
    cautions = {exercise_id: fit.reason for exercise_id, fit in fits.items() if fit.reason}
    if high_today:  # listed without "suits me today", but not gentle on such a day
        for exercise in found:
            if exercise.id not in cautions and Movement.NERVE_TENSION in exercise.movements:
                cautions[exercise.id] = _(NOT_TODAY)
    left_out = 0
    if flt.suits_today:
        kept = [exercise for exercise in found if fits[exercise.id].suits]
        left_out, found = len(found) - len(kept), kept
    loosen = () if found else tuple(suggest_loosening(catalog, flt, gentle_only=gentle_only))
    return LibraryView(
        alert=None,
        exercises=tuple(found),
        today_note=note,
        loosen=loosen,
        cautions=cautions,
        left_out=left_out,
    )


@dataclass(frozen=True, slots=True)
class Family:
    """An exercise family as listed: its main exercise, and the versions that matched."""

    root: Exercise
    versions: tuple[Exercise, ...]  # in the list's order (easier first when that was asked)


def families(catalog: Catalog, exercises: tuple[Exercise, ...]) -> list[Family]:
    """The matching exercises grouped into their families, each where its first one stands."""
    grouped: dict[str, list[Exercise]] = {}
    for exercise in exercises:
        grouped.setdefault(exercise.family_id, []).append(exercise)
    return [Family(catalog.get(root), tuple(versions)) for root, versions in grouped.items()]


def match_count(count: int, *, families: int) -> str:
    """'25 exercises in 12 families', '1 exercise in 1 family'."""
    exercises = ngettext("{count} exercise", "{count} exercises", count).format(count=count)
    groups = ngettext("{count} family", "{count} families", families).format(count=families)
    return _("{exercises} in {families}").format(exercises=exercises, families=groups)


def versions_label(family: Family) -> str:
    """'Bird dog · 5 versions' (how many are listed), or the name alone for a single one.

    Named by the first version listed, which is what matched: under "Seated" the hamstring
    family reads "Seated hamstring stretch", not the standing one it belongs to.
    """
    first, count = family.versions[0], len(family.versions)
    if count == 1:
        return first.name
    versions = ngettext("{count} version", "{count} versions", count).format(count=count)
    return f"{first.name} · {versions}"


def ladder_order(versions: tuple[Exercise, ...] | list[Exercise]) -> list[Exercise]:
    """The versions from easiest to hardest; comfort options (no easier, no harder) last."""
    return sorted(versions, key=lambda exercise: (exercise.comfort_option, exercise.ladder))


def left_out_note(count: int) -> str:
    """Why fewer exercises show: what the person said in About me (Safety page)."""
    return ngettext(
        "{count} exercise is left out because of what you said in About me (on the Safety page).",
        "{count} exercises are left out because of what you said in About me (on the Safety page).",
        count,
    ).format(count=count)


def loosen_hint(names: tuple[str, ...] | list[str]) -> str:
    """One sentence naming the filters to loosen when nothing matches."""
    if not names:
        return _("No exercises match.")
    listed = names[0]
    if len(names) > 1:
        listed = _("{some} or {last}").format(some=", ".join(names[:-1]), last=names[-1])
    return _("No exercises match. Try loosening {filters}.").format(filters=listed)


def exercise_figure(exercise_id: str) -> str:
    """The SVG picture of a shipped exercise, drawn once per id and language (it has words)."""
    return _figure(exercise_id, i18n.current())


@lru_cache(maxsize=256)
def _figure(exercise_id: str, language: Language) -> str:
    return exercise_figure_svg(load_catalog(language=language).get(exercise_id))
