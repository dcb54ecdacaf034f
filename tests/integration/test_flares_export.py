"""Flare-ups in the export (format 4) and the CSV: out and back to the same data, or not at all."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica import clock
from sciatica.diary.flares import add_flare, flare_choices
from sciatica.diary.models import FlareInput, TriageLevel
from sciatica.documents.export import (
    ImportRejected,
    apply_import,
    export_data,
    export_json,
    parse_import,
    preview_import,
)
from sciatica.documents.flares_csv import FLARE_CSV_COLUMNS, flares_csv
from sciatica.storage.store import Store
from tests import factories
from tests.factories import days_ago, flare_data, make_check_in, make_flare

USER = "local"


def three_flare_ups_and_a_check_in(store: Store) -> None:
    """Yesterday: a check-in at 4, and flare-ups at 9:30, 14:05 and 21:00."""
    check_in = make_check_in(day=days_ago(1), leg_pain=4, notes="Long drive")
    store.save_check_in(user_id=USER, entry=check_in, triage_level=TriageLevel.NONE)
    for wall, leg, triggers, helped, note in (
        (time(9, 30), 6, ("sitting",), (), ""),
        (time(14, 5), 8, ("driving", "sitting"), ("walking",), "After the car journey"),
        (time(21), 5, (), ("lying_down", "heat"), ""),
    ):
        entry = make_flare(
            days_back=1, wall=wall, leg_pain=leg, triggers=triggers, helped=helped, note=note
        )
        add_flare(store, user_id=USER, entry=entry)


def reimported(store: Store, target: Store, **options: Any) -> dict[str, Any]:
    plan = parse_import(export_json(store, user_id=USER), today=factories.today())
    apply_import(target, user_id=USER, plan=plan, **options)
    return export_data(target, user_id=USER)


def diary(data: dict[str, Any]) -> dict[str, Any]:
    """An export without its moment of writing."""
    return {key: value for key, value in data.items() if key != "exported_at"}


def test_three_flare_ups_and_the_check_in_of_one_day_export_and_import_to_the_same_data(
    store: Store, tmp_path: Path
) -> None:
    three_flare_ups_and_a_check_in(store)
    before = export_data(store, user_id=USER)
    assert before["version"] == 5
    assert [flare["leg_pain"] for flare in before["flares"]] == [6, 8, 5]
    assert before["flares"][1] == {
        "day": days_ago(1).isoformat(),
        "at": before["flares"][1]["at"],
        "leg_pain": 8,
        "back_pain": None,
        "triggers": ["driving", "sitting"],
        "helped": ["walking"],
        "note": "After the car journey",
    }
    assert before["flares"][1]["at"].endswith("Z")  # kept in UTC
    empty = Store.open(f"sqlite:///{tmp_path / 'empty.db'}")
    assert diary(reimported(store, empty)) == diary(before)
    # The same file again into the diary it came from adds nothing and changes nothing.
    assert diary(reimported(store, store)) == diary(before)
    assert diary(reimported(store, store, replace_existing=False)) == diary(before)
    empty.close()


def test_the_preview_counts_the_flare_ups(store: Store) -> None:
    three_flare_ups_and_a_check_in(store)
    plan = parse_import(export_json(store, user_id=USER), today=factories.today())
    preview = preview_import(store, user_id=USER, plan=plan)
    assert (preview.check_ins, preview.flares) == (1, 3)


def test_a_days_flare_ups_are_replaced_by_the_files_or_kept_as_the_diary_has_them(
    store: Store, tmp_path: Path
) -> None:
    three_flare_ups_and_a_check_in(store)
    raw = export_json(store, user_id=USER)
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    add_flare(other, user_id=USER, entry=make_flare(days_back=1, wall=time(7), leg_pain=2))
    add_flare(other, user_id=USER, entry=make_flare(days_back=2, wall=time(7), leg_pain=3))
    plan = parse_import(raw, today=factories.today())
    apply_import(other, user_id=USER, plan=plan, replace_existing=False)
    kept = other.flares_between(user_id=USER, start=days_ago(2), end=days_ago(0))
    assert [flare.leg_pain for flare in kept] == [3, 2]
    apply_import(other, user_id=USER, plan=plan)
    replaced = other.flares_between(user_id=USER, start=days_ago(2), end=days_ago(0))
    assert [flare.leg_pain for flare in replaced] == [3, 6, 8, 5]  # another day is untouched
    other.close()


def version_four(*flares: dict[str, Any]) -> str:
    return json.dumps(
        {
            "format": "sciatica-export",
            "version": 4,
            "exported_at": factories.exported_at(),
            "check_ins": [],
            "flares": json.loads(json.dumps(flares, default=str)),
        }
    )


def problems(raw: str) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        parse_import(raw, today=factories.today())
    return caught.value.problems


def test_hostile_flare_ups_are_each_named_and_nothing_is_imported(store: Store) -> None:
    later = clock.now() + timedelta(hours=2)
    yesterday = days_ago(1).isoformat()
    raw = version_four(
        flare_data(days_back=1),
        flare_data(day=clock.day_at(later, None), at=later),
        flare_data(days_back=1, day=days_ago(5)),
        flare_data(days_back=1, leg_pain=11),
        flare_data(days_back=1, triggers=["sitting", "dancing"]),
        flare_data(days_back=1, note="x" * 201),
        flare_data(days_back=1, at="yesterday at noon"),
        flare_data(day="1899-12-31", at="1899-12-31T12:00:00Z"),
    )
    found = problems(raw)
    assert found[0] == f"Flare-up 2 ({clock.day_at(later, None)}): Time: cannot be in the future."
    assert found[1].startswith(f"Flare-up 3 ({days_ago(5)}): Time: ")
    assert "is not on" in found[1]
    assert found[2] == f"Flare-up 4 ({yesterday}): Leg pain: must be between 0 and 10."
    assert found[3] == (
        f"Flare-up 5 ({yesterday}): What set it off: dancing is not one the app knows."
    )
    assert found[4].startswith(f"Flare-up 6 ({yesterday}): Note: string should have at most 200")
    assert found[5].startswith(f"Flare-up 7 ({yesterday}): Time: input should be a valid date")
    assert found[6].startswith("Flare-up 8 (1899-12-31): Date: must be on or after")
    assert len(found) == 7
    assert store.count_flares(user_id=USER) == 0


def test_a_flare_up_that_is_not_an_object_is_refused_with_the_file(store: Store) -> None:
    raw = json.dumps(
        {
            "format": "sciatica-export",
            "version": 4,
            "exported_at": factories.exported_at(),
            "check_ins": [],
            "flares": ["leg pain 7"],
        }
    )
    assert problems(raw) == ["Flare-up 1: Input should be a valid dictionary."]


def test_a_version_3_file_without_flare_ups_still_imports(store: Store) -> None:
    raw = json.dumps(
        {
            "format": "sciatica-export",
            "version": 3,
            "exported_at": factories.exported_at(),
            "check_ins": [json.loads(json.dumps(factories.check_in_data(), default=str))],
        }
    )
    plan = parse_import(raw, today=factories.today())
    assert (len(plan.check_ins), plan.flares) == (1, [])


def test_the_flare_up_csv_has_its_header_local_times_and_no_live_formulas() -> None:
    moment = datetime(2026, 7, 1, 13, 5, tzinfo=UTC)
    entry = FlareInput(
        day=date(2026, 7, 1),
        at=moment,
        leg_pain=7,
        back_pain=3,
        triggers=("sitting", "driving"),
        note='=HYPERLINK("http://x")',
    )
    rows = list(csv.DictReader(io.StringIO(flares_csv([entry], timezone="Europe/London"))))
    assert tuple(rows[0]) == FLARE_CSV_COLUMNS
    assert rows == [
        {
            "day": "2026-07-01",
            "time": "14:05",
            "at_utc": "2026-07-01T13:05:00Z",
            "leg_pain": "7",
            "back_pain": "3",
            "triggers": "sitting driving",
            "helped": "",
            "note": '\'=HYPERLINK("http://x")',
        }
    ]


def flare_ups() -> st.SearchStrategy[FlareInput]:
    """Valid flare-ups in the last two years, on the day the server's zone shows."""
    now = clock.now()
    choices = flare_choices()

    def build(minutes_back: int, **values: Any) -> FlareInput:
        moment = (now - timedelta(minutes=minutes_back)).replace(microsecond=0)
        return FlareInput(day=clock.day_at(moment, None), at=moment, **values)

    return st.builds(
        build,
        minutes_back=st.integers(1, 60 * 24 * 730),
        leg_pain=st.integers(0, 10),
        back_pain=st.none() | st.integers(0, 10),
        triggers=st.lists(st.sampled_from(list(choices.trigger_labels())), unique=True).map(tuple),
        helped=st.lists(st.sampled_from(list(choices.helped_labels())), unique=True).map(tuple),
        note=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(str.strip),
    )


@settings(
    max_examples=20,
    deadline=None,  # each example migrates two fresh databases
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(entries=st.lists(st.deferred(flare_ups), max_size=8))
def test_any_flare_ups_export_and_import_to_the_same_data(
    tmp_path_factory: pytest.TempPathFactory, entries: list[FlareInput]
) -> None:
    source = Store.open(f"sqlite:///{tmp_path_factory.mktemp('a') / 'a.db'}")
    target = Store.open(f"sqlite:///{tmp_path_factory.mktemp('b') / 'b.db'}")
    for entry in entries:
        add_flare(source, user_id=USER, entry=entry)
    assert diary(reimported(source, target)) == diary(export_data(source, user_id=USER))
    source.close()
    target.close()
