"""A separate process that saves check-ins and acknowledges each one once it is committed.

Run as `python -m tests.integration.writer URL FIRST_DAY COUNT DAYS USER`: save COUNT check-ins
cycling over DAYS days from FIRST_DAY, printing "DAY NUMBER" for each, flushed, only after
`save_check_in` has returned.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from sciatica.diary.models import CheckInInput, TriageLevel
from sciatica.storage.store import Store


def main(url: str, first_day: str, count: int, days: int, user: str) -> None:
    store = Store.open(url)
    start = date.fromisoformat(first_day)
    for number in range(count):
        day = start + timedelta(days=number % days)
        entry = CheckInInput(
            day=day,
            leg_pain=number % 11,
            back_pain=(number * 7) % 11,
            notes=f"writer {user} save {number}",
        )
        store.save_check_in(user_id=user, entry=entry, triage_level=TriageLevel.NONE)
        print(f"{day.isoformat()} {number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
