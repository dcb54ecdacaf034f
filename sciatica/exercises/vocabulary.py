"""The catalogue's words: kinds, target areas, positions, movements, equipment and levels.

Each is a closed set of values, with plain words in the person's language (`label`). The
models in `exercises.models` use them, and bring them along for whoever imports the models.
"""

from __future__ import annotations

from enum import StrEnum

from sciatica.i18n import N_, _


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        """Plain words for the value, in the current language."""
        label = _LABELS.get(self.value)
        return _(label) if label else self.value.replace("_", " ").capitalize()


class Kind(_Labelled):
    """What sort of exercise it is."""

    STRETCH = "stretch"
    STRENGTHENING = "strengthening"
    AEROBIC = "aerobic"
    NERVE_MOBILITY = "nerve_mobility"


class TargetArea(_Labelled):
    """Part of the body the exercise works on."""

    LOWER_BACK = "lower_back"
    GLUTES_PIRIFORMIS = "glutes_piriformis"
    HAMSTRINGS = "hamstrings"
    CORE = "core"
    HIPS = "hips"


class Position(_Labelled):
    """The position the exercise starts from."""

    LYING_ON_BACK = "lying_on_back"
    SIDE_LYING = "side_lying"
    LYING_ON_FRONT = "lying_on_front"
    ALL_FOURS = "all_fours"
    SEATED = "seated"
    STANDING = "standing"
    IN_WATER = "in_water"


class Movement(_Labelled):
    """A movement in the exercise that some people are advised to avoid (About me rules)."""

    HIP_PAST_90 = "hip_past_90"  # the hip bends past a right angle
    CROSSES_MIDLINE = "crosses_midline"  # a leg crosses the middle, or the knee turns in
    LEANS_FORWARD = "leans_forward"  # a lean from the hips that can take the hip towards 90
    ROUNDS_BACK = "rounds_back"  # the back rounds forward, again and again or pulled
    TWISTS = "twists"  # the back twists
    # The knee straight with the trunk leaning forward or the ankle pulled up (a slump or a
    # straight leg): it tensions the sciatic nerve, not only the hamstring (CLINICAL.md 8).
    NERVE_TENSION = "nerve_tension"


class Equipment(_Labelled):
    """What you need for the exercise."""

    NONE = "none"
    STEP = "step"
    TOWEL = "towel"
    RESISTANCE_BAND = "resistance_band"
    CHAIR = "chair"
    MAT = "mat"
    POOL = "pool"
    ELLIPTICAL = "elliptical"


class Level(_Labelled):
    """How demanding the exercise is."""

    GENTLE = "gentle"
    MODERATE = "moderate"


# Each value's plain words, marked here and translated where shown (`label`).
_LABELS = {
    "stretch": N_("Stretch"),
    "strengthening": N_("Strengthening"),
    "aerobic": N_("Aerobic"),
    "nerve_mobility": N_("Nerve mobility"),
    "lower_back": N_("Lower back"),
    "glutes_piriformis": N_("Glutes and piriformis"),
    "hamstrings": N_("Hamstrings"),
    "core": N_("Core"),
    "hips": N_("Hips"),
    "lying_on_back": N_("Lying on back"),
    "side_lying": N_("Side lying"),
    "lying_on_front": N_("Lying on front"),
    "all_fours": N_("All fours"),
    "seated": N_("Seated"),
    "standing": N_("Standing"),
    "in_water": N_("In water"),
    "hip_past_90": N_("Hip past 90"),
    "crosses_midline": N_("Crosses midline"),
    "leans_forward": N_("Leans forward"),
    "rounds_back": N_("Rounds back"),
    "twists": N_("Twists"),
    "nerve_tension": N_("Tensions the nerve"),
    "none": N_("No equipment"),
    "step": N_("Step"),
    "towel": N_("Towel"),
    "resistance_band": N_("Resistance band"),
    "chair": N_("Chair"),
    "mat": N_("Mat"),
    "pool": N_("Swimming pool"),
    "elliptical": N_("Elliptical trainer"),
    "gentle": N_("Gentle"),
    "moderate": N_("Moderate"),
}
