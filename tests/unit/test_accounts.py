from datetime import UTC, datetime

import pytest

from sciatica.accounts import MAX_USER_ID_CHARS, IdentityMissing, identity_user_id, login_ended
from sciatica.storage.database import describe_database


def test_a_login_is_keyed_by_issuer_and_subject() -> None:
    assert identity_user_id(issuer="https://accounts.example", subject="123") == (
        "oidc:https://accounts.example|123"
    )


def test_the_same_subject_at_two_providers_is_two_people() -> None:
    assert identity_user_id(issuer="https://a.example", subject="1") != identity_user_id(
        issuer="https://b.example", subject="1"
    )


def test_very_long_identities_are_hashed_to_fit_and_stay_stable() -> None:
    long_subject = "x" * 400
    first = identity_user_id(issuer="https://a.example", subject=long_subject)
    assert len(first) <= MAX_USER_ID_CHARS
    assert first == identity_user_id(issuer="https://a.example", subject=long_subject)


@pytest.mark.parametrize(("issuer", "subject"), [(None, "1"), ("https://a", None), ("", "")])
def test_a_login_without_issuer_or_subject_is_refused(
    issuer: str | None, subject: str | None
) -> None:
    with pytest.raises(IdentityMissing):
        identity_user_id(issuer=issuer, subject=subject)


def test_the_database_description_never_shows_a_password() -> None:
    text = describe_database("postgresql+psycopg://clinic:s3cret@db.example:5432/diary")
    assert "s3cret" not in text
    assert "db.example" in text
    assert describe_database("sqlite:////home/ann/diary.db").endswith("/home/ann/diary.db")


LOGGED_OUT = datetime(2027, 3, 1, 12, 0, 30, 700_000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("issued_at", "logged_out_at", "ended"),
    [
        (LOGGED_OUT.timestamp() - 3600, None, False),  # never logged out
        (int(LOGGED_OUT.timestamp()) - 1, LOGGED_OUT, True),
        (LOGGED_OUT.timestamp() - 0.8, LOGGED_OUT, True),
        (int(LOGGED_OUT.timestamp()), LOGGED_OUT, False),  # the same second: logged back in
        (int(LOGGED_OUT.timestamp()) + 1, LOGGED_OUT, False),  # logged in again after it
        (None, LOGGED_OUT, True),  # no iat: any logout ends it
        ("1800000000", LOGGED_OUT, True),
        (True, LOGGED_OUT, True),
        (float("nan"), LOGGED_OUT, True),
        (float("inf"), LOGGED_OUT, True),
    ],
)
def test_a_logout_ends_every_login_issued_before_it(
    issued_at: object, logged_out_at: datetime | None, ended: bool
) -> None:
    assert login_ended(issued_at=issued_at, logged_out_at=logged_out_at) is ended
