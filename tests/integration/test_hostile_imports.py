"""Files no import may take: each refused with one clear message, the diary left as it was.

The files (tests/hostile_files.py) are a valid export with one thing wrong in each: a date no diary
has, a value of the wrong type, an exercise the catalogue lacks, or a shape Python's own JSON
reader fails on with an error of its own (RecursionError, ValueError).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sciatica import cli, i18n
from sciatica.diary.models import TriageLevel
from sciatica.documents.csv_io import parse_check_in_csv
from sciatica.documents.export import ImportRejected, apply_import, export_data, parse_import
from sciatica.storage.store import Store
from tests import factories
from tests.factories import make_check_in
from tests.hostile_files import HOSTILE_FILES, hostile_file, valid_export

USER = "local"


@pytest.fixture
def command_line(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line works on the test's database, as SCIATICA_DATABASE_URL tells it to."""
    monkeypatch.setenv("SCIATICA_DATABASE_URL", database_url)


def whole_diary(store: Store) -> dict[str, Any]:
    """Everything the diary holds, as an export, without the moment it was taken."""
    data = export_data(store, user_id=USER)
    data.pop("exported_at")
    return data


@pytest.fixture
def kept_diary(store: Store) -> dict[str, Any]:
    """A diary with a check-in and the valid file's routine and session, as it is before."""
    entry = make_check_in(day=factories.days_ago(5), notes="My own entry.")
    store.save_check_in(user_id=USER, entry=entry, triage_level=TriageLevel.NONE)
    plan = parse_import(json.dumps(valid_export()), today=factories.today())
    apply_import(store, user_id=USER, plan=plan)
    return whole_diary(store)


def test_the_valid_file_the_hostile_ones_are_made_from_imports(store: Store) -> None:
    plan = parse_import(json.dumps(valid_export()), today=factories.today())
    apply_import(store, user_id=USER, plan=plan)
    diary = whole_diary(store)
    assert [len(diary[key]) for key in ("check_ins", "routines", "sessions", "signs_seen")] == [
        1,
        1,
        1,
        1,
    ]


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_a_hostile_file_is_refused_with_one_message_that_names_the_record(name: str) -> None:
    raw, message = hostile_file(name)
    with pytest.raises(ImportRejected) as rejected:
        parse_import(raw, today=factories.today())
    assert rejected.value.problems == [message]


@pytest.mark.usefixtures("command_line")
@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_the_command_line_refuses_a_hostile_file_with_exit_2_and_changes_nothing(
    name: str,
    store: Store,
    kept_diary: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    raw, message = hostile_file(name)
    path = tmp_path / "hostile.json"
    path.write_bytes(raw)
    assert cli.main(["import", str(path)]) == cli.EXIT_REJECTED
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"Nothing was imported. Problems in {path}:\n{message}\n"
    assert whole_diary(store) == kept_diary


@pytest.mark.usefixtures("command_line")
def test_a_file_over_the_size_limit_is_refused_by_the_command_line(
    store: Store, kept_diary: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as file:
        file.truncate(20_000_001)
    assert cli.main(["import", str(path)]) == cli.EXIT_REJECTED
    assert "The file is larger than 20 MB, the most an import reads." in capsys.readouterr().err
    assert whole_diary(store) == kept_diary


@pytest.mark.usefixtures("command_line")
def test_an_endless_device_is_refused_after_the_limit_without_reading_it_whole(
    store: Store, kept_diary: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["import", "/dev/zero"]) == cli.EXIT_REJECTED
    assert "The file is larger than 20 MB, the most an import reads." in capsys.readouterr().err
    assert whole_diary(store) == kept_diary


@pytest.mark.usefixtures("command_line")
def test_a_pipe_is_read_only_up_to_the_limit(
    store: Store, kept_diary: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    written: list[int] = []

    def feed() -> None:
        # Writes until the reader closes its end: a pipe with no end, as `yes` would give.
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as pipe:
            while sum(written) < 200_000_000:
                written.append(pipe.write(b" " * 1_000_000))

    writer = threading.Thread(target=feed)
    writer.start()
    assert cli.main(["import", str(fifo)]) == cli.EXIT_REJECTED
    writer.join(timeout=30)
    assert "larger than 20 MB" in capsys.readouterr().err
    assert sum(written) < 22_000_000  # the limit, and at most the block written past it
    assert whole_diary(store) == kept_diary


def test_problems_in_several_records_give_one_message_each() -> None:
    document = valid_export()
    session = document["sessions"][0]
    document["sessions"] = [
        session,
        {**session, "day": "0001-01-01", "outcomes": {"nope": "done"}, "pain_after": 99},
        {**session, "day": "1899-12-31", "outcomes": {"nope": "done"}},
    ]
    with pytest.raises(ImportRejected) as rejected:
        parse_import(json.dumps(document), today=factories.today())
    assert rejected.value.problems == [
        "Session 2: Leg pain after: must be between 0 and 10.",
        "Session 3: date 1899-12-31 is before 01 January 2000; unknown exercise 'nope'.",
    ]


def test_a_refusal_is_in_the_page_s_language_and_in_english_on_the_command_line() -> None:
    document = valid_export()
    session = document["sessions"][0]
    document["sessions"] = [session, {**session, "day": "1899-12-31", "outcomes": {"nope": "done"}}]
    document["routines"].append({**document["routines"][0], "name": "Ett till"})
    with i18n.use("sv"), pytest.raises(ImportRejected) as rejected:
        parse_import(json.dumps(document), today=factories.today())
    assert rejected.value.problems == [
        "Program 2: nyckeln 1 används redan av ett annat program i filen.",
        "Träningspass 2: datum 1899-12-31 ligger före 01 januari 2000; okänd övning 'nope'.",
    ]
    with pytest.raises(ImportRejected) as english:
        parse_import(json.dumps(document), today=factories.today())
    assert english.value.problems[0] == "Routine 2: key 1 is used by another routine in the file."


def test_a_routine_may_start_within_a_year_and_a_baby_be_due() -> None:
    document = valid_export()
    document["routines"][0]["start_date"] = str(factories.days_ago(-300))
    document["about_me"] |= {"pregnant": True, "due_date": str(factories.days_ago(-200))}
    plan = parse_import(json.dumps(document), today=factories.today())
    assert plan.routines[0].routine.start_date == factories.days_ago(-300)


def test_two_routines_with_one_key_are_refused() -> None:
    document = valid_export()
    document["routines"].append({**document["routines"][0], "name": "Another"})
    with pytest.raises(ImportRejected) as rejected:
        parse_import(json.dumps(document), today=factories.today())
    assert rejected.value.problems == ["Routine 2: key 1 is used by another routine in the file."]


def test_a_record_that_is_not_an_object_is_named() -> None:
    document = valid_export()
    document["sessions"].append("a session")
    with pytest.raises(ImportRejected) as rejected:
        parse_import(json.dumps(document), today=factories.today())
    assert rejected.value.problems == ["Session 2: Input should be a valid dictionary."]


@pytest.mark.usefixtures("command_line")
def test_control_characters_from_the_file_reach_the_terminal_only_as_question_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = valid_export()
    document["check_ins"][0]["day"] = "\x1b[2J\x1b[31m"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    assert cli.main(["import", str(path)]) == cli.EXIT_REJECTED
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "Check-in 1 (?[2J?[31m): Date:" in err


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (b"0001-01-01,4,2", "Check-in 1 (0001-01-01): Date: must be on or after 01 January 2000."),
        (b"9999-12-25,4,2", "Check-in 1 (9999-12-25): Date: cannot be in the future."),
        (
            b"{day},4," + b"9" * 5000,
            "Check-in 1 ({day}): Back pain: the number is too long to read.",
        ),
    ],
)
def test_a_hostile_csv_is_refused_with_one_message(row: bytes, message: str) -> None:
    day = str(factories.days_ago(5))
    raw = b"day,leg_pain,back_pain\n" + row.replace(b"{day}", day.encode()) + b"\n"
    with pytest.raises(ImportRejected) as rejected:
        parse_check_in_csv(raw, today=factories.today())
    assert rejected.value.problems == [message.replace("{day}", day)]


TOO_DEEP = "The file nests its values more than 16 levels deep; an export uses 16 at most."


@pytest.mark.parametrize(
    ("levels", "problem"),
    [
        # A note is three levels in (the file, its check-ins, the check-in): 13 more make 16.
        (13, "Check-in 1 ({day}): Notes: input should be a valid string."),
        (14, TOO_DEEP),
    ],
)
def test_nesting_past_sixteen_levels_is_refused_before_any_record_is_read(
    levels: int, problem: str
) -> None:
    document = valid_export()
    document["check_ins"][0]["notes"] = json.loads("[" * levels + "]" * levels)
    with pytest.raises(ImportRejected) as rejected:
        parse_import(json.dumps(document), today=factories.today())
    assert rejected.value.problems == [problem.replace("{day}", str(factories.days_ago(1)))]


def test_a_file_of_escaped_quotes_is_read_once_not_once_per_quote() -> None:
    # Half a megabyte of \" inside one unclosed string: a reader that looks for the string's
    # end again from every quote would take minutes over it.
    raw = '{"format": "' + '\\"' * 250_000
    with pytest.raises(ImportRejected) as rejected:
        parse_import(raw, today=factories.today())
    assert rejected.value.problems[0].startswith("The file is not valid JSON (line 1, column")


def _with(path: str, value: object) -> bytes:
    """The valid file with one value replaced ("check_ins.0.leg_pain")."""
    document = valid_export()
    *parents, last = path.split(".")
    holder: Any = document
    for part in parents:
        holder = holder[int(part)] if part.isdigit() else holder[part]
    holder[last] = value
    return json.dumps(document).encode()


def _csv(row: bytes) -> bytes:
    return b"day,leg_pain,back_pain\n" + row.replace(b"{day}", DAY.encode()) + b"\n"


DAY = "{day}"  # a check-in's day, filled in by the test (five days ago)


@pytest.mark.parametrize(
    ("kind", "raw", "english", "swedish"),
    [
        (
            "json",
            lambda: b'{"format": "sciatica-export",',
            "The file is not valid JSON (line 1, column 30): a name in double quotes was expected.",
            "Filen är inte giltig JSON (rad 1, kolumn 30): ett namn inom dubbla citattecken "
            "saknas.",
        ),
        (
            "json",
            lambda: b'{"a": 1} and more',
            "The file is not valid JSON (line 1, column 10): more follows the end of the data.",
            "Filen är inte giltig JSON (rad 1, kolumn 10): det finns mer efter slutet på datan.",
        ),
        (
            "json",
            lambda: _with("version", 9),
            "File: version: Input should be 1, 2, 3, 4 or 5.",
            "Filen: version: Måste vara 1, 2, 3, 4 eller 5.",
        ),
        (
            "json",
            lambda: _with("check_ins", {"day": "2026-01-01"}),
            "File: check_ins: Input should be a valid list.",
            "Filen: check_ins: Måste vara en lista.",
        ),
        (
            "json",
            lambda: _with("check_ins.0.red_flags", "none"),
            "Check-in 1 ({day}): Warning signs: input should be a valid list.",
            "Incheckning 1 ({day}): Varningstecken: måste vara en lista.",
        ),
        (
            "json",
            lambda: _with("signs_seen.0.flag_id", "Made Up!"),
            "Seen about 1: Flag id: string should match pattern '^[a-z_]+$'.",
            "Bedömt varningstecken 1: flag_id: värdet går inte att använda här.",
        ),
        (
            "json",
            lambda: _with("check_ins.0.red_flags", ["made_up"]),
            "Check-in 1 ({day}): Warning signs: 'made_up' is not a warning sign the app knows.",
            "Incheckning 1 ({day}): Varningstecken: 'made_up' är inget varningstecken som appen "
            "känner till.",
        ),
        (
            "csv",
            lambda: "dag;ryggsmärta\n{day};2\n".encode(),
            "Header: missing column leg_pain.",
            "Rubrikraden saknar kolumnen bensmärta.",
        ),
        (
            "csv",
            lambda: _csv(b'"{day}"x,4,2'),
            "The file is not valid CSV: line 2: a closing quote must be followed by the "
            "separator, or the end of the line.",
            "Filen är inte giltig CSV: rad 2: ett avslutande citattecken måste följas av "
            "avgränsaren eller radens slut.",
        ),
        (
            "csv",
            lambda: _csv(b"{day},seven,2"),
            "Check-in 1 ({day}): Leg pain: input should be a valid integer.",
            "Incheckning 1 ({day}): Smärta i benet: måste vara ett heltal.",
        ),
        (
            "csv",
            lambda: _csv(b"{day},4," + b"9" * 5000),
            "Check-in 1 ({day}): Back pain: the number is too long to read.",
            "Incheckning 1 ({day}): Smärta i ryggen: talet är för långt för att läsas.",
        ),
    ],
)
def test_a_refusal_of_the_file_s_shape_is_worded_by_the_app_in_each_language(
    kind: str, raw: Callable[[], bytes], english: str, swedish: str
) -> None:
    """What Python's JSON and CSV readers and pydantic find is said in the page's language."""
    day = str(factories.days_ago(5))
    file = raw().replace(DAY.encode(), day.encode())
    if kind == "json":  # the valid file's check-in is yesterday's
        day = str(factories.days_ago(1))

    parse = parse_import if kind == "json" else parse_check_in_csv

    def refused(language: i18n.Language) -> list[str]:
        with i18n.use(language), pytest.raises(ImportRejected) as rejected:
            parse(file, today=factories.today())
        return rejected.value.problems

    assert refused("en") == [english.replace(DAY, day)]
    assert refused("sv") == [swedish.replace(DAY, day)]


@pytest.mark.usefixtures("command_line")
def test_a_refusal_of_more_than_fifty_problems_counts_the_rest(
    store: Store, kept_diary: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = valid_export()
    check_in = document["check_ins"][0]
    document["check_ins"] = [
        {**check_in, "day": str(factories.days_ago(n + 1)), "leg_pain": 99} for n in range(60)
    ]
    path = tmp_path / "sixty-problems.json"
    path.write_text(json.dumps(document))
    assert cli.main(["import", str(path)]) == cli.EXIT_REJECTED
    said = capsys.readouterr().err
    assert said.rstrip().endswith("\n…and 10 more problems.")
    assert "{count}" not in said
    assert whole_diary(store) == kept_diary
