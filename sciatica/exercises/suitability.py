"""Which exercises suit a person, from their About-me answers (CLINICAL.md section 7).

`suits(exercise, about_me, today=)` says whether an exercise suits them and, if not, why in one
plain sentence; the exercise library leaves out what does not suit from "Suits me today" and
shows the reason on its card, and the routine templates leave it out. The rules, each with its
reason and source:

- Pregnant, after about the first trimester (or stage unknown): nothing lying flat on the back
  or on the front (ACOG "Exercise during pregnancy"; CLINICAL.md 5 and 7).
- Back surgery in the last 6 months: gentle exercises only; the surgeon's or physiotherapist's
  programme comes first (CLINICAL.md 7; NICE NG59).
- Hip replacement: nothing bending the hip past 90 degrees or crossing the leg over the middle
  or turning the knee in, without the surgeon's go-ahead (Leeds Teaching Hospitals' hip
  precautions; CLINICAL.md 7).
- Osteoporosis: no repeated or pulled rounding of the back, no twisting (Royal Osteoporosis
  Society consensus; CLINICAL.md 7).
- Under 16: no exercises at all; a doctor should assess sciatica in a child (NICE NG59 covers
  people aged 16 and over).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sciatica.diary.models import AboutMe
from sciatica.exercises.models import Catalog, Exercise, Level, Movement, Position
from sciatica.i18n import _

LATER_PREGNANCY_POSITIONS = frozenset({Position.LYING_ON_BACK, Position.LYING_ON_FRONT})
HIP_REPLACEMENT_MOVEMENTS = frozenset({Movement.HIP_PAST_90, Movement.CROSSES_MIDLINE})
OSTEOPOROSIS_MOVEMENTS = frozenset({Movement.ROUNDS_BACK, Movement.TWISTS})


@dataclass(frozen=True, slots=True)
class Fit:
    """Whether an exercise suits the person, why not, and any caution if it does."""

    suits: bool
    reason: str = ""


SUITS = Fit(suits=True)


def suits(exercise: Exercise, about_me: AboutMe | None, *, today: date) -> Fit:
    """Whether the exercise suits someone with these About-me answers, and why not."""
    if about_me is None:
        return SUITS
    if about_me.under_16:
        return Fit(False, _("The app suggests no exercises for people under 16: see a doctor."))
    if about_me.later_pregnancy(today=today) and exercise.position in LATER_PREGNANCY_POSITIONS:
        if exercise.position is Position.LYING_ON_BACK:
            why = _(
                "Left out in pregnancy after about the first three months: "
                "it is done lying on your back."
            )
        else:
            why = _(
                "Left out in pregnancy after about the first three months: "
                "it is done lying on your front."
            )
        return Fit(False, why)
    if about_me.hip_replacement and HIP_REPLACEMENT_MOVEMENTS & set(exercise.movements):
        return Fit(
            False,
            _(
                "With a hip replacement this needs your surgeon's go-ahead: it bends the hip "
                "past a right angle or crosses the leg over the middle."
            ),
        )
    if about_me.osteoporosis and OSTEOPOROSIS_MOVEMENTS & set(exercise.movements):
        return Fit(
            False,
            _("With osteoporosis this is left out: it rounds or twists the back."),
        )
    if about_me.back_surgery and exercise.level is not Level.GENTLE:
        return Fit(
            False,
            _(
                "After back surgery in the last 6 months, the app shows only gentle exercises; "
                "ask your surgeon or physiotherapist before doing more."
            ),
        )
    if about_me.hip_replacement and Movement.LEANS_FORWARD in exercise.movements:
        return Fit(
            True, _("With a hip replacement, lean only a little: keep the hip bend under 90.")
        )
    return SUITS


def suitable(exercises: list[Exercise], about_me: AboutMe | None, *, today: date) -> list[Exercise]:
    """The exercises that suit the person, in the order given."""
    return [exercise for exercise in exercises if suits(exercise, about_me, today=today).suits]


def safe_alternative(
    catalog: Catalog, exercise_id: str, about_me: AboutMe | None, *, today: date
) -> Exercise | None:
    """The exercise if it suits, else the nearest version of it that does (easier first)."""
    exercise = catalog.get(exercise_id)
    if suits(exercise, about_me, today=today).suits:
        return exercise
    members = [
        member
        for member in catalog.exercises
        if member.family_id == exercise.family_id and not member.comfort_option
    ]
    by_distance = sorted(
        members, key=lambda member: (abs(member.ladder - exercise.ladder), member.ladder)
    )
    return next(
        (member for member in by_distance if suits(member, about_me, today=today).suits), None
    )
