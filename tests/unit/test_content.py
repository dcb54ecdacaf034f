from pathlib import Path

import pytest

from sciatica.content import ContentError, Source, SourceList, load_yaml, sources
from sciatica.diary.safety import cited_sources, safety_content
from sciatica.diary.triage import content


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


def test_stop_rules_say_not_to_push_through_pain() -> None:
    stop = next(s for s in safety_content().sections if s.title.startswith("Stop"))
    assert any("increases your pain" in point for point in stop.points)
    assert any("spreads further down your leg" in point for point in stop.points)


def test_cited_sources_include_nice_and_nhs() -> None:
    ids = {source.id for source in cited_sources()}
    assert {"nice-ng59", "nice-cks", "nhs-sciatica", "nhs-exercises"} <= ids


def test_every_source_has_an_https_link() -> None:
    assert all(str(source.url).startswith("https://") for source in sources().values())


def test_emergency_numbers_cover_the_countries_named_in_the_brief() -> None:
    numbers = {code: c.number for code, c in content().emergency_numbers.items()}
    assert numbers["GB"] == "999"
    assert numbers["US"] == "911"
    assert numbers["AU"] == "000"
    assert numbers["NZ"] == "111"
    assert "112" in numbers["default"]


def test_a_typo_in_a_content_file_fails_loudly_naming_the_field(tmp_path: Path) -> None:
    broken = tmp_path / "sources.yaml"
    broken.write_text("sources:\n  - id: x\n    title: T\n    publisher: P\n    ur: https://a.b\n")
    with pytest.raises(ContentError, match=r"sources\.yaml: sources\.0\.url: Field required"):
        load_yaml(broken, SourceList)


def test_unreadable_yaml_fails_with_the_file_named(tmp_path: Path) -> None:
    broken = tmp_path / "bad.yaml"
    broken.write_text("sources: [unclosed")
    with pytest.raises(ContentError, match=r"bad\.yaml: cannot be read"):
        load_yaml(broken, Source)
