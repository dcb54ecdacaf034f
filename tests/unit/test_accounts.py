import pytest

from sciatica.accounts import MAX_USER_ID_CHARS, IdentityMissing, identity_user_id
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
