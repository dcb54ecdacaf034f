"""A flare-up well above its day's check-in, mentioned beside the next session's advice.

The mention never changes the advice itself: the check-in remains the day's score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sciatica import clock
from sciatica.diary.flares import set_off_words
from sciatica.diary.models import FlareInput
from sciatica.i18n import ngettext

# A flare-up this many points above the day's check-in is mentioned beside the next session's
# advice; it never changes the advice itself (the check-in remains the day's score).
MENTION_ABOVE_CHECK_IN = 3


@dataclass(frozen=True, slots=True)
class FlareMention:
    """A flare-up well above its day's check-in, to mention beside the next session's advice."""

    flare: FlareInput
    check_in_leg_pain: int
    sentence: str


def flare_mention(
    flares: Sequence[FlareInput], *, check_in_leg_pain: Mapping[date, int], today: date
) -> FlareMention | None:
    """The highest flare-up 3 or more points above its day's check-in, with its sentence.

    A day without a check-in has no score to compare with, so its flare-ups are not mentioned.
    """
    above = [
        (flare.leg_pain - check_in_leg_pain[flare.day], flare)
        for flare in flares
        if flare.day in check_in_leg_pain
        and flare.leg_pain - check_in_leg_pain[flare.day] >= MENTION_ABOVE_CHECK_IN
    ]
    if not above:
        return None
    rise, flare = max(above, key=lambda pair: (pair[0], pair[1].at))
    when = clock.day_in_sentence(flare.day, today=today)
    values = {"when": when, "value": flare.leg_pain, "count": rise}
    if flare.triggers:
        sentence = ngettext(
            "A flare-up {set_off} {when}: leg pain {value}, {count} point above that day's "
            "check-in.",
            "A flare-up {set_off} {when}: leg pain {value}, {count} points above that day's "
            "check-in.",
            rise,
        ).format(set_off=set_off_words(flare.triggers), **values)
    else:
        sentence = ngettext(
            "A flare-up {when}: leg pain {value}, {count} point above that day's check-in.",
            "A flare-up {when}: leg pain {value}, {count} points above that day's check-in.",
            rise,
        ).format(**values)
    return FlareMention(flare, check_in_leg_pain[flare.day], sentence)
