"""Two devices, one day, on SQLite and PostgreSQL: a save made against what the form was opened
with never silently replaces a check-in saved elsewhere since, even at the same instant."""

from __future__ import annotations

import threading

import pytest

from sciatica.diary.check_in import CheckInChanged, OpenedWith, record_check_in
from sciatica.diary.models import TriageLevel
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in

USER = "local"


def test_a_save_over_a_day_changed_since_the_form_opened_is_refused_and_writes_nothing(
    store: Store,
) -> None:
    day = factories.today()
    opened = OpenedWith(None)  # the form opened on an empty day
    store.save_check_in(
        user_id=USER, entry=make_check_in(day=day, leg_pain=8), triage_level=TriageLevel.NONE
    )
    with pytest.raises(CheckInChanged) as changed:
        record_check_in(
            store,
            user_id=USER,
            entry=make_check_in(day=day, leg_pain=4),
            today=day,
            opened_with=opened,
        )
    assert changed.value.current is not None
    assert changed.value.current.leg_pain == 8
    saved = store.get_check_in(user_id=USER, day=day)
    assert saved is not None
    assert saved.leg_pain == 8

    # Knowing the other device's version, the person may replace it.
    outcome = record_check_in(
        store,
        user_id=USER,
        entry=make_check_in(day=day, leg_pain=4),
        today=day,
        opened_with=OpenedWith(changed.value.current.updated_at),
    )
    assert outcome.updated
    assert outcome.check_in.leg_pain == 4


def test_an_unchanged_day_saves_as_before(store: Store) -> None:
    day = factories.today()
    first = record_check_in(
        store, user_id=USER, entry=make_check_in(day=day), today=day, opened_with=OpenedWith(None)
    )
    again = record_check_in(
        store,
        user_id=USER,
        entry=make_check_in(day=day, leg_pain=1),
        today=day,
        opened_with=OpenedWith(first.check_in.updated_at),
    )
    assert again.updated
    assert again.check_in.leg_pain == 1


@pytest.mark.parametrize("round_", range(5))
def test_two_devices_saving_the_same_day_at_once_keep_one_and_ask_the_other(
    database_url: str, round_: int
) -> None:
    day = factories.today()
    stores = [Store.open(database_url) for _ in range(2)]
    start = threading.Barrier(2)
    results: list[object] = [None, None]

    def device(number: int) -> None:
        start.wait()
        try:
            results[number] = record_check_in(
                stores[number],
                user_id=USER,
                entry=make_check_in(day=day, leg_pain=number + 2),
                today=day,
                opened_with=OpenedWith(None),
            )
        except CheckInChanged as changed:
            results[number] = changed

    threads = [threading.Thread(target=device, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        refused = [result for result in results if isinstance(result, CheckInChanged)]
        assert len(refused) == 1, results  # one saved, the other is asked, never both "Saved"
        saved = stores[0].get_check_in(user_id=USER, day=day)
        assert saved is not None
        assert refused[0].current is not None
        assert refused[0].current.leg_pain == saved.leg_pain
    finally:
        for store in stores:
            store.close()
