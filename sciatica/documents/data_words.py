"""What the My data page says: before and after an import, and before deleting everything.

Sentences only, built from counts the services give; every counted noun goes through
`ngettext`, so each language gives its own plural. Days are shown as ISO dates (2026-01-02),
as the files themselves hold them.
"""

from __future__ import annotations

from datetime import date

from sciatica.i18n import N_, _, ngettext

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


def imported(*, written: int, kept: int, routines: int = 0, sessions: int = 0) -> str:
    """What an import did, the days kept as they were included (none written is said plainly)."""
    if written:
        parts = [
            ngettext("Imported {count} check-in", "Imported {count} check-ins", written).format(
                count=written
            )
        ]
    else:
        parts = [_("No check-ins were imported")]
    if kept:
        parts.append(
            ngettext(
                "the {count} day already in your diary stayed as it was",
                "the {count} days already in your diary stayed as they were",
                kept,
            ).format(count=kept)
        )
    if routines or sessions:
        parts.append(
            _("also imported {routines} and {sessions}").format(
                routines=_routines(routines), sessions=_sessions(sessions)
            )
        )
    return "; ".join(parts) + "."


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
