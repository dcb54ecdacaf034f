import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica.diary.models import CheckInInput, LegExtent, Side, TriageLevel
from sciatica.documents.export import (
    MAX_IMPORT_BYTES,
    ImportRejected,
    apply_import,
    export_data,
    export_json,
    parse_import,
)
from sciatica.storage.store import Store
from tests import factories
from tests.factories import check_in_data, days_ago, make_check_in

FIELDS = set(CheckInInput.model_fields)


def document(*records: dict[str, object], **envelope: object) -> str:
    data = {"format": "sciatica-export", "version": 1, "exported_at": factories.exported_at()}
    data.update(envelope)
    data.setdefault("check_ins", [json.loads(json.dumps(r, default=str)) for r in records])
    return json.dumps(data)


def rejected(raw: str | bytes) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        parse_import(raw, today=factories.today())
    return caught.value.problems


def with_check_ins(*records: dict[str, object]) -> Callable[[], str]:
    """A file of check-ins built when the test runs, each today unless a record says otherwise."""
    return lambda: document(*(check_in_data(**record) for record in records))


text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


def check_ins() -> st.SearchStrategy[CheckInInput]:
    """Valid check-ins up to today; deferred below, so today is read by the test clock."""
    return st.builds(
        CheckInInput,
        day=st.dates(min_value=date(2000, 1, 1), max_value=factories.today()),
        leg_pain=st.integers(0, 10),
        back_pain=st.integers(0, 10),
        extent=st.sampled_from(LegExtent),
        side=st.none() | st.sampled_from(Side),
        activity_minutes=st.integers(0, 1440),
        medication=text.map(str.strip),
        notes=text.map(str.strip),
        red_flags=st.frozensets(st.sampled_from(["night_pain", "bowel", "saddle"])),
    )


@settings(
    max_examples=30,
    deadline=None,  # each example migrates two fresh databases: slow machines must not flake
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(entries=st.lists(st.deferred(check_ins), max_size=8, unique_by=lambda entry: entry.day))
def test_export_then_import_into_an_empty_diary_gives_back_the_same_data(
    tmp_path_factory: pytest.TempPathFactory, entries: list[CheckInInput]
) -> None:
    source = Store.open(f"sqlite:///{tmp_path_factory.mktemp('a') / 'a.db'}")
    target = Store.open(f"sqlite:///{tmp_path_factory.mktemp('b') / 'b.db'}")
    source.save_many(user_id="local", entries=[(e, TriageLevel.NONE) for e in entries])
    plan = parse_import(export_json(source, user_id="local"), today=factories.today())
    apply_import(target, user_id="local", plan=plan)
    assert (
        export_data(target, user_id="local")["check_ins"]
        == (export_data(source, user_id="local")["check_ins"])
    )
    source.close()
    target.close()


def test_import_replaces_days_that_already_exist_and_keeps_the_rest(
    store: Store, today: date
) -> None:
    store.save_check_in(
        user_id="local",
        entry=make_check_in(day=days_ago(1)),
        triage_level=TriageLevel.NONE,
    )
    store.save_check_in(
        user_id="local", entry=make_check_in(leg_pain=1), triage_level=TriageLevel.NONE
    )
    plan = parse_import(document(check_in_data(leg_pain=9)), today=today)
    apply_import(store, user_id="local", plan=plan)
    assert [e.leg_pain for e in store.all_check_ins(user_id="local")] == [5, 9]


def test_imported_warning_signs_are_triaged_again(store: Store, today: date) -> None:
    plan = parse_import(document(check_in_data(red_flags=["bowel"])), today=today)
    apply_import(store, user_id="local", plan=plan)
    stored = store.get_check_in(user_id="local", day=today)
    assert stored is not None
    assert stored.triage_level is TriageLevel.EMERGENCY


def test_the_country_travels_with_the_export(store: Store, today: date) -> None:
    apply_import(store, user_id="local", plan=parse_import(document(country="AU"), today=today))
    assert store.get_country(user_id="local") == "AU"


def test_the_language_chosen_travels_with_the_export(store: Store, today: date) -> None:
    store.set_language(user_id="local", language="sv")
    exported = export_json(store, user_id="local")
    assert json.loads(exported)["language"] == "sv"
    store.set_language(user_id="local", language=None)
    apply_import(store, user_id="local", plan=parse_import(exported, today=today))
    assert store.get_language(user_id="local") == "sv"


def test_a_file_without_a_language_leaves_the_choice_as_it_is(store: Store, today: date) -> None:
    store.set_language(user_id="local", language="sv")
    apply_import(store, user_id="local", plan=parse_import(document(version=3), today=today))
    assert store.get_language(user_id="local") == "sv"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ('{"format": "sciatica-export", "version": 1', "The file is not valid JSON (line 1"),
        ("[]", "File: Input should be a valid dictionary"),
        (document(format="other"), "File: format: Input should be 'sciatica-export'"),
        (document(version=6), "File: version: Input should be 1, 2, 3, 4 or 5"),
        (document(extra=1), "File: extra: Extra inputs are not permitted"),
        (document(check_ins="nope"), "File: check_ins: Input should be a valid list"),
        (document(country="XX"), "File: country 'XX' is not one the app knows."),
        (document(language="fi"), "File: language: Input should be 'en' or 'sv'"),
        (with_check_ins({"day": "{tomorrow}"}), "Check-in 1 ({tomorrow}): Date: cannot be"),
        (with_check_ins({"leg_pain": "a lot"}), "Check-in 1 ({today}): Leg pain: input"),
        (with_check_ins({"back_pain": 11}), "Back pain: must be between 0 and 10."),
        (with_check_ins({"mood": 1}), "Check-in 1 ({today}): Mood: extra inputs"),
        (
            with_check_ins({"red_flags": ["x"]}),
            "Check-in 1 ({today}): Warning signs: 'x' is not a warning sign",
        ),
        (with_check_ins({}, {}), "Check-in {today}: this date appears"),
        (b"\xff\xfe{}", "The file is not UTF-8 text."),
    ],
)
def test_a_bad_file_is_rejected_with_the_record_and_reason(
    raw: str | bytes | Callable[[], str], problem: str, today: date
) -> None:
    if callable(raw):
        raw = raw()
    for placeholder, day in {"{today}": today, "{tomorrow}": days_ago(-1)}.items():
        problem = problem.replace(placeholder, str(day))
        if isinstance(raw, str):
            raw = raw.replace(placeholder, str(day))
    assert any(message.startswith(problem) or problem in message for message in rejected(raw))


def test_a_rejected_import_changes_nothing(store: Store, today: date) -> None:
    store.save_check_in(
        user_id="local", entry=make_check_in(leg_pain=3), triage_level=TriageLevel.NONE
    )
    raw = document(check_in_data(day=days_ago(24)), check_in_data(leg_pain=99))
    with pytest.raises(ImportRejected):
        apply_import(store, user_id="local", plan=parse_import(raw, today=today))
    assert [e.leg_pain for e in store.all_check_ins(user_id="local")] == [3]


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    (message,) = rejected(b" " * (MAX_IMPORT_BYTES + 1))
    assert message == "The file is larger than 20 MB, the most an import reads."


def test_a_byte_order_mark_is_accepted(today: date) -> None:
    plan = parse_import(b"\xef\xbb\xbf" + document(check_in_data()).encode(), today=today)
    assert len(plan.check_ins) == 1


def test_every_problem_is_listed_not_just_the_first() -> None:
    raw = document(*(check_in_data(day=days_ago(30 + n), leg_pain=20) for n in range(10)))
    assert len(rejected(raw)) == 10


def test_the_export_file_names_its_format_and_version(store: Store, tmp_path: Path) -> None:
    data = export_data(store, user_id="local")
    assert (data["format"], data["version"], data["check_ins"]) == ("sciatica-export", 5, [])
    assert (data["about_me"], data["signs_seen"], data["flares"]) == (None, [], [])
    assert (data["routines"], data["sessions"]) == ([], [])


def test_routines_and_sessions_travel_with_the_export_and_come_back_the_same(
    store: Store, tmp_path: Path, today: date
) -> None:
    from sciatica.demo import write_demo_data

    write_demo_data(store, user_id="local", days=120, seed=1, end=today)
    exported = export_data(store, user_id="local")
    (routine,) = exported["routines"]
    assert routine["history"]  # the demo routine changed by the rules, and says why
    assert all(change["sentence"].endswith(".") for change in routine["history"])
    # The rules moved the doses (on some days back again, so where they stand may equal the start).
    assert any(change["changed"] and change["changes"] for change in routine["history"])
    assert exported["sessions"]
    assert {s["routine_key"] for s in exported["sessions"]} == {
        exported["routines"][0]["key"],
        None,
    }

    fresh = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    apply_import(fresh, user_id="local", plan=parse_import(json.dumps(exported), today=today))
    again = export_data(fresh, user_id="local")
    for key in ("check_ins", "routines", "sessions"):
        assert again[key] == exported[key], key
    apply_import(fresh, user_id="local", plan=parse_import(json.dumps(exported), today=today))
    assert export_data(fresh, user_id="local")["sessions"] == exported["sessions"]  # no copies
    fresh.close()


@pytest.mark.parametrize(
    ("routines", "sessions", "problem"),
    [
        (
            [
                {
                    "key": 1,
                    "active": True,
                    "name": "x",
                    "items": [],
                    "days": [0],
                }
            ],
            [],
            "Routine 1: Items:",
        ),
        (
            [
                {
                    "key": 1,
                    "active": True,
                    "name": "x",
                    "days": [0],
                    "items": [{"exercise_id": "clamshell", "reps": 40}],
                }
            ],
            [],
            "Routine 1: Clamshell: repetitions 40 is outside the safe range",
        ),
        (
            [],
            [
                {
                    "routine_key": 7,
                    "pain_before": 1,
                    "worst_during": 1,
                    "pain_after": 1,
                }
            ],
            "Session 1: refers to routine 7",
        ),
        (
            [],
            [
                {
                    "routine_key": None,
                    "pain_before": 1,
                    "worst_during": 12,
                    "pain_after": 1,
                }
            ],
            "Session 1: Worst leg pain during: must be between 0 and 10.",
        ),
    ],
)
def test_bad_routines_and_sessions_are_rejected_with_the_record_and_reason(
    routines: list[dict[str, object]], sessions: list[dict[str, object]], problem: str
) -> None:
    # The days are filled in here, so the table itself holds no date.
    day = str(days_ago(23))
    routines = [{**routine, "start_date": day} for routine in routines]
    sessions = [{**session, "day": day} for session in sessions]
    problems = rejected(document(routines=routines, sessions=sessions, version=2))
    assert any(problem in message for message in problems), problems


def test_a_version_2_file_without_about_me_still_imports() -> None:
    plan = parse_import(document(version=2, routines=[], sessions=[]), today=factories.today())
    assert (plan.about_me, plan.signs_seen) == (None, [])


def test_about_me_and_signs_seen_are_checked_before_anything_is_imported() -> None:
    problems = rejected(
        document(
            version=3,
            about_me={"pregnant": False, "due_date": "2030-01-01"},
            signs_seen=[{"flag_id": "made_up", "sign_day": "2026-01-01", "seen_on": "2026-01-02"}],
        )
    )
    assert any(problem.startswith("About me:") for problem in problems)
    assert "Seen about 1: Warning signs: 'made_up' is not a warning sign the app knows." in problems


def test_none_of_these_today_travels_with_the_export_apart_from_a_screen_left_unanswered(
    store: Store, tmp_path: Path, today: date
) -> None:
    answered = make_check_in(no_warning_signs=True)
    unanswered = make_check_in(day=days_ago(1))
    store.save_many(
        user_id="local", entries=[(answered, TriageLevel.NONE), (unanswered, TriageLevel.NONE)]
    )
    written = export_data(store, user_id="local")["check_ins"]
    assert [record["no_warning_signs"] for record in written] == [False, True]

    target = Store.open(f"sqlite:///{tmp_path / 'restored.db'}")
    plan = parse_import(export_json(store, user_id="local"), today=today)
    apply_import(target, user_id="local", plan=plan)
    restored = target.all_check_ins(user_id="local")
    assert [(entry.day, entry.no_warning_signs) for entry in restored] == [
        (days_ago(1), False),
        (today, True),
    ]
    target.close()


def test_a_file_from_before_none_of_these_today_reads_every_day_as_not_answered_explicitly(
    today: date,
) -> None:
    older = document(check_in_data(), check_in_data(day=days_ago(1), red_flags=["night_pain"]))
    assert "no_warning_signs" not in older
    plan = parse_import(older, today=today)
    assert [entry.no_warning_signs for entry in plan.check_ins] == [False, False]


def test_a_file_with_none_of_these_today_beside_a_ticked_sign_is_refused() -> None:
    both = document(check_in_data(red_flags=["night_pain"], no_warning_signs=True))
    (problem,) = rejected(both)
    assert problem.startswith("Check-in 1")
    assert "Tick the warning signs that apply, or “None of these today”, not both." in problem
