"""What the My data page says: before and after an import, and before deleting everything.

Sentences only, built from counts the services give; every counted noun goes through
`ngettext`, so each language gives its own plural. Days are shown as ISO dates (2026-01-02),
as the files themselves hold them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sciatica.i18n import N_, _, format_list, ngettext
from sciatica.storage.import_report import ImportReport

# Everything `Store.delete_user_data` removes, in the person's words (the deletion promise).
DELETED_WITH_THE_DIARY = (
    N_(
        "your routines, with their history of changes and the suggestions you accepted or dismissed"
    ),
    N_("your logged exercise sessions"),
    N_("your flare-ups"),
    N_("About me (your answers on the Safety page)"),
    N_("the warning signs you said you have been seen about"),
    N_("your settings, such as the country for the emergency number"),
    N_("every share of your diary with a clinician (they end at once) and the log of their views"),
)


def _check_ins(count: int) -> str:
    return ngettext("{count} check-in", "{count} check-ins", count).format(count=count)


def _routines(count: int) -> str:
    return ngettext("{count} routine", "{count} routines", count).format(count=count)


def _sessions(count: int) -> str:
    return ngettext("{count} session", "{count} sessions", count).format(count=count)


def diary_size(check_ins: int) -> str:
    """'Your diary holds 1 check-in.'"""
    return ngettext(
        "Your diary holds {count} check-in.", "Your diary holds {count} check-ins.", check_ins
    ).format(count=check_ins)


def file_holds(
    *, check_ins: int, routines: int, sessions: int, first: date | None, last: date | None
) -> str:
    """'The file holds 3 check-ins, 2026-01-01 to 2026-01-03, 1 routine and 0 sessions.'"""
    if first and last:
        return _(
            "The file holds {check_ins}, {first} to {last}, {routines} and {sessions}."
        ).format(
            check_ins=_check_ins(check_ins),
            first=first,
            last=last,
            routines=_routines(routines),
            sessions=_sessions(sessions),
        )
    return _("The file holds {check_ins}, {routines} and {sessions}.").format(
        check_ins=_check_ins(check_ins), routines=_routines(routines), sessions=_sessions(sessions)
    )


def days_already_there(days: list[date], *, shown: int = 10) -> str:
    """'1 of these days is already in your diary: 2026-01-02.' (the first few named)."""
    listed = ", ".join(str(day) for day in days[:shown])
    more = len(days) - shown
    if more > 0:
        listed = _("{days} and {count} more").format(days=listed, count=more)
    return ngettext(
        "{count} of these days is already in your diary: {days}.",
        "{count} of these days are already in your diary: {days}.",
        len(days),
    ).format(count=len(days), days=listed)


def flares_held(flares: int) -> str:
    """' It also holds 3 flare-ups.' after what a file holds, or nothing without any."""
    if not flares:
        return ""
    return " " + ngettext(
        "It also holds {count} flare-up.", "It also holds {count} flare-ups.", flares
    ).format(count=flares)


def what_deleting_removes(check_ins: int) -> list[str]:
    """Everything that deleting all data removes, the check-ins counted, one item a line."""
    return [_check_ins(check_ins), *(_(thing) for thing in DELETED_WITH_THE_DIARY)]


def deleted(check_ins: int) -> str:
    """'Deleted 1 check-in and everything else this app stored about you.'"""
    return ngettext(
        "Deleted {count} check-in and everything else this app stored about you.",
        "Deleted {count} check-ins and everything else this app stored about you.",
        check_ins,
    ).format(count=check_ins)


SETTING_WORDS = {
    "language": N_("your language"),
    "country": N_("your country"),
    "about_me": N_("About me"),
}


FILE_SETTING_WORDS = {
    "language": N_("language"),
    "country": N_("country"),
    "about_me": N_("About me"),
}


def import_report(report: ImportReport) -> str:
    """What an import added, changed and left alone, flare-ups and settings included."""
    if not report.changed_anything:
        said = [_("Nothing in your diary changed")]
    else:
        said = [part for part in _what_was_written(report) if part]
    said.extend(part for part in _what_stayed(report) if part)
    text = "; ".join(said)
    return text[:1].upper() + text[1:] + "."


def _what_was_written(report: ImportReport) -> list[str]:
    counted: list[tuple[int, Callable[[int], str]]] = [
        (
            report.check_ins_added,
            lambda n: ngettext("{count} check-in added", "{count} check-ins added", n),
        ),
        (
            report.check_ins_changed,
            lambda n: ngettext("{count} check-in changed", "{count} check-ins changed", n),
        ),
        (
            report.routines_added,
            lambda n: ngettext("{count} routine added", "{count} routines added", n),
        ),
        (
            report.sessions_added,
            lambda n: ngettext("{count} session added", "{count} sessions added", n),
        ),
        (
            report.flares_added,
            lambda n: ngettext("{count} flare-up added", "{count} flare-ups added", n),
        ),
        (
            report.flares_replaced_days,
            lambda n: ngettext(
                "the flare-ups of {count} day replaced with the file's",
                "the flare-ups of {count} days replaced with the file's",
                n,
            ),
        ),
    ]
    parts = [words(count).format(count=count) for count, words in counted if count]
    if report.settings_taken:
        settings = format_list([_(SETTING_WORDS[name]) for name in report.settings_taken])
        parts.append(_("{settings} taken from the file").format(settings=settings))
    return parts


def _what_stayed(report: ImportReport) -> list[str]:
    same = report.check_ins_same + report.routines_same + report.sessions_same
    same += report.flares_same_days
    parts = []
    if same:
        parts.append(
            ngettext(
                "{count} record was already in your diary as it is in the file",
                "{count} records were already in your diary as they are in the file",
                same,
            ).format(count=same)
        )
    kept = report.check_ins_kept + report.flares_kept_days
    if kept:
        parts.append(
            ngettext(
                "{count} day already in your diary stayed as it was",
                "{count} days already in your diary stayed as they were",
                kept,
            ).format(count=kept)
        )
    if report.settings_kept:
        words = format_list([_(SETTING_WORDS[name]) for name in report.settings_kept])
        parts.append(_("{settings} stayed yours (the file's differ)").format(settings=words))
    return parts


def another_diary(
    *,
    differing_days: int,
    other_routines: list[str],
    settings: tuple[str, ...],
    new_days: int,
    sessions: int,
) -> str:
    """Why a file looks like someone else's diary, and what "Keep what I have" would merge."""
    reasons = []
    if differing_days:
        reasons.append(
            ngettext(
                "{count} of its days has other answers than yours",
                "{count} of its days have other answers than yours",
                differing_days,
            ).format(count=differing_days)
        )
    if other_routines:
        reasons.append(
            _("its routines ({names}) are not yours").format(names=format_list(other_routines))
        )
    if settings:
        words = format_list([_(FILE_SETTING_WORDS[name]) for name in settings])
        reasons.append(_("its {settings} differ from yours").format(settings=words))
    merged = []
    if new_days:
        merged.append(_days(new_days))
    if other_routines:
        merged.append(_routines(len(other_routines)))
    if sessions:
        merged.append(_sessions(sessions))
    if not merged:
        return _(
            "This file looks like it comes from another diary: {reasons}. With \u201cKeep what "
            "I have\u201d, your days, settings and About me stay as they are."
        ).format(reasons="; ".join(reasons))
    return _(
        "This file looks like it comes from another diary: {reasons}. With \u201cKeep what I "
        "have\u201d, your days, settings and About me stay as they are, and {merged} from the "
        "file would be added beside yours."
    ).format(reasons="; ".join(reasons), merged=format_list(merged))


def _days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)
