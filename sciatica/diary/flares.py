"""Flare-ups: quick pain entries during the day, beside the one daily check-in.

Owns what the quick entry offers (what set a flare-up off and what helped, from
data/flare_triggers.yaml), the rules an entry from the form or a file must meet (`parse_flare`,
the one place they are checked), saving, changing and deleting one, and how one reads.

The check-in stays the day's official score: flare-ups never enter the summary, the clinically
important change or the plan's rules. They show the day's range on Progress and, when one was
well above that day's check-in, are mentioned beside the next session's advice
(`diary.flare_mention`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from datetime import time as time_of_day
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from sciatica import clock, i18n
from sciatica.content import DATA_DIR, ContentError, Frozen, load_yaml
from sciatica.diary.models import FLARE_LABELS, FlareEntry, FlareInput, describe_errors
from sciatica.diary.ports import FlareRepository
from sciatica.i18n import Language, Text, _

EDITABLE_DAYS = 2  # today and yesterday: the quick entry is for what just happened
# Fifty a day is one every twenty minutes of a waking day, more than anyone notes by hand; a
# limit keeps a day's list, the pages that read it and an imported file's days bounded.
MAX_FLARES_PER_DAY = 50


class FlareRejected(ValueError):
    """A flare-up cannot be saved; `problems` says why, one plain sentence each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


class Choice(Frozen):
    """One thing that set a flare-up off or helped: its stored key and its label."""

    key: str = Field(pattern=r"^[a-z_]{1,32}$")
    label: Text = Field(min_length=2, max_length=30)
    in_sentence: Text | None = Field(
        default=None,
        min_length=2,
        max_length=40,
        description="How a trigger reads after 'A flare-up' when 'after' + its label would not.",
    )


class FlareChoices(Frozen):
    """The flare-up file: what set it off, what helped."""

    triggers: tuple[Choice, ...] = Field(min_length=1)
    helped: tuple[Choice, ...] = Field(min_length=1)

    def trigger_labels(self) -> dict[str, str]:
        """Label of each trigger, by key, in the file's order."""
        return {choice.key: choice.label for choice in self.triggers}

    def helped_labels(self) -> dict[str, str]:
        """Label of each thing that helped, by key, in the file's order."""
        return {choice.key: choice.label for choice in self.helped}


def flare_choices(language: Language | None = None) -> FlareChoices:
    """The quick entry's choices from data/flare_triggers.yaml (`load_choices`), in a language.

    The current language unless given; each language is read once.
    """
    return _flare_choices(language or i18n.current())


@cache
def _flare_choices(language: Language) -> FlareChoices:
    return load_choices(DATA_DIR / "flare_triggers.yaml", language=language)


def load_choices(path: Path, *, language: Language | None = None) -> FlareChoices:
    """A choices file, validated, each key once per list; ContentError names what is wrong.

    Every label is given in each language (`{en: ..., sv: ...}`); the one asked for is kept.
    """
    loaded = load_yaml(path, FlareChoices, language=language)
    for name in ("triggers", "helped"):
        keys = [choice.key for choice in getattr(loaded, name)]
        if len(set(keys)) != len(keys):
            raise ContentError(f"{path.name}: {name}: keys must be unique")
    return loaded


def label(key: str, labels: Mapping[str, str]) -> str:
    """A key's label; one no longer offered reads as its own words."""
    return labels.get(key, key.replace("_", " ").capitalize())


def parse_flare(data: Mapping[str, Any], *, now: datetime, today: date | None = None) -> FlareInput:
    """Validate a flare-up from the quick entry (`today` given) or from a file.

    Every rule for what may be entered lives here: the shape (`FlareInput`: values 0-10, the
    time on its day, a short note), no time in the future, triggers and reliefs the app knows,
    and from the quick entry only today or yesterday. Raises FlareRejected listing each problem.
    """
    try:
        entry = FlareInput.model_validate(dict(data))
    except ValidationError as error:
        raise FlareRejected(describe_errors(error, model=FlareInput, labels=FLARE_LABELS)) from None
    problems = []
    if entry.at > now:
        problems.append(_("Time: cannot be in the future."))
    if today is not None and not today - timedelta(days=EDITABLE_DAYS - 1) <= entry.day <= today:
        problems.append(_("Date: a flare-up can be noted for today or yesterday."))
    choices = flare_choices()
    for field, known in (
        ("triggers", choices.trigger_labels()),
        ("helped", choices.helped_labels()),
    ):
        unknown = [key for key in getattr(entry, field) if key not in known]
        if unknown:
            names = ", ".join(unknown)
            label_words = FLARE_LABELS[field]
            problems.append(
                _("{field}: {names} is not one the app knows.").format(
                    field=_(label_words), names=names
                )
            )
    if problems:
        raise FlareRejected(problems)
    return entry


def quick_entry_data(
    *,
    day: date,
    wall: time_of_day,
    timezone: str | None,
    leg_pain: int | None,
    back_pain: int | None = None,
    triggers: Iterable[str] = (),
    helped: Iterable[str] = (),
    note: str = "",
) -> dict[str, Any]:
    """The quick entry's answers as `parse_flare` reads them: a day, a wall-clock time, values."""
    return {
        "day": day,
        "at": clock.moment_at(day, wall, timezone),
        "leg_pain": leg_pain,
        "back_pain": back_pain,
        "triggers": tuple(triggers),
        "helped": tuple(helped),
        "note": note,
    }


def day_is_full_message(day: date) -> str:
    """Why no more flare-ups fit on a day: 'At most 50 flare-ups a day: 14 Mar 2027 has 50.'"""
    return _("At most {limit} flare-ups a day: {day} has {limit} already.").format(
        limit=MAX_FLARES_PER_DAY, day=i18n.format_date(day, "dd MMM y")
    )


def _room_on(
    store: FlareRepository, *, user_id: str, day: date, besides: int | None = None
) -> None:
    """FlareRejected when the day already holds the most flare-ups a day may (other than one)."""
    held = store.flares_between(user_id=user_id, start=day, end=day)
    if sum(1 for flare in held if flare.id != besides) >= MAX_FLARES_PER_DAY:
        raise FlareRejected([day_is_full_message(day)])


def add_flare(store: FlareRepository, *, user_id: str, entry: FlareInput) -> FlareEntry:
    """Save a new flare-up, if its day has room (`MAX_FLARES_PER_DAY`); committed on return."""
    _room_on(store, user_id=user_id, day=entry.day)
    return store.add_flare(user_id=user_id, entry=entry)


def change_flare(
    store: FlareRepository, *, user_id: str, flare_id: int, entry: FlareInput
) -> FlareEntry:
    """Replace a flare-up of the person's own; LookupError if there is none with that id."""
    _room_on(store, user_id=user_id, day=entry.day, besides=flare_id)
    return store.change_flare(user_id=user_id, flare_id=flare_id, entry=entry)


def delete_flare(store: FlareRepository, *, user_id: str, flare_id: int) -> None:
    """Delete a flare-up of the person's own; LookupError if there is none with that id."""
    store.delete_flare(user_id=user_id, flare_id=flare_id)


def recent_flares(store: FlareRepository, *, user_id: str, today: date) -> list[FlareEntry]:
    """The flare-ups of today and yesterday, the ones the quick entry can change, oldest first."""
    start = today - timedelta(days=EDITABLE_DAYS - 1)
    return store.flares_between(user_id=user_id, start=start, end=today)


def flares_between(
    store: FlareRepository, *, user_id: str, start: date, end: date
) -> list[FlareEntry]:
    """The flare-ups from start to end inclusive, oldest first."""
    return store.flares_between(user_id=user_id, start=start, end=end)


def describe(entry: FlareInput, *, timezone: str | None) -> str:
    """'leg pain 7 at 14:05, after sitting; walking helped' (the note is shown apart, as text)."""
    choices = flare_choices()
    when = clock.local(entry.at, timezone)
    words = _("leg pain {value} at {time}").format(value=entry.leg_pain, time=f"{when:%H:%M}")
    if entry.back_pain is not None:
        words = _("{words}, back pain {value}").format(words=words, value=entry.back_pain)
    if entry.triggers:
        words = _("{words}, {set_off}").format(words=words, set_off=set_off_words(entry.triggers))
    if entry.helped:
        helped = [label(key, choices.helped_labels()).lower() for key in entry.helped]
        words = _("{words}; {helped} helped").format(words=words, helped=_and(helped))
    return words


def set_off_words(keys: Sequence[str]) -> str:
    """What set a flare-up off, as a sentence says it: 'after sitting and driving'.

    A trigger with words of its own reads as them: 'at night in bed', never 'after at night'.
    """
    choices = {choice.key: choice for choice in flare_choices().triggers}
    labels = flare_choices().trigger_labels()
    after = [
        label(key, labels).lower()
        for key in keys
        if key not in choices or not choices[key].in_sentence
    ]
    own = [
        str(choices[key].in_sentence) for key in keys if key in choices and choices[key].in_sentence
    ]
    parts = [_("after {triggers}").format(triggers=_and(after))] if after else []
    return _and(parts + own)


def saved_message(entry: FlareInput, *, timezone: str | None, today: date, changed: bool) -> str:
    """What saving did, in one line: 'Saved: leg pain 7 at 14:05, after sitting.'"""
    what = describe(entry, timezone=timezone)
    if entry.day != today:
        day = clock.relative_day(entry.day, today=today)
        if changed:
            return _("Changed: {flare} ({day}).").format(flare=what, day=day)
        return _("Saved: {flare} ({day}).").format(flare=what, day=day)
    if changed:
        return _("Changed: {flare}.").format(flare=what)
    return _("Saved: {flare}.").format(flare=what)


def _and(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' (in the current language: 'a, b och c')."""
    return i18n.format_list(parts) if parts else ""
