from pathlib import Path

import pytest

from sciatica.content import ContentError, Source, SourceList, load_yaml, plural, sources
from sciatica.diary.safety import cited_sources, safety_content
from sciatica.diary.triage import content

# Nothing here depends on the date: the awkward-moment runs leave it out.
pytestmark = pytest.mark.timeless


def test_the_shipped_safety_content_loads_and_every_source_resolves() -> None:
    loaded = safety_content()
    titles = [section.title for section in loaded.sections]
    assert any("Stop an exercise" in title for title in titles)
    assert any("pregnant" in title for title in titles)
    assert "does not diagnose" in loaded.disclaimer


def test_the_safety_faq_answers_how_often_and_what_if_it_hurts() -> None:
    answers = {item.question: item.answer for item in safety_content().faq}
    assert "Three to four times a week" in answers["How often should I do the exercises?"]
    assert "Stop it" in answers["What if an exercise makes my pain worse?"]


def test_stop_rules_lead_with_the_guides_own_rule_then_not_pushing_through_pain() -> None:
    stop = next(s for s in safety_content().sections if s.title.startswith("Stop"))
    rule = "Stop the exercise if your pain increases, and talk to a health professional."
    assert stop.points[0] == rule == safety_content().stop_rule
    assert stop.points[1].startswith("Do not push through pain.")
    assert any("spreads further down your leg" in point for point in stop.points)


def test_the_disclaimer_says_no_diagnosis_and_check_before_starting() -> None:
    text = safety_content().disclaimer
    assert "does not diagnose" in text
    assert "Check with a health professional before starting" in text


def test_cited_sources_include_nice_and_nhs() -> None:
    ids = {source.id for source in cited_sources()}
    assert {"nice-ng59", "nice-cks", "nhs-sciatica", "nhs-exercises"} <= ids


def test_a_source_has_a_link_exactly_when_it_was_verified_against_the_page() -> None:
    for source in sources().values():
        assert (source.url is not None) is source.verified, source.id
        assert source.checked, source.id


def test_an_unverified_source_is_cited_by_title_without_a_link() -> None:
    assert sources()["oahct"].cite() == "*Sciatica exercises*, OAHCT"
    assert sources()["mayo-clinic"].cite().startswith("[Sciatica: Diagnosis and treatment](https")


def test_a_link_without_verification_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "sources.yaml"
    broken.write_text(
        "sources:\n  - {id: x, title: T, publisher: P, url: 'https://a.b', checked: not checked}\n"
    )
    with pytest.raises(ContentError, match="a url is given exactly when the source is verified"):
        load_yaml(broken, SourceList)


def test_emergency_numbers_cover_the_countries_named_in_the_brief() -> None:
    numbers = {code: c.number for code, c in content().emergency_numbers.items()}
    assert numbers["GB"] == "999"
    assert numbers["US"] == "911"
    assert numbers["AU"] == "000"
    assert numbers["NZ"] == "111"
    assert "112" in numbers["default"]


def test_a_typo_in_a_content_file_fails_loudly_naming_the_field(tmp_path: Path) -> None:
    broken = tmp_path / "sources.yaml"
    broken.write_text("sources:\n  - id: x\n    title: T\n    publisher: P\n    chekced: yes\n")
    with pytest.raises(ContentError, match=r"sources\.yaml: sources\.0\.checked: Field required"):
        load_yaml(broken, SourceList)


def test_unreadable_yaml_fails_with_the_file_named(tmp_path: Path) -> None:
    broken = tmp_path / "bad.yaml"
    broken.write_text("sources: [unclosed")
    with pytest.raises(ContentError, match=r"bad\.yaml: cannot be read"):
        load_yaml(broken, Source)


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 check-ins"), (1, "1 check-in"), (2, "2 check-ins"), (21, "21 check-ins")],
)
def test_plural_picks_the_form_for_the_count(count: int, expected: str) -> None:
    assert plural(count, "check-in", "check-ins") == expected


def test_plural_puts_the_count_where_a_phrase_asks_for_it() -> None:
    one, many = "{n} of these days is", "{n} of these days are"
    assert plural(1, one, many) == "1 of these days is"
    assert plural(3, one, many) == "3 of these days are"
