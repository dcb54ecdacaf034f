from datetime import date

import pytest
import sqlalchemy as sa

from sciatica.diary.models import TriageLevel
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in
from tests.hostile import diary_with_dates_at_the_ends


def save(store: Store, user: str = "local", **overrides: object) -> bool:
    entry = make_check_in(**overrides)
    return store.save_check_in(user_id=user, entry=entry, triage_level=TriageLevel.NONE).updated


def test_a_saved_check_in_reads_back_unchanged(store: Store, today: date) -> None:
    entry = make_check_in(notes="Walked <b>twice</b> ☀", red_flags=["night_pain"], medication="x")
    saved = store.save_check_in(user_id="local", entry=entry, triage_level=TriageLevel.URGENT)
    loaded = store.get_check_in(user_id="local", day=today)
    assert loaded == saved.check_in
    assert loaded is not None
    assert loaded.model_dump(include=set(type(entry).model_fields)) == entry.model_dump()
    assert loaded.triage_level is TriageLevel.URGENT
    assert loaded.created_at.tzinfo is not None


def test_saving_the_same_day_again_updates_it_instead_of_adding_a_second(
    store: Store, today: date
) -> None:
    assert save(store, leg_pain=6) is False
    assert save(store, leg_pain=4) is True
    assert store.count_check_ins(user_id="local") == 1
    loaded = store.get_check_in(user_id="local", day=today)
    assert loaded is not None
    assert loaded.leg_pain == 4
    assert loaded.updated_at >= loaded.created_at


def test_a_saved_check_in_is_visible_to_a_new_connection_at_once(
    database_url: str, today: date
) -> None:
    writer = Store.open(database_url)
    save(writer, leg_pain=7)
    reader = Store.open(database_url)
    loaded = reader.get_check_in(user_id="local", day=today)
    assert loaded is not None
    assert loaded.leg_pain == 7
    writer.close()
    reader.close()


def test_each_user_sees_only_their_own_check_ins(store: Store) -> None:
    save(store, user="ann", leg_pain=2)
    save(store, user="bob", leg_pain=9)
    ann = store.all_check_ins(user_id="ann")
    assert [entry.leg_pain for entry in ann] == [2]
    assert store.latest_check_in(user_id="bob").leg_pain == 9  # type: ignore[union-attr]


def test_latest_before_a_day_skips_that_day_and_later(store: Store, today: date) -> None:
    for days, pain in [(3, 7), (1, 5), (0, 4)]:
        save(store, day=days_ago(days), leg_pain=pain)
    previous = store.latest_check_in(user_id="local", before=today)
    assert previous is not None
    assert (previous.day, previous.leg_pain) == (days_ago(1), 5)


def test_recent_check_ins_come_newest_first_and_are_bounded(store: Store, today: date) -> None:
    for days in range(20):
        save(store, day=days_ago(days))
    recent = store.recent_check_ins(user_id="local", limit=14)
    assert len(recent) == 14
    assert recent[0].day == today
    assert recent[-1].day == days_ago(13)


def test_check_ins_between_is_inclusive_and_oldest_first(store: Store) -> None:
    for days in range(10):
        save(store, day=days_ago(days))
    found = store.check_ins_between(user_id="local", start=days_ago(5), end=days_ago(2))
    assert [entry.day for entry in found] == [days_ago(n) for n in (5, 4, 3, 2)]


def test_last_sbi_day_finds_the_latest_weekly_answers(store: Store, today: date) -> None:
    sbi = {"sbi_leg_pain": 2, "sbi_numbness": 2, "sbi_weakness": 1, "sbi_sitting": 3}
    save(store, day=days_ago(9), **sbi)
    save(store, day=days_ago(2), **sbi)
    save(store, day=today)
    assert store.last_sbi_day(user_id="local") == days_ago(2)
    assert store.last_sbi_day(user_id="local", before=days_ago(2)) == days_ago(9)


def test_save_many_writes_all_or_nothing(store: Store, today: date) -> None:
    good = make_check_in(day=days_ago(1))
    bad = make_check_in(day=today).model_copy(update={"leg_pain": 99})  # bypasses validation
    with pytest.raises(sa.exc.IntegrityError):
        store.save_many(
            user_id="local", entries=[(good, TriageLevel.NONE), (bad, TriageLevel.NONE)]
        )
    assert store.count_check_ins(user_id="local") == 0


def test_the_country_is_remembered_per_user(store: Store) -> None:
    store.set_country(user_id="ann", country="NZ")
    assert store.get_country(user_id="ann") == "NZ"
    assert store.get_country(user_id="bob") is None


def test_sqlite_runs_with_wal_full_sync_busy_timeout_and_foreign_keys(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    with store.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 10000,
        "foreign_keys": 1,
    }
    store.close()


def test_deleting_check_ins_removes_only_that_users_rows(store: Store) -> None:
    save(store, user="ann")
    save(store, user="bob")
    assert store.delete_check_ins(user_id="ann") == 1
    assert store.count_check_ins(user_id="bob") == 1


def test_daily_rows_carry_each_days_numbers_with_the_sbi_total(store: Store, today: date) -> None:
    sbi = {"sbi_leg_pain": 2, "sbi_numbness": 3, "sbi_weakness": 1, "sbi_sitting": 4}
    save(store, day=days_ago(1), leg_pain=6, **sbi)
    save(store, day=today, leg_pain=4)
    rows = store.daily_rows(user_id="local", start=days_ago(7), end=today)
    assert [(row.day, row.leg_pain, row.sbi_total) for row in rows] == [
        (days_ago(1), 6, 10),
        (today, 4, None),
    ]
    assert rows[0].triage_level == "none"


def test_the_language_is_remembered_per_user_and_can_be_forgotten(store: Store) -> None:
    store.set_language(user_id="ann", language="sv")
    assert store.get_language(user_id="ann") == "sv"
    assert store.get_language(user_id="bob") is None
    store.set_language(user_id="ann", language=None)  # follow the browser again
    assert store.get_language(user_id="ann") is None


def test_a_language_the_app_no_longer_speaks_reads_as_no_choice(store: Store) -> None:
    store.set_country(user_id="ann", country="GB")
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE users SET language = 'xx' WHERE id = 'ann'"))
    assert store.get_language(user_id="ann") is None


@pytest.mark.parametrize("extreme", [date.min, date(9999, 12, 25)])
def test_dates_no_form_allows_read_back_as_they_are_stored(
    database_url: str, extreme: date
) -> None:
    diary_with_dates_at_the_ends(database_url, extreme)
    store = Store.open(database_url)
    assert extreme in {entry.day for entry in store.all_check_ins(user_id="local")}
    assert {routine.start_date for routine in store.list_routines(user_id="local")} == {extreme}
    sessions = store.sessions_between(user_id="local", start=date.min, end=date.max)
    assert extreme in {session.day for session in sessions}
    about_me = store.get_about_me(user_id="local")
    assert about_me is not None
    assert (about_me.due_date, about_me.answered_on) == (extreme, extreme)
    assert [seen.seen_on for seen in store.signs_seen(user_id="local")] == [extreme]
    store.close()
