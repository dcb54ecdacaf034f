"""About me and the warning signs seen about, on SQLite and PostgreSQL, and in the export."""

from datetime import date, timedelta

from sciatica.diary.models import AboutMe, SignAnswer, SignSeen, TriageLevel
from sciatica.diary.today import (
    answer_still_the_case,
    current_alert,
    mark_cancer_assessed,
    mark_seen,
)
from sciatica.documents.export import apply_import, export_json, parse_import
from sciatica.storage.store import Store
from tests.factories import days_ago, make_check_in

USER = "local"


def save(store: Store, ago: int, *flags: str) -> None:
    entry = make_check_in(day=days_ago(ago), red_flags=list(flags))
    level = TriageLevel.URGENT if flags else TriageLevel.NONE
    store.save_check_in(user_id=USER, entry=entry, triage_level=level)


def test_about_me_is_stored_once_per_person_and_replaced_when_changed(
    store: Store, today: date
) -> None:
    assert store.get_about_me(user_id=USER) is None
    first = AboutMe(pregnant=True, due_date=today + timedelta(weeks=20), answered_on=today)
    store.save_about_me(user_id=USER, answers=first)
    assert store.get_about_me(user_id=USER) == first
    changed = AboutMe(osteoporosis=True, answered_on=today)
    store.save_about_me(user_id=USER, answers=changed)
    assert store.get_about_me(user_id=USER) == changed
    assert store.get_about_me(user_id="someone-else") is None


def test_a_sign_ticked_yesterday_stands_today_until_seen_about(store: Store, today: date) -> None:
    save(store, 1, "night_pain")
    save(store, 0)
    assert store.flagged_days(user_id=USER) == [(days_ago(1), frozenset({"night_pain"}))]
    alert = current_alert(store, user_id=USER, today=today)
    assert alert is not None
    assert alert.since == {"night_pain": days_ago(1)}
    mark_seen(store, user_id=USER, alert=alert, today=today)
    assert store.signs_seen(user_id=USER) == [
        SignSeen(flag_id="night_pain", sign_day=days_ago(1), seen_on=today)
    ]
    assert current_alert(store, user_id=USER, today=today) is None


def test_a_history_of_cancer_is_resolved_by_saying_a_doctor_assessed_it(
    store: Store, today: date
) -> None:
    store.save_about_me(user_id=USER, answers=AboutMe(had_cancer=True))
    assert current_alert(store, user_id=USER, today=today) is not None
    mark_cancer_assessed(store, user_id=USER)
    assert current_alert(store, user_id=USER, today=today) is None
    answers = store.get_about_me(user_id=USER)
    assert answers is not None
    assert answers.cancer_assessed


def test_deleting_the_diary_deletes_about_me_and_signs_seen(store: Store, today: date) -> None:
    store.save_about_me(user_id=USER, answers=AboutMe(hip_replacement=True))
    store.record_signs_seen(
        user_id=USER, seen=[SignSeen(flag_id="bowel", sign_day=today, seen_on=today)]
    )
    store.delete_user_data(user_id=USER)
    assert store.get_about_me(user_id=USER) is None
    assert store.signs_seen(user_id=USER) == []


def test_about_me_and_signs_seen_survive_export_and_import(
    store: Store, database_url: str, today: date
) -> None:
    answers = AboutMe(had_cancer=True, cancer_assessed=True, osteoporosis=True, answered_on=today)
    store.save_about_me(user_id=USER, answers=answers)
    save(store, 2, "fever_unwell")
    store.record_signs_seen(
        user_id=USER,
        seen=[SignSeen(flag_id="fever_unwell", sign_day=days_ago(2), seen_on=days_ago(1))],
    )
    raw = export_json(store, user_id=USER)
    plan = parse_import(raw, today=today)
    apply_import(store, user_id="moved", plan=plan)
    assert store.get_about_me(user_id="moved") == answers
    assert store.signs_seen(user_id="moved") == store.signs_seen(user_id=USER)
    assert current_alert(store, user_id="moved", today=today) is None


def test_each_answer_to_is_this_still_the_case_is_stored(store: Store, today: date) -> None:
    save(store, 20, "injury")
    alert = current_alert(store, user_id=USER, today=today)
    assert alert is not None
    assert alert.asking == ("injury",)
    answer_still_the_case(
        store, user_id=USER, alert=alert, answer=SignAnswer.STILL_THERE, today=today
    )
    still = current_alert(store, user_id=USER, today=today)
    assert still is not None  # it still stands, and is not asked about again for 14 days
    assert (still.since, still.asking) == ({"injury": days_ago(20)}, ())
    answer_still_the_case(store, user_id=USER, alert=alert, answer=SignAnswer.GONE, today=today)
    assert current_alert(store, user_id=USER, today=today) is None
    assert [item.answer for item in store.signs_seen(user_id=USER)] == [
        SignAnswer.STILL_THERE,
        SignAnswer.GONE,
    ]


def test_an_answer_still_there_survives_export_and_import(store: Store, today: date) -> None:
    save(store, 20, "injury")
    still = SignSeen(
        flag_id="injury", sign_day=days_ago(20), seen_on=today, answer=SignAnswer.STILL_THERE
    )
    store.record_signs_seen(user_id=USER, seen=[still])
    apply_import(
        store, user_id="moved", plan=parse_import(export_json(store, user_id=USER), today=today)
    )
    assert store.signs_seen(user_id="moved") == [still]
    moved = current_alert(store, user_id="moved", today=today)
    assert moved is not None
    assert moved.asking == ()
