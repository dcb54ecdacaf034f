"""What the My data page says: before and after an import, and before deleting everything.

Sentences only, built from counts the services give; every counted noun goes through
`content.plural`.
"""

from __future__ import annotations

from datetime import date

from sciatica.content import plural

# Everything `Store.delete_user_data` removes, in the person's words (the deletion promise).
DELETED_WITH_THE_DIARY = (
    "your routines, with their history of changes and the suggestions you accepted or dismissed",
    "your logged exercise sessions",
    "your flare-ups",
    "About me (your answers on the Safety page)",
    "the warning signs you said you have been seen about",
    "your settings, such as the country for the emergency number",
)


def diary_size(check_ins: int) -> str:
    """'Your diary holds 1 check-in.'"""
    return f"Your diary holds {plural(check_ins, 'check-in', 'check-ins')}."


def file_holds(
    *, check_ins: int, routines: int, sessions: int, first: date | None, last: date | None
) -> str:
    """'The file holds 3 check-ins, 2026-01-01 to 2026-01-03, 1 routine and 0 sessions.'"""
    span = f", {first} to {last}" if first and last else ""
    return (
        f"The file holds {plural(check_ins, 'check-in', 'check-ins')}{span}, "
        f"{plural(routines, 'routine', 'routines')} and "
        f"{plural(sessions, 'session', 'sessions')}."
    )


def days_already_there(days: list[date], *, shown: int = 10) -> str:
    """'1 of these days is already in your diary: 2026-01-02.' (the first few named)."""
    listed = ", ".join(str(day) for day in days[:shown])
    more = len(days) - shown
    tail = f" and {more} more" if more > 0 else ""
    already = plural(
        len(days),
        "{n} of these days is already in your diary",
        "{n} of these days are already in your diary",
    )
    return f"{already}: {listed}{tail}."


def imported(*, written: int, kept: int, routines: int = 0, sessions: int = 0) -> str:
    """What an import did, the days kept as they were included (none written is said plainly)."""
    if written:
        done = f"Imported {plural(written, 'check-in', 'check-ins')}"
    else:
        done = "No check-ins were imported"
    if kept:
        done += "; " + plural(
            kept,
            "the {n} day already in your diary stayed as it was",
            "the {n} days already in your diary stayed as they were",
        )
    if routines or sessions:
        done += (
            f"; also imported {plural(routines, 'routine', 'routines')} and "
            f"{plural(sessions, 'session', 'sessions')}"
        )
    return done + "."


def flares_held(flares: int) -> str:
    """' It also holds 3 flare-ups.' after what a file holds, or nothing without any."""
    return f" It also holds {plural(flares, 'flare-up', 'flare-ups')}." if flares else ""


def what_deleting_removes(check_ins: int) -> list[str]:
    """Everything that deleting all data removes, the check-ins counted, one item a line."""
    return [plural(check_ins, "check-in", "check-ins"), *DELETED_WITH_THE_DIARY]


def deleted(check_ins: int) -> str:
    """'Deleted 1 check-in and everything else this app stored about you.'"""
    return (
        f"Deleted {plural(check_ins, 'check-in', 'check-ins')} and everything else this app "
        "stored about you."
    )
